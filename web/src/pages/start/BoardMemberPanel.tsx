import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDecision, TPlanSummary } from '@shared/modules/plans/schema';
import type { TReport } from '@shared/modules/reports/schema';
import { useApiQuery } from '../../api/use-query';
import { QueryState } from '../../components/QueryState';
import { longDate } from './format';

/**
 * A board member's start: the board's plan, its latest follow-up report and the board's decisions,
 * in plain words and with links to read more; no actions (the role reads only).
 */
export function BoardMemberPanel({ boardId, boardName }: { boardId: string; boardName: string }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const plans = useApiQuery<TPlanSummary[]>(`/api/plans?boardId=${boardId}&year=${year}`);
  const headingId = `member-${boardId}`;
  return (
    <section aria-labelledby={headingId} className="panel start-member">
      <h2 id={headingId}>{t('startPage.member.heading', { board: boardName })}</h2>
      <p>{t('startPage.member.lead')}</p>
      <h3>{t('startPage.member.planHeading', { year })}</h3>
      <QueryState query={plans}>
        {(list) => {
          const plan = list.find((p) => p.status !== 'superseded');
          if (!plan) return <p>{t('startPage.member.noPlan', { year })}</p>;
          return (
            <>
              <p>
                {t('startPage.member.planStatus', { status: t(`plans.status.${plan.status}`).toLowerCase() })}{' '}
                <Link to={`/planer/${plan.id}`}>{t('startPage.member.readPlan', { year })}</Link>
              </p>
              <Decisions planId={plan.id} />
            </>
          );
        }}
      </QueryState>
      <LatestReport boardId={boardId} year={year} />
    </section>
  );
}

function Decisions({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const q = useApiQuery<TDecision[]>(`/api/plans/${planId}/decisions`);
  return (
    <>
      <h3>{t('startPage.member.decisionsHeading')}</h3>
      <QueryState query={q}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('startPage.member.noDecisions')}</p>
          ) : (
            <ul>
              {[...list].reverse().map((d) => (
                <li key={d.id}>{t('startPage.member.decision', { date: longDate(d.meetingOn, i18n.language), paragraph: d.paragraph, outcome: t(`plans.decisions.outcomes.${d.outcome}`) })}</li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function LatestReport({ boardId, year }: { boardId: string; year: number }) {
  const { t } = useTranslation();
  const q = useApiQuery<TReport>(`/api/reports/boards/${boardId}?year=${year}`);
  return (
    <>
      <h3>{t('startPage.member.reportHeading')}</h3>
      <QueryState query={q}>
        {(r) => {
          const b = r.boards[0];
          return (
            <p>
              {b && b.total > 0 ? t('startPage.member.reportSummary', { total: b.total, done: b.byStatus.done, delayed: b.byStatus.delayed }) : t('startPage.member.reportNone')}{' '}
              <Link to={`/rapporter/namnd/${boardId}`}>{t('startPage.member.readReport', { year })}</Link>
            </p>
          );
        }}
      </QueryState>
    </>
  );
}
