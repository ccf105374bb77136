import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { BoardFilter } from '../../components/BoardFilter';
import { useBoardsFor } from '../../components/use-boards';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { OverdueTag, ReplyStatusTag, useReportTitle, type TAuditReport } from './shared';

/** Every audit report the user may see, each with its boards' replies, status tags and overdue flags. */
export function AuditReportsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const boardId = params.get('namnd');
  const reports = useApiQuery<TAuditReport[]>(`/api/audit-reports${boardId ? `?boardId=${boardId}` : ''}`);
  const title = useReportTitle();
  const choosable = useBoardsFor('audit_reports.list');

  return (
    <>
      <PageHeading title={t('auditTracking.title')}>{t('auditTracking.title')}</PageHeading>
      <p className="lead">{t('auditTracking.lead')}</p>
      {can('audit_reports.create') && (
        <p>
          <Link className="button" to="/revision/ny">
            {t('auditTracking.register')}
          </Link>
        </p>
      )}
      <BoardFilter id="audit-board" boards={choosable} label={t('auditTracking.board')} allLabel={t('auditTracking.allBoards')} showLabel={t('auditTracking.show')} />
      <QueryState query={reports}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('auditTracking.none')}</EmptyState>
          ) : (
            list.map((r) => <ReportReplies key={r.id} report={r} />)
          )
        }
      </QueryState>
    </>
  );
}

/** One report in the list: its dates, tally and each board's reply per recommendation. */
function ReportReplies({ report: r }: { report: TAuditReport }) {
  const { t } = useTranslation();
  const title = useReportTitle();
  return (
    <section className="panel" aria-labelledby={`report-${r.id}`}>
      <h2 id={`report-${r.id}`}>
        <Link to={`/revision/${r.id}`}>{title(r)}</Link>
      </h2>
      <p>
        {t('auditTracking.issuedOn')}: {r.issuedOn} · {t('auditTracking.replyDue')}: {r.replyDue}
      </p>
      <p className="hint">
        {t('auditTracking.tallyLine', { replies: r.tally.replies, awaiting: r.tally.awaiting_reply, inProgress: r.tally.in_progress, done: r.tally.done, overdue: r.tally.overdue })}
      </p>
      {r.recommendations.length > 0 && (
        <ScrollTable label={t('auditTracking.repliesCaption', { title: title(r) })}>
          <table className="table">
            <caption className="visually-hidden">{t('auditTracking.repliesCaption', { title: title(r) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auditTracking.recommendationCol')}</th>
                <th scope="col">{t('auditTracking.board')}</th>
                <th scope="col">{t('auditTracking.statusCol')}</th>
                <th scope="col">{t('auditTracking.measuresCol')}</th>
              </tr>
            </thead>
            <tbody>
              {r.recommendations.flatMap((c) =>
                c.replies.map((reply) => (
                  <tr key={`${c.id}-${reply.boardId}`}>
                    <td>
                      {t('auditTracking.recommendationN', { n: c.position })}: {c.text}
                    </td>
                    <th scope="row">{reply.boardName}</th>
                    <td>
                      <ReplyStatusTag status={reply.status} />
                      <OverdueTag overdue={reply.overdue} />
                    </td>
                    <td>
                      {t('auditTracking.measuresDone', {
                        done: reply.measures.filter((m) => m.status === 'done' || m.status === 'cancelled').length,
                        total: reply.measures.length,
                      })}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
