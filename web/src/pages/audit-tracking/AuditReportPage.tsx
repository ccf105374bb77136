import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '@shared/modules/orgs/schema';
import { useApiQuery } from '../../api/use-query';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { AddRecommendationForm, AssessmentForm } from './RecommendationForms';
import { MeasureLink, MeasureStatusTag, OverdueTag, ReplyStatusTag, useReportTitle, type TAuditReport, type TReply } from './shared';
import './audit-tracking.css';

/** One audit report: its details, attachments, recommendations and each board's reply as the user may see them. */
export function AuditReportPage() {
  const { id } = useParams();
  const q = useApiQuery<TAuditReport>(`/api/audit-reports/${id}`);
  return <QueryState query={q}>{(r) => <AuditReport report={r} />}</QueryState>;
}

function AuditReport({ report: r }: { report: TAuditReport }) {
  const { t } = useTranslation();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const title = useReportTitle();
  const boardName = (bid: string) => boards.data?.find((b) => b.id === bid)?.name ?? '';

  return (
    <>
      <p>
        <Link to="/revision">{t('auditTracking.title')}</Link>
      </p>
      <PageHeading title={title(r)}>{title(r)}</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>{t('auditTracking.issuedOn')}</dt>
          <dd>{r.issuedOn}</dd>
        </div>
        <div>
          <dt>{t('auditTracking.replyDue')}</dt>
          <dd>{r.replyDue}</dd>
        </div>
        {r.caseNumber && (
          <div>
            <dt>{t('auditTracking.caseNumber')}</dt>
            <dd>{r.caseNumber}</dd>
          </div>
        )}
        {r.scope && (
          <div>
            <dt>{t('auditTracking.scope')}</dt>
            <dd>{r.scope}</dd>
          </div>
        )}
        {r.attachments.length > 0 && (
          <div>
            <dt>{t('auditTracking.attachments')}</dt>
            <dd>
              <ul className="plain-list">
                {r.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/attachments/${a.id}`} download={a.name}>
                      {a.name}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <p className="hint">
        {t('auditTracking.tallyLine', { replies: r.tally.replies, awaiting: r.tally.awaiting_reply, inProgress: r.tally.in_progress, done: r.tally.done, overdue: r.tally.overdue })}
      </p>

      <h2>{t('auditTracking.recommendations')}</h2>
      {r.recommendations.length === 0 && <p>{t('auditTracking.noRecommendations')}</p>}
      {r.recommendations.map((c) => (
        <section key={c.id} className="panel" aria-labelledby={`rec-${c.id}`}>
          <h3 id={`rec-${c.id}`}>{t('auditTracking.recommendationN', { n: c.position })}</h3>
          <p>{c.text}</p>
          <p className="hint">{t('auditTracking.addressedTo', { boards: c.boardIds.map(boardName).filter(Boolean).join(', ') })}</p>
          {c.replies.map((reply) => (
            <ReplySummary key={reply.boardId} reportId={r.id} recommendationId={c.id} reply={reply} />
          ))}
        </section>
      ))}
      {r.can.addRecommendation && boards.data && <AddRecommendationForm reportId={r.id} boards={boards.data} />}
    </>
  );
}

function ReplySummary({ reportId, recommendationId, reply }: { reportId: string; recommendationId: string; reply: TReply }) {
  const { t } = useTranslation();
  const latest = reply.assessments.at(-1);
  return (
    <div className="at-reply">
      <h4>
        {reply.boardName} <ReplyStatusTag status={reply.status} />
        <OverdueTag overdue={reply.overdue} />
      </h4>
      {reply.replied ? (
        <>
          <p>{reply.text}</p>
          <p className="hint">
            {reply.decidedOn ? t('auditTracking.decided', { date: reply.decidedOn, paragraph: reply.paragraph ? `, ${reply.paragraph}` : '' }) : t('auditTracking.draft')}
            {reply.caseNumber ? ` · ${t('auditTracking.caseNumber')} ${reply.caseNumber}` : ''}
          </p>
        </>
      ) : (
        <p>{t('auditTracking.noReply')}</p>
      )}
      {reply.measures.length > 0 && (
        <ul className="at-measures">
          {reply.measures.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong> – {t('auditTracking.dueOn').toLowerCase()} {m.dueOn} <MeasureStatusTag measure={m} />
              <OverdueTag overdue={m.overdue} />
              <div className="hint">
                <MeasureLink measure={m} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {latest && (
        <p>
          {t('auditTracking.latestAssessment', { result: t(`auditTracking.assessments.${latest.result}`), date: latest.assessedOn })}
          {latest.comment ? ` – ${latest.comment}` : ''}
        </p>
      )}
      {reply.assessments.length > 1 && (
        <details>
          <summary>{t('auditTracking.assessmentHistory')}</summary>
          <ul>
            {reply.assessments.slice(0, -1).map((a) => (
              <li key={a.id}>
                {a.assessedOn}: {t(`auditTracking.assessments.${a.result}`)} ({a.assessorName}){a.comment ? ` – ${a.comment}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="at-actions">
        <Link to={`/revision/${reportId}/svar/${reply.boardId}`}>{reply.can.reply ? t('auditTracking.writeReply') : t('auditTracking.openReply')}</Link>
        {reply.replied && (
          <>
            {' · '}
            <a href={`/api/audit-reports/${reportId}/replies/${reply.boardId}/document`}>{t('auditTracking.download')}</a>
          </>
        )}
      </p>
      {reply.can.assess && <AssessmentForm recommendationId={recommendationId} boardId={reply.boardId} boardName={reply.boardName} idPrefix={`assess-${recommendationId}-${reply.boardId}`} />}
    </div>
  );
}
