/**
 * The coverage trend and its forecast, as the overview, a board's page, the export and the trend
 * chart show them: coverage at every quarter end since the first data, and the day the target is
 * reached at the pace of the last twelve months. Pure.
 */
import { daysBetween } from '../calendar.js';
import { forecast, pacePerDay, type Completion, type CoverageFigure, type Headcount } from './coverage.js';
import { totalsAt, type DatedCompletion } from './totals.js';

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** One point of the trend: coverage on a date (a type, not an interface, so rows of it go straight into a sheet). */
export type CoveragePoint = { date: string } & { [K in keyof CoverageFigure]: CoverageFigure[K] };

/** Quarter ends from the first data to asOf (year ends when that spans more than ten years), and asOf itself. */
export function trendDates(first: string | null, asOf: string): string[] {
  if (!first || first > asOf) return [asOf];
  const from = Number(first.slice(0, 4));
  const to = Number(asOf.slice(0, 4));
  const ends = to - from > 10 ? ['12-31'] : QUARTER_ENDS;
  const dates: string[] = [];
  for (let y = Math.max(from, to - 30); y <= to; y++) {
    for (const md of ends) {
      const d = `${y}-${md}`;
      if (d >= first && d < asOf) dates.push(d);
    }
  }
  dates.push(asOf);
  return dates;
}

/** The whole trend up to asOf, from the earliest headcount or completion on or before it. */
export function coverageTrend(data: { headcounts: readonly Headcount[]; completions: readonly DatedCompletion[] }, asOf: string): CoveragePoint[] {
  const firsts = [...data.headcounts.map((h) => h.asOf), ...data.completions.map((c) => c.completedOn)].filter((d) => d <= asOf);
  const first = firsts.length ? firsts.reduce((a, b) => (a < b ? a : b)) : null;
  const dates = trendDates(first, asOf);
  const totals = totalsAt(data, dates);
  return dates.map((date, i) => ({ date, employees: totals[i].employees, completed: totals[i].completed, percent: totals[i].percent }));
}

/** One board's trend: the same arithmetic on that board's rows only. */
export function boardTrend(data: { headcounts: Headcount[]; completions: Completion[] }, asOf: string, boardId: string): CoveragePoint[] {
  return coverageTrend(
    { headcounts: data.headcounts.filter((h) => h.boardId === boardId), completions: data.completions.filter((c) => c.boardId === boardId) },
    asOf,
  );
}

export interface CoverageForecast {
  /** The day the target is (or was first) reached; null when it is not reached at the current pace. */
  date: string | null;
  reached: boolean;
  /** Percentage points per year over the last twelve months, one decimal; null once reached or unmeasurable. */
  pacePerYear: number | null;
}

/** When the target is reached at the pace of the last twelve months (the last two points when the year has fewer). */
export function forecastOf(points: { date: string; percent: number | null }[], target: number, asOf: string): CoverageForecast {
  const known = points.filter((p): p is { date: string; percent: number } => p.percent !== null);
  const last = known[known.length - 1];
  if (!last) return { date: null, reached: false, pacePerYear: null };
  if (last.percent >= target) return { date: forecast({ points: known, target }), reached: true, pacePerYear: null };
  let recent = known.filter((p) => daysBetween(p.date, asOf) <= 366);
  if (recent.length < 2) recent = known.slice(-2);
  const pace = pacePerDay(recent);
  return {
    date: forecast({ points: recent, target }),
    reached: false,
    pacePerYear: pace === null ? null : Math.round(pace * 365.25 * 10) / 10,
  };
}
