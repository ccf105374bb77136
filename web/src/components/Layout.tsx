import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { navFor } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { DemoBanner } from './DemoBanner';
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
        <nav id="main-nav" aria-label={t('layout.menu')} className={menuOpen ? 'main-nav main-nav--open' : 'main-nav'}>
          <ul>
            {items.map((n) => (
              <li key={n.path}>
                <NavLink to={n.path} end={n.path === '/'}>
                  {t(n.labelKey)}
                </NavLink>
              </li>
            ))}
            {userItems.map((n) => (
              <li key={n.path} className="main-nav__phone-only">
                <NavLink to={n.path}>{t(n.labelKey)}</NavLink>
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
