/**
 * Report arithmetic over plain data (PRODUCT.md §3): activities per measure area and status per
 * board, the city's matrix, year-over-year figures, the delayed list and indicator results.
 * The database hands over grouped counts (one aggregate query); `statusCounts` computes the same
 * counts from raw rows, for tests and small inputs. Pure.
 */
import { MEASURE_AREAS, type MeasureArea } from '../plans/model.js';
import { indicatorResult, INDICATOR_RESULTS, type ActivityIndicator, type IndicatorResult, type IndicatorValue } from './indicators.js';
import { periodRank, type PeriodKind } from './periods.js';
import { STATUS_KEYS, type FollowUpStatus, type StatusKey } from './status.js';

export const AREA_KEYS = [...MEASURE_AREAS, 'unclassified'] as const;
export type AreaKey = (typeof AREA_KEYS)[number];
export const areaKey = (a: MeasureArea | null | undefined): AreaKey => a ?? 'unclassified';

export const AREA_LABELS_SV: Readonly<Record<AreaKey, string>> = {
  general: 'Allmänna insatser',
  targeted: 'Riktade insatser',
  individual: 'Individinsatser',
  unclassified: 'Utan insatsområde',
};

/** Activities of one board, year, measure area and (latest) status. */
export interface StatusCount {
  boardId: string;
  year: number;
  measureArea: MeasureArea | null;
  status: StatusKey;
  count: number;
}

/** Counts of one board by status (any measure area). */
export type BoardStatusCount = Omit<StatusCount, 'measureArea'>;
/** Counts of a measure area by status (any board). */
export type AreaStatusCount = Omit<StatusCount, 'boardId'>;

export interface ActivityRow {
  id: string;
  boardId: string;
  year: number;
  measureArea: MeasureArea | null;
}

export interface FollowUpRow {
  activityId: string;
  year: number;
  period: PeriodKind;
  status: FollowUpStatus;
}

/** Each activity's latest report of the year, up to and including `upTo` (all periods by default). */
export function latestFollowUps<F extends FollowUpRow>(followUps: readonly F[], upTo?: PeriodKind): Map<string, F> {
  const limit = upTo ? periodRank(upTo) : Infinity;
  const latest = new Map<string, F>();
  for (const f of followUps) {
    const rank = periodRank(f.period);
    if (rank > limit) continue;
    const prev = latest.get(f.activityId);
    if (!prev || periodRank(prev.period) < rank) latest.set(f.activityId, f);
  }
  return latest;
}

/** The grouped counts the report's aggregate query returns, computed from raw rows. */
export function statusCounts(activities: readonly ActivityRow[], followUps: readonly FollowUpRow[], upTo?: PeriodKind): StatusCount[] {
  const yearOf = new Map(activities.map((a) => [a.id, a.year]));
  const latest = latestFollowUps(
    followUps.filter((f) => yearOf.get(f.activityId) === f.year),
    upTo,
  );
  const counts = new Map<string, StatusCount>();
  for (const a of activities) {
    const status: StatusKey = latest.get(a.id)?.status ?? 'not_reported';
    const key = `${a.boardId}|${a.year}|${a.measureArea}|${status}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { boardId: a.boardId, year: a.year, measureArea: a.measureArea, status, count: 1 });
  }
  return [...counts.values()];
}

/** Swedish collation for names and titles, created once (a locale per comparison is slow). */
export const SWEDISH = new Intl.Collator('sv');

export type StatusTally = Record<StatusKey, number>;
const ZERO_TALLY: Readonly<StatusTally> = Object.freeze(Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as StatusTally);
/** A fresh tally of zeros (a copy of one frozen template: the city report makes thousands). */
export const emptyTally = (): StatusTally => ({ ...ZERO_TALLY });
export const tallyTotal = (t: StatusTally): number => STATUS_KEYS.reduce((n, s) => n + t[s], 0);

/** Share in per cent with one decimal, 0 when there is nothing to share. */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export interface BoardInfo {
  boardId: string;
  name: string;
  kind: string;
  plan: { id: string; status: string } | null;
}

export interface BoardSummary extends BoardInfo {
  total: number;
  byStatus: StatusTally;
  /** Share of the activities reported done, per cent. */
  donePercent: number;
}

function emptyAreas(): Record<AreaKey, StatusTally> {
  return Object.fromEntries(AREA_KEYS.map((a) => [a, emptyTally()])) as Record<AreaKey, StatusTally>;
}

/** One row per board, in the order given (boards without a plan or activities get zeros). */
export function boardSummaries(boards: readonly BoardInfo[], counts: readonly BoardStatusCount[], year: number): BoardSummary[] {
  const byBoard = new Map<string, BoardSummary>();
  for (const b of boards) {
    byBoard.set(b.boardId, { ...b, total: 0, byStatus: emptyTally(), donePercent: 0 });
  }
  for (const c of counts) {
    if (c.year !== year) continue;
    const s = byBoard.get(c.boardId);
    if (!s) continue;
    s.total += c.count;
    s.byStatus[c.status] += c.count;
  }
  for (const s of byBoard.values()) s.donePercent = percent(s.byStatus.done, s.total);
  return [...byBoard.values()];
}

/** Measure area × status over every board of the year, with the total per area and status. */
export function measureAreaMatrix(counts: readonly AreaStatusCount[], year: number): { rows: Record<AreaKey, StatusTally>; totals: StatusTally; total: number } {
  const rows = emptyAreas();
  const totals = emptyTally();
  for (const c of counts) {
    if (c.year !== year) continue;
    rows[areaKey(c.measureArea)][c.status] += c.count;
    totals[c.status] += c.count;
  }
  return { rows, totals, total: tallyTotal(totals) };
}

export interface YearTotals {
  total: number;
  byStatus: StatusTally;
  donePercent: number;
  delayedPercent: number;
}

function totalsFrom(byStatus: StatusTally): YearTotals {
  const total = tallyTotal(byStatus);
  return { total, byStatus, donePercent: percent(byStatus.done, total), delayedPercent: percent(byStatus.delayed, total) };
}

export interface YearOverYear {
  year: number;
  previousYear: number;
  /** False when the previous year has no activities at all: nothing to compare with. */
  hasHistory: boolean;
  current: YearTotals;
  previous: YearTotals;
}

/** This year against the year before, over every board of the counts (one pass). */
export function yearOverYear(counts: readonly AreaStatusCount[], year: number): YearOverYear {
  const city = { current: emptyTally(), previous: emptyTally() };
  for (const c of counts) {
    const which = c.year === year ? 'current' : c.year === year - 1 ? 'previous' : null;
    if (which) city[which][c.status] += c.count;
  }
  const previous = totalsFrom(city.previous);
  return { year, previousYear: year - 1, hasHistory: previous.total > 0, current: totalsFrom(city.current), previous };
}

export interface DelayedItem {
  boardId: string;
  boardName: string;
  activityId: string;
  title: string;
  measureArea: MeasureArea | null;
  period: PeriodKind;
  comment: string | null;
}

/** By board name, then measure area order, then title (Swedish collation). */
export function sortDelayed<T extends DelayedItem>(items: readonly T[]): T[] {
  const area = (a: MeasureArea | null) => AREA_KEYS.indexOf(areaKey(a));
  return [...items].sort((a, b) => SWEDISH.compare(a.boardName, b.boardName) || area(a.measureArea) - area(b.measureArea) || SWEDISH.compare(a.title, b.title));
}

export interface IndicatorItem {
  boardId: string;
  activityId: string;
  activityTitle: string;
  indicator: ActivityIndicator;
  /** The latest reported value of the year, and the period it came from. */
  value: IndicatorValue | null;
  period: PeriodKind | null;
}

export interface IndicatorOutcome extends IndicatorItem {
  result: IndicatorResult;
}

export function indicatorOutcomes(items: readonly IndicatorItem[]): { items: IndicatorOutcome[]; summary: Record<IndicatorResult, number> } {
  const summary = Object.fromEntries(INDICATOR_RESULTS.map((r) => [r, 0])) as Record<IndicatorResult, number>;
  const out = items.map((i) => {
    const result = indicatorResult(i.indicator, i.value);
    summary[result]++;
    return { ...i, result };
  });
  return { items: out, summary };
}

/**
 * The latest value per indicator of an activity from its reports of the year: a later period's
 * value replaces an earlier one; a period that left the indicator out keeps the earlier value.
 */
export function latestIndicatorValues(
  reports: readonly { period: PeriodKind; values: readonly { name: string; value: IndicatorValue }[] }[],
): Map<string, { value: IndicatorValue; period: PeriodKind }> {
  const out = new Map<string, { value: IndicatorValue; period: PeriodKind }>();
  for (const r of [...reports].sort((a, b) => periodRank(a.period) - periodRank(b.period))) {
    for (const v of r.values) out.set(v.name, { value: v.value, period: r.period });
  }
  return out;
}

/** Follow-up progress of one board in one period: who has not reported, what is delayed. */
export interface BoardProgressItem {
  activityId: string;
  title: string;
  responsible: string;
  reporterNames: string[];
  status: FollowUpStatus | null;
}

export function boardProgress<T extends BoardProgressItem>(items: readonly T[]): {
  total: number;
  reported: number;
  notReported: T[];
  delayed: T[];
  byStatus: StatusTally;
} {
  const byStatus = emptyTally();
  for (const i of items) byStatus[i.status ?? 'not_reported']++;
  return {
    total: items.length,
    reported: items.length - byStatus.not_reported,
    notReported: items.filter((i) => i.status === null),
    delayed: items.filter((i) => i.status === 'delayed'),
    byStatus,
  };
}
