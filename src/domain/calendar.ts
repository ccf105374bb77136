/**
 * The municipality's calendar: one "today" for the whole server. Boards meet, deadlines fall and
 * reports are dated in Swedish time, so a day is read in Europe/Stockholm whatever the server's
 * own time zone (containers run in UTC; at 00:30 Swedish time UTC is still on yesterday).
 */

const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or the day of `now`) as 'YYYY-MM-DD' in Swedish time. */
export function todayInSweden(now: Date = new Date()): string {
  return SWEDISH_DAY.format(now);
}

/** A day as 'YYYY-MM-DD': a string is taken as given (its first ten characters), a Date is read in Swedish time. */
export function toIsoDay(day: string | Date): string {
  return typeof day === 'string' ? day.slice(0, 10) : todayInSweden(day);
}

/** The year of today in Sweden. */
export function currentYearInSweden(now: Date = new Date()): number {
  return Number(todayInSweden(now).slice(0, 4));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (not 2019-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return day(to) - day(from);
}

/** The day a use case works on: the one given (tests and the demo seed pass a day), else today in Sweden. */
export function dayOrToday(day?: string): string {
  return day ?? todayInSweden();
}

/** The ISO day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
