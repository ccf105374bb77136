import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import { oneOf } from '../../db/one-of.js';
import type { AreaStatusCount, BoardStatusCount } from '../../domain/followup/aggregate.js';
import type { PeriodKind } from '../../domain/followup/periods.js';
import type { FollowUpStatus } from '../../domain/followup/status.js';
import type { MeasureArea } from '../../domain/plans/model.js';

export interface ReportQuery {
  municipalityId: string;
  year: number;
  /** One board (the board report), or null for every board of the municipality. */
  boardId: string | null;
  /** Latest status up to and including this period's rank (1 T1, 2 T2, 3 VB). */
  upToRank: number;
  /** The city report lists effect indicators only; the board report every indicator. */
  effectIndicatorsOnly: boolean;
}

export interface ReportData {
  boards: { id: string; name: string; kind: string }[];
  /** Every plan of the two years with its number of live activities. */
  plans: { id: string; board_id: string; year: number; status: string; decided_on: string | null; paragraph: string | null; activities: number }[];
  /**
   * Activities of approved plans by latest reported status, those not reported counted as
   * 'not_reported', in the shapes the report arithmetic takes: per board for the report's year,
   * and per year (this one and the one before) and measure area for the whole scope.
   */
  counts: { byBoard: BoardStatusCount[]; byArea: AreaStatusCount[] };
  indicators: {
    id: string;
    board_id: string;
    title: string;
    indicators: { kind: 'output' | 'effect'; name: string; baseline?: string | null; target?: string | null }[];
    /** The latest reported value of each indicator name, up to the report's period: [name, value, period]. */
    latest: [string, number | string, PeriodKind][];
    links: { indicatorName: string; kpiId: string }[];
  }[];
  context: { kpi_id: string; title: string | null; area: string; year: number; value: number }[];
}

/**
 * The whole report in one statement: boards, plans with their activity counts, activities by
 * latest status (the unreported included) summed per board for the year and per year and measure
 * area for the whole scope (this year and the year before), indicators with the latest value of
 * each up to the period and the linked context indicators (the boards' analyses are read beside
 * it: boardsWithAnalysis). For the whole year both counts (each plan's live activities per
 * measure area, each board's activities by latest status) are kept on write (migration 0023); a
 * report "as of" T1 or T2 takes each activity's latest report up to that rank from follow_up
 * instead. The many small rows travel as JSON arrays, not objects (half the bytes to build, send
 * and parse). The bench compares the report with this statement and with every statement the
 * report runs.
 */
export function reportStatement(q: ReportQuery): RawBuilder<Record<keyof ReportData, unknown>> {
  const boardFilter = q.boardId === null ? sql`` : sql`and b.id = ${q.boardId}`;
  const effectFilter = q.effectIndicatorsOnly ? sql`and a.indicators @> '[{"kind":"effect"}]'::jsonb` : sql`and jsonb_array_length(a.indicators) > 0`;
  // The board filter is a condition on the index-only scan, not a join, so the index order holds.
  const inScope = sql`f.board_id = any ((select array_agg(id) from scope_boards)::uuid[])`;
  // For the whole year the counts by latest status are kept on write (follow_up_latest_count,
  // migration 0023). "As of" T1 or T2 must pick the latest report per activity up to that period.
  // The delayed activities are read a page at a time (delayedPage below); their number is the
  // count of delayed in the status counts.
  const parts =
    q.upToRank >= 3
      ? {
          latest: sql``,
          reported: sql`select f.board_id, f.year, f.measure_area, f.status, f.n from follow_up_latest_count f
            where f.year in (${q.year - 1}, ${q.year}) and ${inScope} and f.n > 0`,
        }
      : {
          latest: sql`latest as (select distinct on (f.year, f.activity_id) f.activity_id, f.board_id, f.year, f.measure_area, f.status, f.period from follow_up f
            where f.counted and f.year in (${q.year - 1}, ${q.year}) and f.period_rank <= ${q.upToRank} and ${inScope}
            order by f.year, f.activity_id, f.period_rank desc),`,
          reported: sql`select board_id, year, measure_area, status, count(*)::int as n from latest group by board_id, year, measure_area, status`,
        };
  return sql`
    with scope_boards as (
      select b.id, b.name, b.kind, (row_number() over (order by b.id) - 1)::int as i from board b where b.municipality_id = ${q.municipalityId} ${boardFilter}
    ),
    plans as (
      select p.id, p.board_id, p.year, p.status, p.decided_on, p.paragraph
      from plan p join scope_boards sb on sb.id = p.board_id
      where p.year in (${q.year - 1}, ${q.year})
    ),
    sizes as (
      select c.plan_id, c.measure_area, c.n from plans pl join plan_activity_count c on c.plan_id = pl.id where c.n > 0
    ),
    ${parts.latest}
    reported as (${parts.reported}),
    -- Only an approved plan is followed up; its activities without a report are "not reported".
    unreported as (
      select pl.board_id, pl.year, s.measure_area, 'not_reported' as status, s.n - coalesce(r.n, 0) as n
      from sizes s join plans pl on pl.id = s.plan_id and pl.status = 'approved'
      left join (select board_id, year, measure_area, sum(n)::int as n from reported group by board_id, year, measure_area) r
        on r.board_id = pl.board_id and r.year = pl.year and r.measure_area is not distinct from s.measure_area
      where s.n > coalesce(r.n, 0)
    ),
    ind as (
      select a.id, pl.board_id, pl.year, a.title, a.indicators
      from plans pl join plan_activity a on a.plan_id = pl.id and a.deleted_at is null
      where pl.year = ${q.year} and pl.status = 'approved' ${effectFilter}
    ),
    -- The latest value of each indicator name up to the period, and the links, of the indicators'
    -- activities: joined once rather than looked up per activity, and only what the report shows.
    ind_values as (
      select distinct on (f.activity_id, v->>'name') f.activity_id, v->>'name' as name, v->'value' as value, f.period
      from ind join follow_up f on f.activity_id = ind.id and f.year = ind.year and f.period_rank <= ${q.upToRank}
      cross join lateral jsonb_array_elements(f.indicator_values) v
      order by f.activity_id, v->>'name', f.period_rank desc
    ),
    ind_reports as (
      select activity_id, json_agg(json_build_array(name, value, period)) as latest from ind_values group by activity_id
    ),
    ind_links as (
      select k.activity_id, json_agg(json_build_object('indicatorName', k.indicator_name, 'kpiId', k.kpi_id)) as links
      from context_indicator_link k where k.activity_id in (select id from ind)
      group by k.activity_id
    )
    select
      (select json_agg(json_build_array(sb.id, sb.name, sb.kind) order by sb.i) from scope_boards sb) as boards,
      (select json_agg(json_build_array(pl.id, pl.board_id, pl.year, pl.status, pl.decided_on, pl.paragraph, coalesce(z.n, 0)))
         from plans pl left join (select plan_id, sum(n)::int as n from sizes group by plan_id) z on z.plan_id = pl.id) as plans,
      -- Summed here, not row by row in JavaScript: per board and status for the report's year (the
      -- boards' table), and per year, measure area and status for the whole scope (the areas and the
      -- year before). A board's row has its place in the boards; a row of the whole scope has none.
      (select json_build_array(json_agg(t.b), json_agg(t.year), json_agg(t.measure_area), json_agg(t.status), json_agg(t.n))
         from (
           select case when grouping(sb.i) = 0 then sb.i end as b, c.year, c.measure_area, c.status, sum(c.n)::int as n
           from (select * from reported union all select * from unreported) c join scope_boards sb on sb.id = c.board_id
           group by grouping sets ((c.year, sb.i, c.status), (c.year, c.measure_area, c.status))
           having grouping(sb.i) = 1 or c.year = ${q.year}
         ) t) as counts,
      (select json_agg(json_build_array(ind.id, sb.i, ind.title, ind.indicators, coalesce(r.latest, '[]'::json), coalesce(l.links, '[]'::json)))
         from ind join scope_boards sb on sb.id = ind.board_id left join ind_reports r on r.activity_id = ind.id left join ind_links l on l.activity_id = ind.id) as indicators,
      (select json_agg(json_build_object('kpi_id', c.kpi_id, 'title', c.title, 'area', c.area, 'year', c.year, 'value', c.value) order by c.kpi_id, c.area, c.year)
         from context_indicator c
         where c.municipality_id = ${q.municipalityId}
           and c.kpi_id in (select k.kpi_id from context_indicator_link k join ind on ind.id = k.activity_id)) as context`;
}

type PlanTuple = [string, string, number, string, string | null, string | null, number];
type BoardTuple = [string, string, string];
/**
 * The counts by column, each in row order: boards (their place in the boards; null in a row of the
 * whole scope), years, measure areas (null: none, or a board's row), statuses and numbers.
 */
type CountColumns = [(number | null)[], number[], (MeasureArea | null)[], (FollowUpStatus | 'not_reported')[], number[]] | [null, null, null, null, null];
type IndicatorTuple = [string, number, string, ReportData['indicators'][number]['indicators'], ReportData['indicators'][number]['latest'], ReportData['indicators'][number]['links']];

function countRows(boardIds: string[], [boards, years, areas, statuses, ns]: CountColumns): ReportData['counts'] {
  const counts: ReportData['counts'] = { byBoard: [], byArea: [] };
  if (!boards) return counts;
  for (let i = 0; i < boards.length; i++) {
    const b = boards[i];
    if (b === null) counts.byArea.push({ year: years[i], measureArea: areas[i], status: statuses[i], count: ns[i] });
    else counts.byBoard.push({ boardId: boardIds[b], year: years[i], status: statuses[i], count: ns[i] });
  }
  return counts;
}

export async function reportData(db: Database, q: ReportQuery): Promise<ReportData> {
  const r = (await reportStatement(q).execute(db)).rows[0];
  const parse = <T>(v: unknown): T[] => (v === null || v === undefined ? [] : typeof v === 'string' ? (JSON.parse(v) as T[]) : (v as T[]));
  const boards = parse<BoardTuple>(r.boards).map(([id, name, kind]) => ({ id, name, kind }));
  const boardIds = boards.map((b) => b.id);
  return {
    boards,
    plans: parse<PlanTuple>(r.plans).map(([id, board_id, year, status, decided_on, paragraph, activities]) => ({ id, board_id, year, status, decided_on, paragraph, activities })),
    counts: countRows(boardIds, parse(r.counts) as unknown as CountColumns),
    indicators: parse<IndicatorTuple>(r.indicators).map(([id, b, title, indicators, latest, links]) => ({ id, board_id: boardIds[b], title, indicators, latest, links })),
    context: parse(r.context),
  };
}

export interface BoardRow {
  id: string;
  name: string;
  kind: string;
  /** The board's latest analysis of the year up to the report's period, without its texts. */
  analysis: { id: string; period: PeriodKind; reported_at: Date | string | null } | null;
}

/** The boards of the report, each with its latest analysis of the year up to the report's period. */
export async function boardsWithAnalysis(db: Database, q: Pick<ReportQuery, 'municipalityId' | 'year' | 'boardId' | 'upToRank'>): Promise<BoardRow[]> {
  const rank = sql`(case ba.period when 'T1' then 1 when 'T2' then 2 else 3 end)`;
  const r = await sql<Omit<BoardRow, 'analysis'> & { analysis_id: string | null; period: PeriodKind | null; reported_at: Date | string | null }>`
    select b.id, b.name, b.kind, a.id as analysis_id, a.period, a.reported_at
    from board b left join lateral (
      select ba.id, ba.period, ba.reported_at from board_analysis ba
      where ba.board_id = b.id and ba.year = ${q.year} and ${rank} <= ${q.upToRank}
      order by ${rank} desc limit 1
    ) a on true
    where b.municipality_id = ${q.municipalityId} ${q.boardId === null ? sql`` : sql`and b.id = ${q.boardId}`}`.execute(db);
  return r.rows.map(({ analysis_id, period, reported_at, ...b }) => ({ ...b, analysis: analysis_id ? { id: analysis_id, period: period!, reported_at } : null }));
}

/** The texts of these analyses (the page of them a report carries), by analysis id. */
export async function analysisSections(db: Database, ids: string[]): Promise<Map<string, Record<string, string>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('board_analysis').select(['id', 'sections']).where(oneOf('id', ids)).execute();
  return new Map(rows.map((r) => [r.id, r.sections as Record<string, string>]));
}

export interface DelayedRow {
  id: string;
  board_id: string;
  title: string;
  measure_area: MeasureArea | null;
  period: PeriodKind;
  comment: string | null;
}

/**
 * The delayed activities of the year (latest status "delayed"), in the report's board order, then
 * measure area (general, targeted, individual, unclassified), then the plan's order; `limit` null
 * reads them all (the documents). Only the page's rows are joined with their activity.
 */
export async function delayedPage(
  db: Database,
  q: Pick<ReportQuery, 'year' | 'upToRank'>,
  boardOrder: string[],
  page: { offset: number; limit: number | null },
): Promise<DelayedRow[]> {
  if (boardOrder.length === 0 || page.limit === 0) return [];
  // The board's place in the report comes from a join with the ordered ids, not array_position per
  // row (a scan of 300 ids for each of thousands of delayed activities).
  const order = sql`o.n, (case d.measure_area when 'general' then 0 when 'targeted' then 1 when 'individual' then 2 else 3 end)`;
  const rows =
    q.upToRank >= 3
      ? sql`select f.activity_id, f.board_id, f.measure_area, f.period, f.comment from follow_up f
          where f.is_latest and f.counted and f.year = ${q.year} and f.status = 'delayed' and f.board_id = any (${boardOrder}::uuid[])`
      : sql`select l.activity_id, l.board_id, l.measure_area, l.period, l.comment from (
          select distinct on (f.activity_id) f.activity_id, f.board_id, f.measure_area, f.status, f.period, f.comment from follow_up f
          where f.counted and f.year = ${q.year} and f.period_rank <= ${q.upToRank} and f.board_id = any (${boardOrder}::uuid[])
          order by f.activity_id, f.period_rank desc) l where l.status = 'delayed'`;
  const r = await sql<DelayedRow>`
    with d as (${rows})
    select a.id, d.board_id, a.title, d.measure_area, d.period, d.comment
    from d join unnest(${boardOrder}::uuid[]) with ordinality o(board_id, n) on o.board_id = d.board_id
    join plan_activity a on a.id = d.activity_id
    order by ${order}, a.position, a.id
    ${page.limit === null ? sql`` : sql`limit ${page.limit}`} offset ${page.offset}`.execute(db);
  return r.rows;
}

/** Every activity of the year's approved plans with its latest status (the XLSX "Insatser" sheet). */
export async function activitiesWithStatus(db: Database, q: Pick<ReportQuery, 'municipalityId' | 'year' | 'boardId' | 'upToRank'>) {
  const boardFilter = q.boardId === null ? sql`` : sql`and b.id = ${q.boardId}`;
  const r = await sql<{
    board_id: string;
    title: string;
    measure_area: MeasureArea | null;
    responsible: string;
    timeline: string;
    status: FollowUpStatus | null;
    period: PeriodKind | null;
    comment: string | null;
  }>`
    select p.board_id, a.title, a.measure_area, a.responsible, a.timeline, l.status, l.period, l.comment
    from plan p
    join board b on b.id = p.board_id and b.municipality_id = ${q.municipalityId} ${boardFilter}
    join plan_activity a on a.plan_id = p.id and a.deleted_at is null
    left join lateral (
      select f.status, f.period, f.comment from follow_up f
      where f.activity_id = a.id and f.year = p.year and f.period_rank <= ${q.upToRank}
      order by f.period_rank desc limit 1
    ) l on true
    where p.year = ${q.year} and p.status = 'approved'
    order by p.board_id, a.position`.execute(db);
  return r.rows;
}

export async function municipalityName(db: Database, id: string): Promise<string> {
  return (await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}
