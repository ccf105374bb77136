import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoardsOverview, TBoardsOverviewRow } from '@shared/modules/overview/schema';
import type { TBoard } from '@shared/modules/orgs/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { longDate } from './format';

const ENVIRONMENTS = ['white_power', 'autonomous', 'violent_islamist', 'unclear'] as const;

/** "–" with a spoken name, for a cell the reader has no figure for. */
function NoData() {
  const { t } = useTranslation();
  return <span aria-label={t('startPage.overview.noDataLabel')}>{t('startPage.overview.noData')}</span>;
}

/** A figure still on its way: "…", read out as loading. */
function Pending() {
  const { t } = useTranslation();
  return <span aria-label={t('startPage.overview.pendingLabel')}>…</span>;
}

/**
 * The central coordinator's Monday table: one row per board, each figure a link to its details
 * (GET /api/overview/boards; suppressed counts shown as the server gives them, never recomputed).
 */
export function BoardsOverview() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const q = useApiQuery<TBoardsOverview>('/api/overview/boards');
  // The rows come at once from the board list and the session's scope (the server's rule, GET /api/me);
  // the figures fill in when the overview has answered.
  const boardList = useApiQuery<TBoard[]>('/api/boards');
  const scope = me?.can['overview.boards'];
  const year = new Date().getFullYear();
  const pending = !q.data;
  const tertialNow = `T${new Date().getMonth() < 4 ? 1 : new Date().getMonth() < 8 ? 2 : 3}` as TBoardsOverview['tertial'];
  const placeholder: TBoardsOverview | null = boardList.data
    ? {
        year,
        today: '',
        tertial: tertialNow,
        planDeadline: null,
        laggingBelow: 20,
        laggingCapped: false,
        legend: null,
        boards: boardList.data
          .filter((b) => scope === 'all' || (Array.isArray(scope) && scope.includes(b.id)))
          .map((b) => ({ boardId: b.id, boardName: b.name, kind: b.kind, plan: null, late: false, returned: false, delayed: null, training: null, concerns: null })),
      }
    : null;
  const shown = q.data ?? placeholder;
  return (
    <section aria-labelledby="overview-heading" className="start-overview">
      <h2 id="overview-heading">{t('startPage.overview.heading')}</h2>
      {q.isError ? (
        <QueryState query={q}>{() => null}</QueryState>
      ) : !shown ? (
        <QueryState query={boardList}>{() => null}</QueryState>
      ) : (
        (() => {
          const d = shown;
          const tertial = d.tertial.slice(1);
          const concernLink = (r: TBoardsOverviewRow) => (can('concerns.list', r.boardId) ? `/lagesbild/rapporter?namnd=${r.boardId}` : null);
          const figure = (value: number | string | null | undefined, to: string | null) =>
            pending ? <Pending /> : value === null || value === undefined ? <NoData /> : to ? <Link to={to}>{value}</Link> : <>{value}</>;
          const columns: Column<TBoardsOverviewRow>[] = [
            { key: 'board', header: t('startPage.overview.board'), rowHeader: true, cell: (r) => r.boardName, sort: (r) => r.boardName },
            {
              key: 'plan',
              header: t('startPage.overview.plan', { year: d.year }),
              cell: (r) =>
                pending ? (
                  <Pending />
                ) : (
                  <>
                    {r.plan ? <Link to={`/planer/${r.plan.id}`}>{t(`plans.status.${r.plan.status}`)}</Link> : can('plans.list', r.boardId) ? <Link to="/planer">{t('startPage.overview.noPlan')}</Link> : t('startPage.overview.noPlan')}
                    {r.late && <> <StatusTag tone="off">{t('startPage.overview.late')}</StatusTag></>}
                    {r.returned && <> <StatusTag tone="off">{t('startPage.overview.returned')}</StatusTag></>}
                  </>
                ),
            },
            {
              key: 'delayed',
              header: t('startPage.overview.delayed'),
              numeric: true,
              cell: (r) => figure(r.delayed, `/rapporter/namnd/${r.boardId}`),
              sort: (r) => r.delayed ?? -1,
            },
            {
              key: 'training',
              header: t('startPage.overview.training'),
              numeric: true,
              cell: (r) => figure(r.training?.percent === null || r.training?.percent === undefined ? null : `${r.training.percent.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE')} %`, `/utbildning/namnd/${r.boardId}`),
              sort: (r) => r.training?.percent ?? -1,
            },
            {
              key: 'below',
              header: t('startPage.overview.unitsBelow', { below: d.laggingBelow }),
              numeric: true,
              cell: (r) => figure(r.training ? r.training.unitsBelow : null, `/utbildning/namnd/${r.boardId}`),
              sort: (r) => r.training?.unitsBelow ?? -1,
            },
            ...ENVIRONMENTS.map(
              (env): Column<TBoardsOverviewRow> => ({
                key: env,
                header: (
                  <>
                    <span aria-hidden="true">{t(`startPage.overview.envShort.${env}`)}</span>
                    <span className="visually-hidden">
                      {t(`situation.environments.${env}`)} ({t('startPage.overview.concerns', { tertial })})
                    </span>
                  </>
                ),
                numeric: true,
                cell: (r) => figure(r.concerns?.byEnvironment[env], concernLink(r)),
              }),
            ),
            {
              key: 'concerns',
              header: t('startPage.overview.concerns', { tertial }),
              numeric: true,
              cell: (r) => figure(r.concerns?.total, concernLink(r)),
            },
          ];
          return (
            <>
              <p className="lead">{t('startPage.overview.lead')}</p>
              {d.boards.length === 0 ? (
                <p>{t('startPage.overview.empty')}</p>
              ) : (
                <DataTable caption={t('startPage.overview.caption', { year: d.year, tertial })} columns={columns} rows={d.boards} rowKey={(r) => r.boardId} />
              )}
              {d.planDeadline && <p className="hint">{t('startPage.overview.deadline', { date: longDate(d.planDeadline, i18n.language) })}</p>}
              {d.legend && <p className="hint">{d.legend}</p>}
              {d.laggingCapped && <p className="hint">{t('startPage.overview.cappedNote', { below: d.laggingBelow })}</p>}
              {pending && (
                <p role="status" className="hint loading">
                  {t('startPage.overview.pending')}
                </p>
              )}
            </>
          );
        })()
      )}
    </section>
  );
}
