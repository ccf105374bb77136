import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeading title={t('account.title')}>{t('account.title')}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>{t('users.name')}</dt>
          <dd>{me.user.name}</dd>
        </div>
        <div>
          <dt>{t('users.email')}</dt>
          <dd>{me.user.email}</dd>
        </div>
        <div>
          <dt>{t('account.municipality')}</dt>
          <dd>{me.municipality.name}</dd>
        </div>
        <div>
          <dt>{t('users.roles')}</dt>
          <dd>
            <ul className="plain-list">
              {me.user.roles.map((r) => (
                <li key={`${r.role}-${r.boardId}`}>
                  {t(`roles.${r.role}`)} – {r.boardName ?? t('users.wholeMunicipality')}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <h2>{t('account.privacyHeading')}</h2>
      <p>{t('account.privacy')}</p>
      <p>{t('account.passwordHelp')}</p>
    </>
  );
}
