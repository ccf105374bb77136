import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';

const ROLES = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'] as const;

export function HelpPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('help.title')}>{t('help.title')}</PageHeading>
      <p className="lead">{t('help.lead')}</p>
      <h2>{t('help.rolesHeading')}</h2>
      <dl className="summary-list">
        {ROLES.map((r) => (
          <div key={r}>
            <dt>{t(`roles.${r}`)}</dt>
            <dd>{t(`roleDescriptions.${r}`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('help.privacyHeading')}</h2>
      <p>{t('help.privacy1')}</p>
      <p>{t('help.privacy2')}</p>
      <h2>{t('help.keyboardHeading')}</h2>
      <p>{t('help.keyboard')}</p>
      <h2>{t('help.apiHeading')}</h2>
      <p>
        {t('help.api')} <a href="/api/docs">{t('help.apiLink')}</a>
      </p>
    </>
  );
}
