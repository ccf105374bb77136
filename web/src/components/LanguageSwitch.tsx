import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';

/** Switches between Swedish and English; saved on the account when logged in. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      lang={other}
      onClick={async () => {
        await i18n.changeLanguage(other);
        localStorage.setItem('varna.language', other);
        if (me) await api('PATCH', '/api/me', { language: other }).catch(() => undefined);
      }}
    >
      {t('layout.otherLanguage')}
    </button>
  );
}
