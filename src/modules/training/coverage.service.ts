import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import { inScope, type ServiceActor } from '../../domain/policy/index.js';
import { coverageAsOf, groupCoverage, startedAsOf, type Completion, type Coverage, type CoverageFigure, type Headcount } from '../../domain/training/coverage.js';
import { completedWithoutUnit, headcountHistory, rollUp, subtreesOf } from '../../domain/training/rollup.js';
import { coverageStatus, DEFAULT_LAGGING_BELOW, laggingList } from '../../domain/training/status.js';
import type { DatedCompletion } from '../../domain/training/totals.js';
import { coverageTrend, forecastOf } from '../../domain/training/trend.js';
import { forbidden, notFound } from '../../http/errors.js';
import { readScope } from './access.js';
import { courseFor } from './courses.service.js';
import { coverageCounts } from './coverage.repo.js';
import { presentCourse } from './presenters.js';
import * as repo from './repo.js';
import type { TBoardDetail, TCoverageRow, TOverview, TUnitCoverage } from './schema.js';
import { targetOf } from './targets.service.js';

/**
 * Reading coverage: the database counts the people of the actor's boards (scoped in the query,
 * coverage.repo.ts), then the arithmetic of src/domain/training (coverage, trend and forecast,
 * roll-up, status) runs on those counts, a few rows per unit, whatever the number of people.
 */

type Unit = { id: string; board_id: string; parent_id: string | null; name: string };

export interface CoverageContext {
  course: { id: string; name: string; kind: 'web_basic' | 'advanced' | 'lecture' };
  scope: 'all' | string[];
  boards: { id: string; name: string; kind: 'city_board' | 'district_board' | 'specialist_board'; code: string | null }[];
  /** The units of the scope's boards, by name. */
  units: Unit[];
  /** Every unit of the municipality: a priority group may name a department whose units are in scope. */
  allUnits: Unit[];
  headcounts: Headcount[];
  /** People who completed the course as of the date, counted per board and unit: every coverage figure counts these. */
  completions: Completion[];
  /** People who started, not completed, counted the same way (shown apart). */
  started: Completion[];
  /** People who completed, counted for the whole scope up to each of the trend's dates. */
  completionsByDate: DatedCompletion[];
  /** The course's target for asOf's year (not read for `boardsOnly`). */
  target: Awaited<ReturnType<typeof targetOf>>;
}

/**
 * `boardsOnly`: figures per board as of the date and nothing else (GET /api/training/coverage, the
 * reports): counts per board, each unit's latest headcount, no trend.
 */
async function loadCoverage(db: Database, actor: ServiceActor, asOf: string, courseId?: string, onlyBoard?: string, boardsOnly = false): Promise<CoverageContext> {
  const course = await courseFor(db, actor.municipalityId, courseId);
  const readable = readScope(actor);
  if (onlyBoard && !inScope(readable, onlyBoard)) throw forbidden();
  const scope = onlyBoard ? [onlyBoard] : readable;
  // One round of reads at once (on a PostgreSQL server, over several connections).
  const [boardRows, unitRows, headcountRows, counts, target] = await Promise.all([
    repo.boardsOf(db, actor.municipalityId),
    boardsOnly ? [] : repo.unitTreeOf(db, actor.municipalityId),
    repo.headcountsOf(db, scope, actor.municipalityId, boardsOnly ? asOf : undefined),
    coverageCounts(db, course.id, scope, asOf, { units: !boardsOnly, trend: !boardsOnly }),
    boardsOnly ? NO_TARGET : targetOf(db, course.id, Number(asOf.slice(0, 4))),
  ]);
  const boards = boardRows.filter((b) => inScope(scope, b.id));
  const units = unitRows.filter((u) => inScope(scope, u.board_id));
  const headcounts = headcountRows.map((h) => ({ boardId: h.board_id, unitId: h.unit_id, employees: h.employees, asOf: h.as_of }));
  const completions: Completion[] = [];
  const started: Completion[] = [];
  const completionsByDate: DatedCompletion[] = [];
  for (const c of counts) {
    if (c.through !== null) completionsByDate.push({ completedOn: c.through, count: c.n });
    else (c.status === 'started' ? started : completions).push({ boardId: c.board_id, unitId: c.unit_id, completedOn: asOf, count: c.n });
  }
  return { course, scope, boards, units, allUnits: unitRows, headcounts, completions, started, completionsByDate, target };
}
const NO_TARGET = { percent: 0, year: null };

/** The trend of the context's scope (one board's for a board's page), from the counts up to each date. */
function trendOf(ctx: CoverageContext, asOf: string) {
  return coverageTrend({ headcounts: ctx.headcounts, completions: ctx.completionsByDate }, asOf);
}

/** GET /api/training/coverage: one row per board the actor may see (API.md). */
export async function coverageByBoard(opts: { db: Database; actor: ServiceActor; courseId?: string; asOf?: string }): Promise<TCoverageRow[]> {
  const asOf = opts.asOf ?? todayInSweden();
  const ctx = await loadCoverage(opts.db, opts.actor, asOf, opts.courseId, undefined, true);
  const c = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const started = startedAsOf(ctx.started, asOf).boards;
  const byBoard = new Map(c.boards.map((b) => [b.boardId, b]));
  return ctx.boards.map((b) => {
    const f = byBoard.get(b.id);
    return { boardId: b.id, employees: f?.employees ?? 0, completed: f?.completed ?? 0, percent: f?.percent ?? null, started: started.get(b.id) ?? 0 };
  });
}

/** Each priority group of the year or earlier, with its coverage; a group naming a department takes every unit under it. */
function groupsProgress(ctx: CoverageContext, asOf: string, allGroups: Awaited<ReturnType<typeof repo.listGroups>>, coverage: Coverage) {
  const year = Number(asOf.slice(0, 4));
  const groups = allGroups.filter((g) => g.year <= year);
  if (!groups.length) return [];
  const below = subtreesOf(ctx.allUnits);
  const figures = groupCoverage({
    headcounts: ctx.headcounts,
    completions: ctx.completions,
    asOf,
    coverage,
    groups: groups.map((g) => ({ id: g.id, boardIds: g.boardIds, unitIds: [...new Set(g.unitIds.flatMap(below))] })),
  });
  return groups.map((g, i) => ({ id: g.id, year: g.year, name: g.name, employees: figures[i].employees, completed: figures[i].completed, percent: figures[i].percent }));
}

export async function overview(opts: { db: Database; actor: ServiceActor; courseId?: string; asOf?: string; below?: number }): Promise<TOverview> {
  const asOf = opts.asOf ?? todayInSweden();
  const below = opts.below ?? DEFAULT_LAGGING_BELOW;
  const [ctx, allGroups] = await Promise.all([loadCoverage(opts.db, opts.actor, asOf, opts.courseId), repo.listGroups(opts.db, opts.actor.municipalityId)]);
  const target = ctx.target;
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const started = startedAsOf(ctx.started, asOf);
  const byBoard = new Map(coverage.boards.map((b) => [b.boardId, b]));
  const trend = trendOf(ctx, asOf);
  return {
    course: presentCourse(ctx.course),
    asOf,
    target,
    total: { ...coverage.total, started: started.total },
    boards: ctx.boards.map((b) => {
      const f = byBoard.get(b.id);
      const percent = f?.percent ?? null;
      return {
        boardId: b.id,
        name: b.name,
        kind: b.kind,
        employees: f?.employees ?? 0,
        completed: f?.completed ?? 0,
        percent,
        status: coverageStatus(percent, target.percent, below),
        headcountAsOf: f?.headcountAsOf ?? null,
        started: started.boards.get(b.id) ?? 0,
      };
    }),
    laggingBelow: below,
    lagging: laggingList(coverage, ctx, target.percent, below),
    groups: groupsProgress(ctx, asOf, allGroups, coverage),
    trend,
    forecast: forecastOf(trend, target.percent, asOf),
  };
}

export async function boardDetail(opts: { db: Database; actor: ServiceActor; boardId: string; courseId?: string; asOf?: string; below?: number }): Promise<TBoardDetail> {
  const asOf = opts.asOf ?? todayInSweden();
  const below = opts.below ?? DEFAULT_LAGGING_BELOW;
  const board = await repo.findBoard(opts.db, opts.boardId);
  if (!board || board.municipality_id !== opts.actor.municipalityId) throw notFound('Nämnden');
  const ctx = await loadCoverage(opts.db, opts.actor, asOf, opts.courseId, board.id);
  const target = ctx.target;
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const total = coverage.boards.find((b) => b.boardId === board.id);
  const units: TUnitCoverage[] = rollUp(coverage, ctx.units, ctx.completions, asOf).map((f) => ({
    boardId: board.id,
    ...f,
    status: coverageStatus(f.percent, target.percent, below),
  }));
  // People registered on the board without a unit.
  const withoutUnit = completedWithoutUnit(ctx.completions, asOf);
  if (withoutUnit > 0) {
    units.push({ boardId: board.id, unitId: null, name: '', parentId: null, employees: 0, completed: withoutUnit, percent: null, status: 'no_data', headcountAsOf: null });
  }
  const trend = trendOf(ctx, asOf);
  const totalFigure: CoverageFigure = total ?? { employees: 0, completed: 0, percent: null };
  return {
    board: { id: board.id, name: board.name },
    course: presentCourse(ctx.course),
    asOf,
    target,
    total: { ...totalFigure, status: coverageStatus(totalFigure.percent, target.percent, below), headcountAsOf: total?.headcountAsOf ?? null },
    units,
    trend,
    forecast: forecastOf(trend, target.percent, asOf),
    headcounts: headcountHistory(ctx.headcounts),
  };
}

export async function listHeadcounts(opts: { db: Database; actor: ServiceActor; boardId?: string }) {
  const readable = readScope(opts.actor);
  if (opts.boardId && !inScope(readable, opts.boardId)) throw forbidden();
  const rows = await repo.headcountsOf(opts.db, opts.boardId ? [opts.boardId] : readable, opts.actor.municipalityId);
  return rows.map((h) => ({ boardId: h.board_id, unitId: h.unit_id, employees: h.employees, asOf: h.as_of }));
}

/** Everything the XLSX export and the trend chart need, scoped like the overview. */
export async function exportData(opts: { db: Database; actor: ServiceActor; courseId?: string; asOf?: string; boardId?: string }) {
  const asOf = opts.asOf ?? todayInSweden();
  const [ctx, allGroups] = await Promise.all([loadCoverage(opts.db, opts.actor, asOf, opts.courseId, opts.boardId), repo.listGroups(opts.db, opts.actor.municipalityId)]);
  const target = ctx.target;
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  return {
    ctx,
    asOf,
    target,
    coverage,
    trend: trendOf(ctx, asOf),
    groups: groupsProgress(ctx, asOf, allGroups, coverage),
    boardName: opts.boardId ? (ctx.boards.find((b) => b.id === opts.boardId)?.name ?? null) : null,
    statusOf: (p: number | null) => coverageStatus(p, target.percent, DEFAULT_LAGGING_BELOW),
  };
}
