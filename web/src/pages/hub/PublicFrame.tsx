import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './hub.css';

/** The frame of the pages shown without login: skip link, the municipality's name, the language, a way to log in. */
export function PublicFrame({ municipality, children }: { municipality?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/stod" className="brand">
            Värna <span className="brand__org">{municipality}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--narrow">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('hub.public.footer')} <Link to="/logga-in">{t('hub.public.login')}</Link>
        </p>
      </footer>
    </>
  );
}

/** 112 and the police's 114 14, first on every public page, as links that call. */
export function EmergencyNumbers({ numbers }: { numbers: { label: string; phone: string }[] }) {
  const { t } = useTranslation();
  return (
    <section className="hub-emergency" aria-labelledby="hub-emergency">
      <h2 id="hub-emergency">{t('hub.public.emergencyHeading')}</h2>
      <ul className="plain-list">
        {numbers.map((n) => (
          <li key={n.phone}>
            <a href={`tel:${n.phone.replace(/\s/g, '')}`}>{n.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
