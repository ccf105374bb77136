/**
 * Phone numbers in free text: Swedish mobile and landline numbers in the usual written forms
 * (070-123 45 67, 0701234567, 08-123 456 78, 08 123 45 67, 031-12 34 56, (08) 123 45 67,
 * +46 70 123 45 67, +46 (0)8 123 45 67, 0046 70 123 45 67) and foreign numbers written with
 * a leading '+' or '00'.
 *
 * Dots between the groups count as separators too ("070.123.45.67"), but only when every
 * separator of the number is a dot: "08.30–16.00" is a time span. The detector runs on text
 * from `normaliseForMatching` (plain dashes and spaces, ASCII digits), but accepts the raw
 * forms as well.
 *
 * Method: find runs of digit groups joined by a space, a hyphen or a dot, then take the longest
 * prefix of a run's groups that forms a plausible number. A run is only read from its first
 * group (or right after a number already found), never from the middle: that keeps amounts
 * such as "1 060 000 000 kr" from being read as an area code plus subscriber number.
 * ISO dates are masked first so "2019-09-04 070-123 45 67" still finds the number.
 *
 * Pure: no I/O, runs in the browser as well.
 */

export interface PhoneHit {
  kind: 'phone';
  start: number;
  end: number;
  match: string;
}

/** A group separator: one space, a hyphen/dash with optional single spaces around it, or a dot. */
const SEP = '(?:[ \\u00a0]?[-\\u2010\\u2011\\u2012\\u2013][ \\u00a0]?|[ \\u00a0]|\\.)';
const TOKEN = '(?:\\+\\d{1,3}|\\(\\d{1,4}\\)|\\d+)';
const RUN = new RegExp(
  `(?<![\\p{L}\\p{N}_+(])(?<!\\d[.,/:])${TOKEN}(?:${SEP}?${TOKEN})*`,
  'gu',
);
const TOKEN_IN_RUN = new RegExp(TOKEN, 'g');
/** ISO dates (and date ranges written with them) are never phone numbers. */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;

interface Group {
  text: string;
  start: number;
  end: number;
  /** What stands between the previous group and this one ('' for the first). */
  separator: string;
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** A plausible Swedish national number (with its leading 0), given how it was grouped. */
function validNational(national: string, groupLengths: number[], international: boolean): boolean {
  if (!/^0[1-9]/.test(national)) return false;
  if (national.length < 8 || national.length > 10) return false;
  // Mobile numbers (07x) always have ten digits.
  if (national.startsWith('07') && national.length !== 10) return false;
  if (international) return true;
  if (groupLengths.length === 1) {
    // Without any grouping only the full ten- or nine-digit forms are taken; eight digits in
    // one block are as likely a date (01122019) as a short Stockholm number.
    return national.length >= 9;
  }
  const first = groupLengths[0];
  // The area code: 08 is the only two-digit one; a lone "0" is not an area code.
  if (first === 1) return false;
  if (first === 2 && !national.startsWith('08')) return false;
  // DD-MM-YYYY: "08-09-2019" is a date, not Stockholm 09 20 19.
  if (groupLengths.length === 3 && first === 2 && groupLengths[1] === 2 && groupLengths[2] === 4) {
    const month = Number(national.slice(2, 4));
    if (month >= 1 && month <= 12) return false;
  }
  return true;
}

/** Is groups[0..count) a phone number? */
function isPhone(groups: Group[], count: number): boolean {
  const used = groups.slice(0, count);
  const first = used[0].text;
  // Dots separate the groups of a phone number only when nothing else does.
  const separators = used.slice(1).map((g) => g.separator);
  if (separators.some((s) => s.includes('.')) && !separators.every((s) => s === '.')) return false;
  const all = used.map((g) => g.text);

  const intlPlus = first.startsWith('+');
  const intlZeros = !intlPlus && /^00[1-9]/.test(first);
  if (intlPlus || intlZeros) {
    // Drop the "(0)" some people write after the country code.
    const digits = digitsOf(all.filter((t, i) => !(i > 0 && t === '(0)')).join(''));
    const afterPrefix = intlPlus ? digits : digits.slice(2);
    if (afterPrefix.startsWith('46')) {
      return validNational(`0${afterPrefix.slice(2)}`, [], true);
    }
    // Foreign number: country code plus subscriber number, E.164 allows at most 15 digits.
    return afterPrefix.length >= 8 && afterPrefix.length <= 15;
  }

  if (first.startsWith('(')) {
    // "(08) 123 45 67": the parenthesised part is the area code.
    if (!/^\(0[1-9]\d{0,2}\)$/.test(first) || count < 2) return false;
  } else if (!/^0[1-9]/.test(first)) {
    return false;
  }
  const lengths = all.map((t) => digitsOf(t).length);
  return validNational(digitsOf(all.join('')), lengths, false);
}

function groupsOf(runText: string, offset: number): Group[] {
  const groups: Group[] = [];
  let previousEnd = 0;
  for (const m of runText.matchAll(TOKEN_IN_RUN)) {
    groups.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, separator: runText.slice(previousEnd, m.index) });
    previousEnd = m.index + m[0].length;
  }
  return groups;
}

/** Every phone number in `text`, with UTF-16 offsets into the original text. */
export function findPhoneNumbers(text: string): PhoneHit[] {
  // Mask ISO dates with a character that is neither a letter, digit nor separator, keeping offsets.
  const masked = text.replace(ISO_DATE, (d) => '\u0001'.repeat(d.length));
  const hits: PhoneHit[] = [];
  for (const run of masked.matchAll(RUN)) {
    const groups = groupsOf(run[0], run.index);
    let i = 0;
    while (i < groups.length) {
      const rest = groups.slice(i);
      let found = 0;
      for (let count = rest.length; count >= 1; count--) {
        if (isPhone(rest, count)) {
          found = count;
          break;
        }
      }
      if (found === 0) break;
      const start = rest[0].start;
      const end = rest[found - 1].end;
      hits.push({ kind: 'phone', start, end, match: text.slice(start, end) });
      i += found;
    }
  }
  return hits;
}
