import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import type { TAuditSummary } from '@shared/modules/audit-tracking/schema';

/**
 * Start-page panel for those who answer or follow audits: local coordinators (their boards'
 * replies), the central coordinator and the auditor (every board's): replies awaited and overdue.
 */
export function AuditPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const follows = can('audit_measures.create') || can('audit_reports.create') || can('plans.review');
  const summary = useApiQuery<TAuditSummary>(follows && can('audit_reports.summary') ? '/api/audit-reports/summary' : null);
  if (!follows || !summary.data) return null;
  const { tally, boards } = summary.data;
  return (
    <section aria-labelledby="audit-panel-heading" className="panel">
      <h2 id="audit-panel-heading">{t('auditTracking.panelHeading')}</h2>
      {tally.awaiting_reply === 0 && tally.overdue === 0 ? (
        <p>{t('auditTracking.panelNone')}</p>
      ) : (
        <>
          <p>{t('auditTracking.panelAwaiting', { count: tally.awaiting_reply })}</p>
          {tally.overdue > 0 && (
            <p>
              <span className="tag tag--off">{t('auditTracking.overdue')}</span> {t('auditTracking.panelOverdue', { count: tally.overdue })}
            </p>
          )}
          {boards.length > 1 && (
            <ul>
              {boards.map((b) => (
                <li key={b.boardId}>
                  <Link to={`/revision?namnd=${b.boardId}`}>{t('auditTracking.panelBoard', { board: b.boardName, awaiting: b.awaiting, overdue: b.overdue })}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link to="/revision">{t('auditTracking.panelLink')}</Link>
      </p>
    </section>
  );
}
