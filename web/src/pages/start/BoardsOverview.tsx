import { useTranslation } from 'react-i18next';
import type { TBoardsOverview, TBoardsOverviewRow } from '@shared/modules/overview/schema';
import type { TBoard } from '@shared/modules/orgs/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable, type Column } from '../../components/DataTable';
import { useDelegatedLinks } from '../../components/delegated-links';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { longDate } from './format';

const ENVIRONMENTS = ['white_power', 'autonomous', 'violent_islamist', 'unclear'] as const;

/**
 * A coverage figure (0–100, one decimal from the server) as toLocaleString writes it: "7,8 %" in
 * Swedish, "7.8 %" in English (at most three decimals) — without Intl, whose first number
 * formatter on a page costs tens of milliseconds on a phone, in the middle of drawing the table.
 */
function percentText(percent: number, lang: string): string {
  const rounded = String(Math.round(percent * 1000) / 1000);
  return `${lang === 'en' ? rounded : rounded.replace('.', ',')} %`;
}

/**
 * The central coordinator's Monday table: one row per board, each figure a link to its details
 * (GET /api/overview/boards; suppressed counts shown as the server gives them, never recomputed).
 */
export function BoardsOverview() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  // The table has some 200 links: plain anchors with one click handler, not a <Link> each.
  const onLinkClick = useDelegatedLinks();
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
    <section aria-labelledby="overview-heading" className="start-overview" onClick={onLinkClick}>
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
          // The texts every row repeats, looked up once per render instead of once per cell.
          const noData = t('startPage.overview.noData');
          const noDataLabel = t('startPage.overview.noDataLabel');
          const pendingLabel = t('startPage.overview.pendingLabel');
          const noPlan = t('startPage.overview.noPlan');
          const late = t('startPage.overview.late');
          const returned = t('startPage.overview.returned');
          // "–" with a spoken name for a figure the reader has none of; "…", read out as loading, while the figures come.
          const figure = (value: number | string | null | undefined, to: string | null) =>
            pending ? (
              <span aria-label={pendingLabel}>…</span>
            ) : value === null || value === undefined ? (
              <span aria-label={noDataLabel}>{noData}</span>
            ) : to ? (
              <a href={to}>{value}</a>
            ) : (
              <>{value}</>
            );
          const columns: Column<TBoardsOverviewRow>[] = [
            { key: 'board', header: t('startPage.overview.board'), rowHeader: true, cell: (r) => r.boardName, sort: (r) => r.boardName },
            {
              key: 'plan',
              header: t('startPage.overview.plan', { year: d.year }),
              cell: (r) =>
                pending ? (
                  <span aria-label={pendingLabel}>…</span>
                ) : (
                  <>
                    {r.plan ? <a href={`/planer/${r.plan.id}`}>{t(`plans.status.${r.plan.status}`)}</a> : can('plans.list', r.boardId) ? <a href="/planer">{noPlan}</a> : noPlan}
                    {r.late && <> <StatusTag tone="off">{late}</StatusTag></>}
                    {r.returned && <> <StatusTag tone="off">{returned}</StatusTag></>}
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
              cell: (r) => figure(r.training?.percent === null || r.training?.percent === undefined ? null : percentText(r.training.percent, i18n.language), `/utbildning/namnd/${r.boardId}`),
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
