/**
 * Swedish personal identity numbers (personnummer) and co-ordination numbers
 * (samordningsnummer, where 60 is added to the day of birth).
 *
 * Accepted forms: YYMMDD-NNNN, YYMMDD+NNNN (the '+' marks someone aged 100 or more),
 * YYYYMMDD-NNNN and the same without separator. A hyphen typed as a dash by a word processor
 * (– ‐ ‑ −) or a single space is accepted too: a guard should rather catch than miss.
 * A candidate counts only if the date part is a real calendar date and the Luhn check digit
 * over the 10-digit form holds; that keeps organisation numbers (month ≥ 20), ISO dates and
 * arbitrary ten-digit numbers out.
 *
 * Pure: no I/O, no clock, runs in the browser as well.
 */

export type IdentityNumberKind = 'personal_identity_number' | 'coordination_number';

export interface IdentityNumberHit {
  kind: IdentityNumberKind;
  start: number;
  end: number;
  match: string;
}

/** Separators accepted between the date part and the last four digits. */
const SEPARATOR_CLASS = '[-+\u2010\u2011\u2012\u2013\u2212 ]';

const CANDIDATE = new RegExp(`(?<!\\d)(\\d{8}|\\d{6})(${SEPARATOR_CLASS}?)(\\d{4})(?!\\d)`, 'g');

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

/**
 * Classify one written number (any accepted form). Returns null when it is not a valid
 * personnummer or samordningsnummer.
 */
export function classifyIdentityNumber(text: string): IdentityNumberKind | null {
  const m = new RegExp(`^(\\d{8}|\\d{6})${SEPARATOR_CLASS}?(\\d{4})$`).exec(text.trim());
  if (!m) return null;
  return classifyParts(m[1], m[2]);
}

function classifyParts(datePart: string, lastFour: string): IdentityNumberKind | null {
  const kind = classifyDatePart(datePart);
  if (!kind) return null;
  const tenDigits = datePart.slice(-6) + lastFour;
  return luhnValid(tenDigits) ? kind : null;
}

/** Every valid personnummer / samordningsnummer in `text`, with UTF-16 offsets. */
export function findIdentityNumbers(text: string): IdentityNumberHit[] {
  const hits: IdentityNumberHit[] = [];
  const re = new RegExp(CANDIDATE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const kind = classifyParts(m[1], m[3]);
    if (!kind) {
      // A rejected candidate must not swallow a valid number that starts inside it.
      re.lastIndex = m.index + 1;
      continue;
    }
    hits.push({ kind, start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}
