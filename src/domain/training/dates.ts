/**
 * Date cells as they come out of HR systems, learning platforms and Excel.
 * Everything is normalised to 'YYYY-MM-DD' (a calendar date, no time zone).
 */

const DAY_MS = 86_400_000;
/** Excel serial 1 = 1900-01-01, but Excel believes 1900 was a leap year (serial 60 = 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 31);
/** 9999-12-31, the largest date Excel can show. */
export const MAX_EXCEL_SERIAL = 2_958_465;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // 2000 is a leap year
  if (d > daysInMonth) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return true;
}

function ymd(y: number, m: number, d: number): string | null {
  return isValidYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/** 'YYYY-MM-DD' of a UTC instant. */
export function isoDateOfUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * Excel (1900 date system) serial → 'YYYY-MM-DD'. The time fraction is dropped.
 * Serial 60 is Excel's fictitious 1900-02-29 and yields null; serials 1–59 are shifted by
 * one day so that 1 = 1900-01-01 and 59 = 1900-02-28, as Excel shows them.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole < 60 ? whole : whole - 1;
  return isoDateOfUtc(new Date(EXCEL_EPOCH_MS + days * DAY_MS));
}

/** 'YYYY-MM-DD' → Excel serial (the inverse of excelSerialToIso). */
export function isoToExcelSerial(iso: string): number {
  const days = Math.round((isoToUtcMs(iso) - EXCEL_EPOCH_MS) / DAY_MS);
  return days < 60 ? days : days + 1;
}

/** Milliseconds since the epoch of an 'YYYY-MM-DD' at 00:00 UTC. */
export function isoToUtcMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole days from a to b ('YYYY-MM-DD'); negative when b is before a. The server's one calendar (src/domain/calendar.ts). */
export { daysBetween } from '../calendar.js';

export function addDays(iso: string, days: number): string {
  return isoDateOfUtc(new Date(isoToUtcMs(iso) + days * DAY_MS));
}

/**
 * Parses a date cell. Accepted:
 * - ISO 2019-09-04 (also 2019-9-4, and with a time part: 2019-09-04 13:45, 2019-09-04T13:45:00Z;
 *   the time is ignored),
 * - 20190904, 2019/09/04, 2019.09.04,
 * - 04.09.2019 (day first),
 * - Excel date serials, e.g. 43712 or 43712.5 (= 2019-09-04).
 * Ambiguous forms such as 4/9/2019 (Swedish day first or US month first?) are rejected.
 * Returns 'YYYY-MM-DD' or null.
 */
export function parseDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const s = input.trim();
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]|\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s))) {
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{1,7}(?:[.,]\d+)?$/.test(s)) return excelSerialToIso(Number(s.replace(',', '.')));
  return null;
}

/** Years outside this range are almost certainly a misread cell (e.g. '2019' read as a serial). */
export const PLAUSIBLE_YEARS = { from: 1990, to: 2100 } as const;

export function isPlausibleDate(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to;
}

/**
 * A date cell for an import row: the ISO date, or a Swedish message saying what is wrong.
 * `what` names the column in the message, e.g. 'Slutdatum'.
 */
export function readDateCell(raw: string, what: string): { date: string } | { error: string } {
  const value = raw.trim();
  if (value === '') return { error: `${what} saknas.` };
  const date = parseDate(value);
  if (date === null) {
    return { error: `${what} ”${value}” är inte ett giltigt datum. Använd till exempel 2019-09-04.` };
  }
  if (!isPlausibleDate(date)) {
    return { error: `${what} ”${value}” tolkas som ${date}, vilket inte är rimligt. Använd till exempel 2019-09-04.` };
  }
  return { date };
}
