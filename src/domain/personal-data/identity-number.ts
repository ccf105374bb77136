/**
 * Swedish personal identity numbers (personnummer) and co-ordination numbers
 * (samordningsnummer, where 60 is added to the day of birth).
 *
 * The rule: a real calendar date in the personnummer shape (YYMMDD or YYYYMMDD, day + 60 for a
 * samordningsnummer) followed by four digits is an identity number, **whether or not the Luhn
 * check digit holds**: a mistyped personnummer still points at a person ("19900101-1234").
 * The check digit only decides which kind wins when the same digits are also a phone number
 * (0701234567 is a mobile number unless its check digit holds).
 *
 * Written forms: YYMMDD-NNNN, YYMMDD+NNNN (the '+' marks someone aged 100 or more),
 * YYYYMMDD-NNNN, without separator, and with the date split into its parts
 * ("1990 01 01-1234", "200512 24 0011", "1990-01-01-1234"). The separator may be a hyphen, any
 * dash, a dot or a space, with spaces around it ("850512 - 1239"). The detector runs on text
 * from `normaliseForMatching`, so dashes and spaces are already plain and invisible characters
 * and other scripts' digits are gone.
 *
 * What keeps it from catching other numbers:
 * - the date must exist (organisation numbers have "month" ≥ 20; 30 February is no date);
 * - the number must end where its run of digit groups ends, so a date that is followed by more
 *   groups (a date range "2019-09-04–2019-12-31") is not read as a date plus four digits;
 * - digit groups may only split the number where a personnummer can be split: between year,
 *   month, day and the last four. Amounts ("1 234 567 890 kr"), phone numbers
 *   ("070-123 45 67") and case numbers ("3.1-123/2019") are grouped otherwise;
 * - an ISO date followed by a space and four digits ("2019-09-04 1430") is a date and a time.
 *
 * Pure: no I/O, no clock, runs in the browser as well.
 */

export type IdentityNumberKind = 'personal_identity_number' | 'coordination_number';

export interface IdentityNumberHit {
  kind: IdentityNumberKind;
  start: number;
  end: number;
  match: string;
  /** Whether the Luhn check digit holds; a hit is reported either way. */
  checksumValid: boolean;
}

/** A run of digit groups: one space, or a hyphen, '+' or dot with optional spaces around it. */
const RUN = /(?<![\p{N}.,])\d+(?:(?: ?[-+.] ?| )\d+)*(?!\d)(?![.,]\d)/gu;
const GROUP = /\d+/g;

/** Where a ten- or twelve-digit number may be split into groups (cumulative lengths). */
const SPLITS: Readonly<Record<number, ReadonlySet<number>>> = {
  10: new Set([2, 4, 6]),
  12: new Set([4, 6, 8]),
};

/** Luhn check digit for a string of digits (the digit that would make the whole string valid). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // The rightmost payload digit gets weight 2, then alternating 1, 2, ...
    const weight = (digits.length - i) % 2 === 1 ? 2 : 1;
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the Luhn check digit of the rest. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Classify a date part (YYMMDD or YYYYMMDD): a personnummer date, a samordningsnummer date
 * (day + 60) or null when neither is a real date. With only two year digits the century is
 * unknown, so 29 February is accepted when either 19YY or 20YY is a leap year.
 */
export function classifyDatePart(datePart: string): IdentityNumberKind | null {
  let years: number[];
  let rest: string;
  if (/^\d{8}$/.test(datePart)) {
    const century = Number(datePart.slice(0, 2));
    if (century < 18 || century > 20) return null;
    years = [Number(datePart.slice(0, 4))];
    rest = datePart.slice(4);
  } else if (/^\d{6}$/.test(datePart)) {
    const yy = Number(datePart.slice(0, 2));
    years = [1900 + yy, 2000 + yy];
    rest = datePart.slice(2);
  } else {
    return null;
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  if (years.some((y) => isDate(y, month, day))) return 'personal_identity_number';
  if (day > 60 && years.some((y) => isDate(y, month, day - 60))) return 'coordination_number';
  return null;
}

interface Group {
  digits: string;
  start: number;
  end: number;
  /** The separator written before this group ('' for the first), spaces trimmed unless it is one. */
  separator: string;
}

function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  let previousEnd = 0;
  for (const m of run.matchAll(GROUP)) {
    const raw = run.slice(previousEnd, m.index);
    groups.push({ digits: m[0], start: offset + m.index, end: offset + m.index + m[0].length, separator: raw.trim() || raw });
    previousEnd = m.index + m[0].length;
  }
  return groups;
}

/**
 * Classify the groups [from, groups.length) as one identity number, or null. The groups must
 * hold 10 or 12 digits, split only between year, month, day and the last four.
 */
function classifyGroups(groups: Group[], from: number): { kind: IdentityNumberKind; checksumValid: boolean } | null {
  const used = groups.slice(from);
  const digits = used.map((g) => g.digits).join('');
  const allowed = SPLITS[digits.length];
  if (!allowed) return null;
  const dateLength = digits.length - 4;
  let at = 0;
  for (const [i, g] of used.entries()) {
    if (i > 0) {
      if (!allowed.has(at)) return null;
      // '+' (aged 100 or more) only stands before the last four.
      if (g.separator === '+' && at !== dateLength) return null;
    }
    at += g.digits.length;
  }
  // An ISO date followed by a space and four digits is a date and a time, not a personnummer.
  const dateSeparators = used.filter((g, i) => i > 0 && sumBefore(used, i) < dateLength).map((g) => g.separator);
  const last = used[used.length - 1];
  const lastSplitAtSerial = sumBefore(used, used.length - 1) === dateLength;
  if (dateSeparators.includes('-') && lastSplitAtSerial && last.separator === ' ') return null;
  const kind = classifyDatePart(digits.slice(0, dateLength));
  if (!kind) return null;
  return { kind, checksumValid: luhnValid(digits.slice(-10)) };
}

function sumBefore(groups: Group[], index: number): number {
  return groups.slice(0, index).reduce((n, g) => n + g.digits.length, 0);
}

/**
 * Classify one written number (any accepted form). Returns null when it is not a personnummer
 * or samordningsnummer; the check digit is not required (see the module comment).
 */
export function classifyIdentityNumber(text: string): IdentityNumberKind | null {
  const trimmed = text.trim();
  const run = new RegExp(`^${RUN.source}$`, 'u').exec(trimmed);
  if (!run) return null;
  return classifyGroups(groupsOf(trimmed, 0), 0)?.kind ?? null;
}

/**
 * Every personnummer / samordningsnummer in `text` (normalised text, see the module comment),
 * with UTF-16 offsets into it.
 */
export function findIdentityNumbers(text: string): IdentityNumberHit[] {
  const hits: IdentityNumberHit[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = groupsOf(run[0], run.index);
    // The number ends where the run ends; it may start at any group (after a space).
    for (let from = 0; from < groups.length; from++) {
      if (from > 0 && groups[from].separator !== ' ') continue;
      const found = classifyGroups(groups, from);
      if (!found) continue;
      const start = groups[from].start;
      const end = groups[groups.length - 1].end;
      hits.push({ ...found, start, end, match: text.slice(start, end) });
      break;
    }
  }
  return hits;
}
