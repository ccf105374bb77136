import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { navFor } from '../../nav';
import { ConcernInbox } from '../situation/ConcernInbox';
import { AuditPanel } from '../audit-tracking/AuditPanel';

export function StartPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  if (!me) return null;
  const shortcuts = navFor((a) => can(a)).filter((n) => n.path !== '/');
  return (
    <>
      <PageHeading title={t('start.title')}>{t('start.greeting', { name: me.user.name })}</PageHeading>
      <p className="lead">{t('start.lead', { municipality: me.municipality.name })}</p>

      <ConcernInbox />
      <AuditPanel />

      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">{t('start.rolesHeading')}</h2>
        {me.user.roles.length === 0 ? (
          <p>{t('start.noRoles')}</p>
        ) : (
          <ul className="role-list">
            {me.user.roles.map((r) => (
              <li key={`${r.role}-${r.boardId}`}>
                <strong>{t(`roles.${r.role}`)}</strong> – {r.boardName ?? t('start.wholeMunicipality', { municipality: me.municipality.name })}
                <p className="hint">{t(`roleDescriptions.${r.role}`)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">{t('start.shortcutsHeading')}</h2>
        <ul className="card-list">
          {shortcuts.map((n) => (
            <li key={n.path} className="card">
              <Link to={n.path}>{t(n.labelKey)}</Link>
              <p className="hint">{t(`${n.labelKey}Description`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
