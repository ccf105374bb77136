import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ReportDashboard } from './ReportDashboard';

/** /rapporter: the city report for kommunstyrelsen's readers; the boards' reports for everyone else. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { me, can, canEverywhere } = useSession();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  if (!me) return <Loading />;
  if (!boards.data) return <QueryState query={boards}>{() => null}</QueryState>;
  if (canEverywhere('reports.city')) {
    return (
      <ReportDashboard
        base="/api/reports/city"
        title={(_, year) => (
          <>
            <PageHeading title={t('reports.cityTitle', { year })}>{t('reports.cityTitle', { year })}</PageHeading>
            <p className="lead">{t('reports.lead')}</p>
          </>
        )}
      />
    );
  }
  const mine = (boards.data ?? []).filter((b) => can('reports.board', b.id));
  return (
    <>
      <PageHeading title={t('reports.title')}>{t('reports.title')}</PageHeading>
      <p className="lead">{t('reports.boardsLead')}</p>
      <h2>{t('reports.boardsHeading')}</h2>
      {mine.length === 0 ? (
        <EmptyState>{t('reports.noBoards')}</EmptyState>
      ) : (
        <ul className="link-list">
          {mine.map((b) => (
            <li key={b.id}>
              <Link to={`/rapporter/namnd/${b.id}`}>{t('reports.open', { board: b.name })}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function BoardReportPage() {
  const { t } = useTranslation();
  const { boardId } = useParams();
  return (
    <>
      <p>
        <Link to="/rapporter">{t('reports.title')}</Link>
      </p>
      <ReportDashboard
        base={`/api/reports/boards/${boardId}`}
        title={(r, year) => {
          const name = r?.boards[0]?.name ?? '';
          return <PageHeading title={t('reports.boardTitle', { year, board: name })}>{t('reports.boardTitle', { year, board: name })}</PageHeading>;
        }}
      />
    </>
  );
}
