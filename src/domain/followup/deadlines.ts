/**
 * Deadlines of the follow-up periods (issue #12): by which day a period's reports are due. The
 * central coordinator sets a default day per period kind for the municipality ("MM-DD"), and may
 * set another date for one period. A default day falls on the first such date on or after the
 * period's last day: T1 (January–April) → 15 May, T2 (May–August) → 15 September, the annual
 * report (the whole year) → 31 January of the next year. A deadline does not close the period:
 * reports are still taken until the coordinator closes it, but a missing report is overdue.
 *
 * Pure: no I/O; the caller passes today's date.
 */
import { formatPeriod, PERIOD_KINDS, type PeriodId, type PeriodKind, type PeriodState } from './periods.js';

/** Stockholm's defaults: two weeks after a tertial ends, a month after the year ends. */
export const DEFAULT_DEADLINES: Readonly<Record<PeriodKind, string>> = { T1: '05-15', T2: '09-15', VB: '01-31' };

/** The last day (MM-DD) of each period kind within its year. */
export const PERIOD_LAST_DAY: Readonly<Record<PeriodKind, string>> = { T1: '04-30', T2: '08-31', VB: '12-31' };

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a default day is refused, in Swedish; null when it is a day every year has (29 February is not). */
export function monthDayProblem(text: string): string | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return 'Ange dagen som MM-DD, till exempel 05-15.';
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12) return 'Månaden ska vara 01–12.';
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]) return `Dagen finns inte i månad ${m[1]}${month === 2 && day === 29 ? ' alla år; välj 02-28 eller 03-01' : ''}.`;
  return null;
}

/** The date a default day gives a period: the first such date on or after the period's last day. */
export function defaultDeadline(p: PeriodId, monthDay: string): string {
  const sameYear = `${p.year}-${monthDay}`;
  return monthDay >= PERIOD_LAST_DAY[p.kind] ? sameYear : `${p.year + 1}-${monthDay}`;
}

/** The period's deadline: the date set for it, else the municipality's default day for its kind. */
export function deadlineOf(p: PeriodId, override: string | null, defaults: Readonly<Record<PeriodKind, string>>): string {
  return override ?? defaultDeadline(p, defaults[p.kind]);
}

/**
 * Dates the coordinator may set for one period of `year`: from the first day of the year (a
 * deadline cannot lie before the period starts) to the end of the following year.
 */
export function overrideProblem(year: number, deadline: string): string | null {
  const first = `${year}-01-01`;
  const last = `${year + 1}-12-31`;
  if (deadline < first || deadline > last) return `Sista dagen ska ligga mellan ${first} och ${last}.`;
  return null;
}

/** A report is overdue when the deadline has passed and nothing is reported. */
export const isOverdue = (deadline: string, today: string, reported: boolean): boolean => !reported && today > deadline;

export interface DuePeriod {
  period: PeriodId;
  deadline: string;
  state: PeriodState;
  /** Activities of the user that have no report for the period. */
  outstanding: number;
}

/**
 * The period a unit manager's "my activities" opens on: the open period with the earliest
 * deadline where something is still to report (a missed one first: its deadline is earlier), else
 * the open period whose deadline comes next, else null (the caller falls back to the calendar).
 */
export function nextDuePeriod(periods: readonly DuePeriod[], today: string): PeriodId | null {
  const open = [...periods].filter((p) => p.state === 'open').sort((a, b) => a.deadline.localeCompare(b.deadline) || rank(a) - rank(b));
  const pending = open.find((p) => p.outstanding > 0);
  if (pending) return pending.period;
  return open.find((p) => p.deadline >= today)?.period ?? null;
}

const rank = (p: DuePeriod) => p.period.year * 10 + PERIOD_KINDS.indexOf(p.period.kind);

/** Periods whose deadline has passed with reports still missing, oldest first, closed periods left out (nothing can be done there). */
export function missedPeriods(periods: readonly DuePeriod[], today: string): { period: string; deadline: string; missing: number }[] {
  return periods
    .filter((p) => p.state !== 'closed' && p.outstanding > 0 && isOverdue(p.deadline, today, false))
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map((p) => ({ period: formatPeriod(p.period), deadline: p.deadline, missing: p.outstanding }));
}
