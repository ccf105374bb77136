import type { Database } from '../../db/database.js';
import {
  AREA_KEYS,
  boardSummaries,
  indicatorOutcomes,
  measureAreaMatrix,
  percent,
  tallyTotal,
  yearOverYear,
  SWEDISH,
  type IndicatorItem,
} from '../../domain/followup/aggregate.js';
import { compareBoards } from '../../domain/board-order.js';
import { ANALYSIS_HEADINGS, ANALYSIS_HEADING_LABELS_SV } from '../../domain/followup/analysis.js';
import { INDICATOR_RESULTS, type IndicatorResult } from '../../domain/followup/indicators.js';
import { periodRank, type PeriodKind } from '../../domain/followup/periods.js';
import { canEverywhere, canOn, type Actor } from '../../domain/policy/index.js';
import type { PlanState } from '../../domain/plans/workflow.js';
import { toIsoDay } from '../../domain/plans/workflow.js';
import { AppError, forbidden } from '../../http/errors.js';
import * as orgs from '../orgs/service.js';
import { auditsSection } from '../audit-tracking/section.service.js';
import { decisionsSection } from '../plans/report-section.js';
import * as repo from './repo.js';
import { helplineSection, latePlans, planDeadline, situationSection, trainingSection } from './sections.js';
import { readSummary } from './summary.service.js';
import { collaborationSection } from './collaboration.service.js';
import { REPORT_LISTS, type ReportListName, type TReport } from './schema.js';

export interface ReportRequest {
  year?: number;
  period?: PeriodKind;
  /** Today (Swedish time); tests may pass another day. */
  today?: string;
  /** Which part of each long list to carry: a page for the JSON, all (limit null) for the documents. */
  lists?: ReportLists;
}

/** From `offset`, at most `limit` items (null: every one). */
export interface ListWindow {
  offset: number;
  limit: number | null;
}

/** Which part of each of the report's long lists (schema.ts's REPORT_LISTS) to carry. */
export type ReportLists = Record<ReportListName, ListWindow>;

const eachList = (window: (list: ReportListName) => ListWindow) =>
  Object.fromEntries(Object.keys(REPORT_LISTS).map((list) => [list, window(list as ReportListName)])) as ReportLists;

/** The JSON's first page of each list when the request names none. */
export const FIRST_PAGES: ReportLists = eachList((list) => ({ offset: 0, limit: REPORT_LISTS[list].first }));

/** Every item of every list, for the documents. */
export const ALL_OF_LISTS: ReportLists = eachList(() => ({ offset: 0, limit: null }));

const windowOf = <T>(items: readonly T[], w: ListWindow): T[] => items.slice(w.offset, w.limit === null ? undefined : w.offset + w.limit);

/** The city report needs a grant that reaches every board (src/domain/policy/scope.ts). */
function requireCityReader(actor: Actor) {
  if (canEverywhere(actor, 'reports.city')) return;
  throw new AppError(403, 'forbidden', 'Den samlade rapporten är för kommunstyrelsen: central samordnare och revisorer för hela kommunen och kommunstyrelsens ledamöter.');
}

async function requireBoardReader(db: Database, actor: Actor, boardId: string) {
  const board = await orgs.getBoard({ db, municipalityId: actor.municipalityId, boardId });
  if (!canOn(actor, 'reports.board', board.id)) throw forbidden();
  return board;
}

/** The boards of the report in its order, with a page of the delayed activities and of the analyses' texts. */
async function boardsAndPages(db: Database, actor: Actor, boardId: string | null, q: { year: number; upToRank: number }, lists: ReportLists) {
  const boards = (await repo.boardsWithAnalysis(db, { municipalityId: actor.municipalityId, boardId, ...q })).sort(compareBoards);
  const withAnalysis = boards.filter((b) => b.analysis);
  const analysisPage = windowOf(withAnalysis, lists.analyses);
  const [delayed, texts] = await Promise.all([
    repo.delayedPage(db, q, boards.map((b) => b.id), lists.delayed),
    repo.analysisSections(db, analysisPage.map((b) => b.analysis!.id)),
  ]);
  return { boards, withAnalysis, analysisPage, delayed, texts };
}

/**
 * The report of `scope` as plain data: one aggregate statement (repo.reportData), then the
 * arithmetic of src/domain/followup/aggregate.ts, then training and the situation picture from
 * their own services.
 */
async function buildReport(db: Database, actor: Actor, scope: 'city' | 'board', boardId: string | null, req: ReportRequest): Promise<TReport> {
  const today = req.today ?? toIsoDay(new Date());
  const year = req.year ?? Number(today.slice(0, 4));
  const upToRank = req.period ? periodRank(req.period) : 3;
  const lists = req.lists ?? FIRST_PAGES;
  // Independent reads, started together (a PostgreSQL pool runs them in parallel). The pages of the
  // long lists depend on the boards' order only, so they are read beside the aggregate statement,
  // not after it.
  const [data, pages, deadline, municipality, training, situation, audits, decisions, summary, collaboration, helpline] = await Promise.all([
    repo.reportData(db, { municipalityId: actor.municipalityId, year, boardId, upToRank, effectIndicatorsOnly: scope === 'city' }),
    boardsAndPages(db, actor, boardId, { year, upToRank }, lists),
    planDeadline(db, actor.municipalityId, year),
    repo.municipalityName(db, actor.municipalityId),
    trainingSection(db, actor, boardId, year, today),
    situationSection(db, actor, scope, boardId, year),
    auditsSection({ db, actor, boardId, year, today }),
    decisionsSection({ db, actor, boardId, year }),
    scope === 'city' ? readSummary(db, actor.municipalityId, year) : null,
    collaborationSection({ db, actor, boardId, year }),
    helplineSection(db, actor, boardId, year),
  ]);
  const { boards, withAnalysis: boardsWithAnalysis, analysisPage, delayed: delayedRows, texts: sections } = pages;
  const names = new Map(boards.map((b) => [b.id, b.name]));
  const plans = new Map(data.plans.filter((p) => p.year === year).map((p) => [p.board_id, p]));
  const late = latePlans(deadline, today, boards, plans);
  const activityCount = new Map(data.plans.map((p) => [p.id, p.activities]));
  const { counts } = data;

  const summaries = boardSummaries(
    boards.map((b) => {
      const p = plans.get(b.id);
      return { boardId: b.id, name: b.name, kind: b.kind, plan: p ? { id: p.id, status: p.status } : null };
    }),
    counts.byBoard,
    year,
  );

  const indicatorItems: IndicatorItem[] = [];
  const linksOf = new Map<string, { indicatorName: string; kpiId: string }[]>();
  for (const a of data.indicators) {
    const latest = new Map((a.latest ?? []).map(([name, value, period]) => [name, { value, period }]));
    if (a.links?.length) linksOf.set(a.id, a.links);
    for (const indicator of a.indicators ?? []) {
      if (scope === 'city' && indicator.kind !== 'effect') continue;
      const v = latest.get(indicator.name.trim());
      indicatorItems.push({ boardId: a.board_id, activityId: a.id, activityTitle: a.title, indicator, value: v?.value ?? null, period: v?.period ?? null });
    }
  }
  const outcomes = indicatorOutcomes(indicatorItems);
  // By board name, then activity title, every indicator (the summary counts them all); only the
  // page the JSON carries is turned into its answer. The boards' order by name is computed once,
  // so the collator only compares titles within a board.
  const nameRank = new Map([...new Set(boards.map((b) => b.name))].sort(SWEDISH.compare).map((name, i) => [name, i]));
  const boardRank = new Map(boards.map((b) => [b.id, nameRank.get(b.name)!]));
  const indicatorsInOrder = outcomes.items
    .map((o) => ({ o, rank: boardRank.get(o.boardId) ?? -1 }))
    .sort((a, b) => a.rank - b.rank || SWEDISH.compare(a.o.activityTitle, b.o.activityTitle))
    .map(({ o }) => o);
  const perBoardResults = new Map<string, Record<IndicatorResult, number>>();
  for (const o of outcomes.items) {
    const t = perBoardResults.get(o.boardId) ?? (Object.fromEntries(INDICATOR_RESULTS.map((r) => [r, 0])) as Record<IndicatorResult, number>);
    t[o.result]++;
    perBoardResults.set(o.boardId, t);
  }
  const matrix = measureAreaMatrix(counts.byArea, year);
  const totalsByStatus = matrix.totals;
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

  const contextMap = new Map<string, TReport['context'][number]>();
  for (const c of data.context) {
    const key = `${c.kpi_id}|${c.area}`;
    const entry = contextMap.get(key) ?? { kpiId: c.kpi_id, title: c.title, area: c.area, values: [] };
    entry.values.push({ year: c.year, value: Number(c.value) });
    contextMap.set(key, entry);
  }

  return {
    scope,
    municipality,
    year,
    period: req.period ?? null,
    generatedAt: new Date().toISOString(),
    // boardSummaries keeps the boards' order, so each summary's board row is at the same place.
    boards: summaries.map((s, i) => {
      const p = plans.get(s.boardId);
      const a = boards[i].analysis;
      return {
        boardId: s.boardId,
        name: s.name,
        kind: s.kind,
        plan: p ? { id: p.id, status: p.status as PlanState, decidedOn: p.decided_on, paragraph: p.paragraph, activityCount: activityCount.get(p.id) ?? 0 } : null,
        total: s.total,
        byStatus: s.byStatus,
        donePercent: s.donePercent,
        indicators: perBoardResults.get(s.boardId) ?? (Object.fromEntries(INDICATOR_RESULTS.map((r) => [r, 0])) as Record<IndicatorResult, number>),
        analysis: a ? { period: a.period, reportedAt: iso(a.reported_at) } : null,
      };
    }),
    totals: {
      boards: boards.length,
      boardsWithApprovedPlan: [...plans.values()].filter((p) => p.status === 'approved').length,
      activitiesInPlans: [...plans.values()].reduce((n, p) => n + (activityCount.get(p.id) ?? 0), 0),
      total: matrix.total,
      byStatus: totalsByStatus,
      donePercent: percent(totalsByStatus.done, tallyTotal(totalsByStatus)),
    },
    measureAreas: AREA_KEYS.map((area) => ({ area, total: tallyTotal(matrix.rows[area]), byStatus: matrix.rows[area] })),
    yearOverYear: yearOverYear(counts.byArea, year),
    delayed: {
      total: totalsByStatus.delayed,
      ...lists.delayed,
      items: delayedRows.map((d) => ({ boardId: d.board_id, boardName: names.get(d.board_id) ?? '', activityId: d.id, title: d.title, measureArea: d.measure_area, period: d.period, status: 'delayed' as const, comment: d.comment })),
    },
    indicators: {
      summary: outcomes.summary,
      total: indicatorsInOrder.length,
      ...lists.indicators,
      items: windowOf(indicatorsInOrder, lists.indicators).map((o) => ({
        boardId: o.boardId,
        boardName: names.get(o.boardId) ?? '',
        activityId: o.activityId,
        activityTitle: o.activityTitle,
        kind: o.indicator.kind,
        name: o.indicator.name,
        baseline: o.indicator.baseline === null || o.indicator.baseline === undefined ? null : String(o.indicator.baseline),
        target: o.indicator.target === null || o.indicator.target === undefined ? null : String(o.indicator.target),
        value: o.value,
        period: o.period,
        result: o.result,
        kpiIds: (linksOf.get(o.activityId) ?? []).filter((l) => l.indicatorName === o.indicator.name).map((l) => l.kpiId),
      })),
    },
    context: [...contextMap.values()],
    analyses: {
      total: boardsWithAnalysis.length,
      ...lists.analyses,
      items: analysisPage.map((b) => {
        const a = b.analysis!;
        const texts = sections.get(a.id);
        return {
          boardId: b.id,
          boardName: b.name,
          period: a.period,
          reportedAt: iso(a.reported_at),
          sections: ANALYSIS_HEADINGS.map((key) => ({ key, title: ANALYSIS_HEADING_LABELS_SV[key], text: texts?.[key] ?? '' })),
        };
      }),
    },
    training,
    situation,
    summary,
    latePlans: late,
    audits,
    collaboration,
    helpline,
    decisions,
  };
}

/** The city report (kommunstyrelsen): every board of the municipality. */
export async function cityReport(opts: { db: Database; actor: Actor } & ReportRequest): Promise<TReport> {
  requireCityReader(opts.actor);
  return buildReport(opts.db, opts.actor, 'city', null, opts);
}

/** One board's report: for the board's own roles and the city-level readers. */
export async function boardReport(opts: { db: Database; actor: Actor; boardId: string } & ReportRequest): Promise<TReport> {
  const board = await requireBoardReader(opts.db, opts.actor, opts.boardId);
  return buildReport(opts.db, opts.actor, 'board', board.id, opts);
}

/** Every activity with its latest status, for the workbook's "Insatser" sheet. */
export async function activityRows(opts: { db: Database; actor: Actor; report: TReport }) {
  return repo.activitiesWithStatus(opts.db, {
    municipalityId: opts.actor.municipalityId,
    year: opts.report.year,
    boardId: opts.report.scope === 'board' ? opts.report.boards[0]?.boardId ?? null : null,
    upToRank: opts.report.period ? periodRank(opts.report.period) : 3,
  });
}

