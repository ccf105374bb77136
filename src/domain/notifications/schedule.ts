/**
 * When reminders fall due (issue #17). Days are Swedish calendar days ('YYYY-MM-DD', see
 * src/domain/calendar.ts); weekends and holidays are ordinary days. Pure: no I/O.
 */
import { addDays, daysBetween } from '../calendar.js';

/** How many days before a deadline the "soon" reminder comes, per kind of deadline. */
export const REMIND_BEFORE_DAYS = { followup: 7, plan: 14, audit: 14, agreement: 60 } as const;

export type DeadlineStage = 'opened' | 'soon' | 'late';

/**
 * The one reminder a deadline calls for today: 'late' from the day after it, 'soon' within
 * `before` days of it (the day itself included), 'opened' earlier (when the caller sends one at
 * all). A user therefore never gets two reminders for one deadline on one day: the acceptance
 * scenario (a deadline set to tomorrow on an open period) sends 'soon', never also 'opened'.
 */
export function deadlineStage(deadline: string, today: string, before: number): DeadlineStage {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'late';
  if (left <= before) return 'soon';
  return 'opened';
}

/** Swedish words for how far away a deadline is: "i dag", "i morgon", "om 5 dagar", "passerades för 3 dagar sedan". */
export function whenInWords(deadline: string, today: string): string {
  const left = daysBetween(today, deadline);
  if (left === 0) return 'i dag';
  if (left === 1) return 'i morgon';
  if (left > 1) return `om ${left} dagar`;
  if (left === -1) return 'passerades i går';
  return `passerades för ${-left} dagar sedan`;
}

const SWEDISH_CLOCK = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hour12: false,
  weekday: 'short',
});

/** The Swedish day, hour (0–23) and ISO weekday (1 = Monday) of an instant. */
export function swedishClock(now: Date): { day: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(SWEDISH_CLOCK.formatToParts(now).map((p) => [p.type, p.value]));
  const weekdays = ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'];
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    weekday: weekdays.findIndex((w) => String(parts.weekday).startsWith(w)) + 1,
  };
}

/** Digests go out from this hour, Swedish time: before the working day starts. */
export const DIGEST_HOUR = 7;

/**
 * The digests due at `now`, each with the key that makes it once-only: the daily one every day from
 * 07:00 Swedish time (key: the day), the weekly one from Monday 07:00 (key: that Monday). The
 * digest collects what has not been e-mailed yet, so a late run (the server was down at 07:00)
 * still sends it, once.
 */
export function dueDigests(now: Date): { mode: 'daily' | 'weekly'; period: string }[] {
  const c = swedishClock(now);
  if (c.hour < DIGEST_HOUR) return [];
  const monday = addDays(c.day, 1 - c.weekday);
  return [
    { mode: 'daily', period: c.day },
    { mode: 'weekly', period: monday },
  ];
}

/** How long after a deadline the one "late" reminder may still go out; later it is the coordinator's overview, not a reminder. */
export const LATE_REMINDER_DAYS = 14;
/** How long after a period starts taking reports its "opened" reminder may still go out (the server may have been down that day). */
export const OPENED_REMINDER_DAYS = 7;

/**
 * The follow-up reminder a period calls for today, or null. Reporting on a period starts when the
 * period is open for reports and its months are over (`termEnds`: T1 on 30 April, the annual
 * report on 31 December): 'opened' in the week after that, 'soon' in the week before the deadline,
 * 'late' in the two weeks after it.
 */
export function followUpStage(p: { opensOn: string; termEnds: string; deadline: string }, today: string): DeadlineStage | null {
  const stage = deadlineStage(p.deadline, today, REMIND_BEFORE_DAYS.followup);
  if (stage === 'late') return daysBetween(p.deadline, today) <= LATE_REMINDER_DAYS ? 'late' : null;
  if (stage === 'soon') return 'soon';
  const starts = p.opensOn > p.termEnds ? p.opensOn : p.termEnds;
  const since = daysBetween(starts, today);
  return since >= 0 && since <= OPENED_REMINDER_DAYS ? 'opened' : null;
}
