/**
 * Dates and times as every page shows them: one format ('2026-03-14', '2026-03-14 15:30') in the
 * municipality's time zone, whatever the browser's own. The server stores timestamps in UTC; a
 * browser set to UTC (or abroad) would otherwise show times an hour or two off, and a day near
 * midnight on the wrong date. A bare day ('YYYY-MM-DD') is a calendar day and is shown as it is.
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Made on first use: the first formatter with a time zone loads the zone data (tens of ms on a
// phone), which a page showing only bare days never needs.
let PARTS: Intl.DateTimeFormat | null = null;
const swedishParts = (d: Date) =>
  (PARTS ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: SWEDISH_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })).formatToParts(d);

function parts(value: string | Date): { day: string; time: string } | null {
  if (typeof value === 'string' && DAY.test(value)) return { day: value, time: '' };
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(swedishParts(d).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The day of a timestamp in Swedish time, or a bare day as given: '2026-03-14'. Empty for nothing. */
export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return '';
  return parts(value)?.day ?? String(value);
}

/** A timestamp in Swedish time: '2026-03-14 15:30' (a bare day has no time). Empty for nothing. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  return p.time ? `${p.day} ${p.time}` : p.day;
}
