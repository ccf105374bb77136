/**
 * E-mail addresses in free text, including the spelled-out forms people use to get past
 * filters: "@" written as "(at)", "[at]", "(snabel-a)", " snabel-a " or " at ", and dots written
 * as "(dot)", "[punkt]", " punkt " or " dot ". Full-width "＠" and small "﹫" become "@" in
 * `normaliseForMatching`, which runs first.
 *
 * A bare " at " or " punkt " is an ordinary word, so at most one of the two may be bare: either
 * the @ is written out explicitly ("@", bracketed, or "snabel-a") or every dot of the domain is
 * (a real "." or a bracketed word). "anna at example.se" and "anna (at) example punkt se" are
 * addresses; "vi sågs at home punkt se" is not.
 *
 * Pure: no I/O, runs in the browser as well.
 */

export interface EmailHit {
  kind: 'email';
  start: number;
  end: number;
  match: string;
}

const SP = '[ \\u00a0]';
const bracketed = (words: string) => `${SP}?[(\\[]${SP}?(?:${words})${SP}?[)\\]]${SP}?`;
const AT_EXPLICIT = `(?:@|${bracketed('at|snabel-a')}|${SP}snabel-a${SP})`;
const AT_BARE = `${SP}at${SP}`;
const DOT_EXPLICIT = `(?:\\.|${bracketed('dot|punkt')})`;
const DOT_ANY = `(?:${DOT_EXPLICIT}|${SP}(?:dot|punkt)${SP})`;

const LOCAL_CHAR = "[\\p{L}\\p{M}\\p{N}_%+'-]";
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?';
const BEFORE = "(?<![\\p{L}\\p{M}\\p{N}._%+'-])";
const AFTER = '(?![\\p{L}\\p{M}\\p{N}-])';

function emailPattern(at: string, dot: string): RegExp {
  const local = `${LOCAL_CHAR}+(?:${dot}${LOCAL_CHAR}+)*`;
  const domain = `(?:${LABEL}${dot})+\\p{L}{2,}`;
  return new RegExp(`${BEFORE}${local}${at}${domain}${AFTER}`, 'giu');
}

const PATTERNS = [emailPattern(AT_EXPLICIT, DOT_ANY), emailPattern(AT_BARE, DOT_EXPLICIT)];

/** Every e-mail address in `text`, with UTF-16 offsets; overlapping finds keep the longest. */
export function findEmailAddresses(text: string): EmailHit[] {
  const found = PATTERNS.flatMap((re) =>
    [...text.matchAll(re)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length, match: m[0] })),
  );
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: EmailHit[] = [];
  for (const h of found) if (!hits.some((p) => h.start < p.end && p.start < h.end)) hits.push(h);
  return hits;
}
