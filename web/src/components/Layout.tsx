import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { navFor } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { DemoBanner } from './DemoBanner';
import { useDelegatedLinks } from './delegated-links';
import { useScrollableRegions } from './scrollable-regions';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import './menu.css';

export function Layout() {
  const { t } = useTranslation();
  const { me, logOut, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const all = navFor((a) => can(a));
  const items = all.filter((n) => n.place !== 'user');
  const userItems = all.filter((n) => n.place === 'user');
  // On phones the menu is behind a button; it closes on Escape and when a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };
  useScrollableRegions(useCallback(() => document.getElementById('main'), []));
  // The menu's links are plain anchors with one click handler (a <NavLink> each cost the layout's
  // first render on a phone more than the rest of the menu); the current page's link is marked as
  // NavLink marks it: class "active" and aria-current="page" on its page and the pages under it.
  const onLinkClick = useDelegatedLinks();
  // A page chosen in the menu closes it with the same click, not a frame after the new page (the
  // effect on the path still closes it on any other way to another page, such as Back).
  const onMenuClick = (e: MouseEvent<HTMLElement>) => {
    onLinkClick(e);
    if (e.defaultPrevented) setMenuOpen(false);
  };
  const here = location.pathname.toLowerCase();
  const current = (path: string, end = false) => {
    const p = path.toLowerCase();
    return here === p || (!end && here.startsWith(p.endsWith('/') ? p : `${p}/`));
  };
  const menuLink = (path: string, label: string, end?: boolean) => {
    const active = current(path, end);
    return (
      <a href={path} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
        {label}
      </a>
    );
  };
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <DemoBanner />
      <header className="site-header" onKeyDown={closeOnEscape}>
        <div className="site-header__inner">
          <a href="/" className="brand">
            Värna <span className="brand__org">{me?.municipality.name}</span>
          </a>
          <NotificationBell />
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true" className="menu-button__icon">
              ☰
            </span>{' '}
            {t('layout.menuButton')}
          </button>
          <div className="site-header__tools">
            <UserMenu name={me?.user.name ?? ''} items={userItems} />
            <LanguageSwitch />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={async () => {
                await logOut();
                navigate('/logga-in');
              }}
            >
              {t('layout.logout')}
            </button>
          </div>
        </div>
        <nav id="main-nav" aria-label={t('layout.menu')} className={menuOpen ? 'main-nav main-nav--open' : 'main-nav'} onClick={onMenuClick}>
          <ul>
            {items.map((n) => (
              <li key={n.path}>{menuLink(n.path, t(n.labelKey), n.path === '/')}</li>
            ))}
            {userItems.map((n) => (
              <li key={n.path} className="main-nav__phone-only">
                {menuLink(n.path, t(n.labelKey))}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
