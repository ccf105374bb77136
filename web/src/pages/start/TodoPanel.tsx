import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoardFollowUp, TMyActivities } from '@shared/modules/followup/schema';
import type { TPlanSummary } from '@shared/modules/plans/schema';
import { useApiQuery } from '../../api/use-query';
import { QueryState } from '../../components/QueryState';
import { longDate, periodDue, periodWords } from './format';

/** "senast 15 maj 2026" for the period's deadline, or the day it closes when no deadline is set. */
function Due({ period }: { period: TMyActivities['period'] }) {
  const { t, i18n } = useTranslation();
  const due = periodDue(period);
  if (!due.date) return <span className="hint">{t('startPage.todo.noClosing')}</span>;
  return <strong>{t(due.isDeadline ? 'startPage.todo.deadline' : 'startPage.todo.closes', { date: longDate(due.date, i18n.language) })}</strong>;
}

/** The activities the user reports on that have no report for the open (or next) period, each a link to report it. */
export function MyTodo() {
  const { t, i18n } = useTranslation();
  const q = useApiQuery<TMyActivities>('/api/followup/my-activities');
  return (
    <QueryState query={q}>
      {({ period, activities }) => {
        const open = activities.filter((a) => !a.followUp);
        if (!open.length) return null;
        return (
          <div className="todo-group">
            <h3>
              {t('startPage.todo.mine', { period: periodWords(period.period, i18n.language) })} – <Due period={period} />
            </h3>
            <ul className="todo-list">
              {open.map((a) => (
                <li key={a.activityId}>
                  <Link to={`/uppfoljning/insatser/${a.activityId}?period=${period.period}`}>{t('startPage.todo.report', { title: a.title })}</Link>
                  <span className="hint"> ({a.boardName})</span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/uppfoljning/mina">{t('startPage.todo.allMine')}</Link>
            </p>
          </div>
        );
      }}
    </QueryState>
  );
}

/** A local coordinator's board: next year's plan to write or submit, a returned plan, unreported activities, the period's deadline. */
export function BoardTodo({ boardId }: { boardId: string }) {
  const { t, i18n } = useTranslation();
  const plans = useApiQuery<TPlanSummary[]>(`/api/plans?boardId=${boardId}`);
  const followUp = useApiQuery<TBoardFollowUp>(`/api/followup/boards/${boardId}`);
  const year = new Date().getFullYear();
  const planItems = (list: TPlanSummary[]) => {
    const items: { key: string; to: string; text: string }[] = [];
    for (const y of [year, year + 1]) {
      const p = list.find((x) => x.year === y && x.status !== 'superseded');
      if (p?.status === 'returned') items.push({ key: `r${y}`, to: `/planer/${p.id}`, text: t('startPage.todo.returnedPlan', { year: y }) });
      else if (p && (p.status === 'draft' || p.status === 'board_decided')) items.push({ key: `s${y}`, to: `/planer/${p.id}`, text: t('startPage.todo.submitPlan', { year: y }) });
      else if (!p && y === year + 1) items.push({ key: `w${y}`, to: '/planer', text: t('startPage.todo.writePlan', { year: y }) });
    }
    return items;
  };
  return (
    <QueryState query={followUp}>
      {(f) => (
        <QueryState query={plans}>
          {(list) => (
            <div className="todo-group">
              <h3>{f.board.name}</h3>
              <ul className="todo-list">
                {planItems(list).map((i) => (
                  <li key={i.key}>
                    <Link to={i.to}>{i.text}</Link>
                  </li>
                ))}
                {f.progress.total > f.progress.reported && (
                  <li>
                    <Link to={`/uppfoljning/namnd/${f.board.id}?period=${f.period.period}`}>
                      {t('startPage.todo.unreported', { count: f.progress.total - f.progress.reported, period: periodWords(f.period.period, i18n.language) })}
                    </Link>{' '}
                    – <Due period={f.period} />
                  </li>
                )}
              </ul>
            </div>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}
