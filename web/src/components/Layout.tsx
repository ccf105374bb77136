import { useCallback } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { navFor } from '../nav';
import { LanguageSwitch } from './LanguageSwitch';
import { DemoBanner } from './DemoBanner';
import { useScrollableRegions } from './scrollable-regions';

export function Layout() {
  const { t } = useTranslation();
  const { me, logOut, can } = useSession();
  const navigate = useNavigate();
  const items = navFor((a) => can(a));
  useScrollableRegions(useCallback(() => document.getElementById('main'), []));
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <DemoBanner />
      <header className="site-header">
        <div className="site-header__inner">
          <a href="/" className="brand">
            Värna <span className="brand__org">{me?.municipality.name}</span>
          </a>
          <div className="site-header__tools">
            <span className="site-header__user">{me?.user.name}</span>
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
        <nav aria-label={t('layout.menu')} className="main-nav">
          <ul>
            {items.map((n) => (
              <li key={n.path}>
                <NavLink to={n.path} end={n.path === '/'}>
                  {t(n.labelKey)}
                </NavLink>
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
