import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TMeasureTargets } from '@shared/modules/audit-tracking/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { AddMeasureForm, MeasureStatusForm } from './MeasureForms';
import { ReplyForm } from './ReplyForm';
import { MeasureLink, MeasureStatusTag, OverdueTag, ReplyStatusTag, dayOf, useReportTitle, type TAuditReport } from './shared';
import './audit-tracking.css';

/** One board's reply to an audit report: per recommendation the answer, the decision and the measures. */
export function ReplyPage() {
  const { id, boardId } = useParams();
  const q = useApiQuery<TAuditReport>(`/api/audit-reports/${id}`);
  return <QueryState query={q}>{(r) => <Reply report={r} boardId={boardId ?? ''} />}</QueryState>;
}

function Reply({ report: r, boardId }: { report: TAuditReport; boardId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const mayAdd = !!boardId && can('audit_measures.create', boardId);
  const targets = useApiQuery<TMeasureTargets>(mayAdd ? `/api/boards/${boardId}/audit-measure-targets` : null);
  const title = useReportTitle();
  const items = r.recommendations.flatMap((c) => {
    const reply = c.replies.find((x) => x.boardId === boardId);
    return reply ? [{ c, reply }] : [];
  });
  const boardName = items[0]?.reply.boardName ?? '';

  return (
    <>
      <p>
        <Link to={`/revision/${r.id}`}>{t('auditTracking.backToReport')}</Link>
      </p>
      <PageHeading title={t('auditTracking.replyTitle', { board: boardName })}>{t('auditTracking.replyTitle', { board: boardName })}</PageHeading>
      <p className="lead">
        {title(r)} · {t('auditTracking.replyDue')}: {r.replyDue}
      </p>
      {items.some((x) => x.reply.can.reply) && <p>{t('auditTracking.replyLead')}</p>}
      {items.some((x) => x.reply.replied) && (
        <p>
          <a href={`/api/audit-reports/${r.id}/replies/${boardId}/document`}>{t('auditTracking.download')}</a>
        </p>
      )}
      {items.map(({ c, reply }) => (
        <section key={c.id} className="panel" aria-labelledby={`rec-${c.id}`}>
          <h2 id={`rec-${c.id}`}>
            {t('auditTracking.recommendationN', { n: c.position })} <ReplyStatusTag status={reply.status} />
            <OverdueTag overdue={reply.overdue} />
          </h2>
          <p>{c.text}</p>
          {reply.can.reply ? (
            <ReplyForm recommendationId={c.id} boardId={reply.boardId} reply={reply} idPrefix={`reply-${c.position}`} />
          ) : reply.replied ? (
            <>
              <h3>{t('auditTracking.replyText')}</h3>
              <p>{reply.text}</p>
              <p className="hint">{reply.decidedOn ? t('auditTracking.decided', { date: reply.decidedOn, paragraph: reply.paragraph ? `, ${reply.paragraph}` : '' }) : t('auditTracking.draft')}</p>
            </>
          ) : (
            <p>{t('auditTracking.noReply')}</p>
          )}

          <h3>{t('auditTracking.measures')}</h3>
          {reply.measures.length === 0 && <p>{t('auditTracking.noMeasures')}</p>}
          <ul className="plain-list">
            {reply.measures.map((m, n) => (
              <li key={m.id} className="at-reply">
                <h4>
                  {m.title} <MeasureStatusTag measure={m} />
                  <OverdueTag overdue={m.overdue} />
                </h4>
                <dl className="summary-list">
                  <div>
                    <dt>{t('auditTracking.responsible')}</dt>
                    <dd>{m.responsible ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('auditTracking.dueOn')}</dt>
                    <dd>{m.dueOn}</dd>
                  </div>
                  <div>
                    <dt>{t('auditTracking.link')}</dt>
                    <dd>
                      <MeasureLink measure={m} />
                    </dd>
                  </div>
                </dl>
                {m.history.length > 0 && (
                  <details>
                    <summary>{t('auditTracking.history')}</summary>
                    <ul>
                      {m.history.map((h) => (
                        <li key={h.at}>
                          {t('auditTracking.historyEntry', { period: h.period, status: t(`auditTracking.measureStatuses.${h.status}`), name: h.actorName, date: dayOf(h.at) })}
                          {h.comment ? ` – ${h.comment}` : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {can('audit_measures.update', reply.boardId) && <MeasureStatusForm measure={m} idPrefix={`m-${c.position}-${n + 1}`} />}
              </li>
            ))}
          </ul>
          {mayAdd && targets.data && <AddMeasureForm recommendationId={c.id} boardId={reply.boardId} targets={targets.data} idPrefix={`add-${c.position}`} />}
        </section>
      ))}
    </>
  );
}
