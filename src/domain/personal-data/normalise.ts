/**
 * Normalises free text before the personal-data detectors look at it, so that disguised
 * personal data is found like plain: a zero-width space inside a personnummer, full-width or
 * Arabic-Indic digits, a non-breaking hyphen, a Cyrillic "а" in an e-mail address.
 *
 * What it does, one original character (with its combining marks) at a time:
 * - removes invisible characters (\p{Cf}: zero-width space/joiner/non-joiner, soft hyphen,
 *   word joiner, BOM, bidi marks and isolates; and the other default-ignorables such as
 *   variation selectors and the combining grapheme joiner);
 * - applies Unicode NFKC (compatibility forms: full-width letters, digits and "＠", "﹫");
 * - maps every script's decimal digits (\p{Nd}) to ASCII 0–9;
 * - maps every dash (\p{Pd}, U+2212 minus) to "-" and every horizontal space (NBSP, narrow
 *   NBSP, thin space, ideographic space, …) to " ", collapsing runs of spaces to one;
 * - folds Cyrillic and Greek letters that look like Latin ones ("а" → "a", "Ο" → "O").
 *
 * Line breaks are kept: a line break is not a separator between digit groups.
 *
 * `toOriginal` maps a range of the normalised text back to the original, so a hit can still be
 * reported (and highlighted) where the writer typed it.
 *
 * Pure: no I/O, no Node-only imports; runs in the browser as well.
 */

export interface NormalisedText {
  /** The normalised text the detectors run on. */
  text: string;
  /** The original range [start, end) behind the normalised range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
}

/** Cyrillic and Greek letters that are drawn like Latin letters, and their Latin twins. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic lower case
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g',
  // Cyrillic upper case
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ї: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Һ: 'H', Ӏ: 'I',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k', α: 'a', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
};

/** Invisible characters: format characters and the other default-ignorables (variation selectors, fillers). */
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;
const DASH = /^[\p{Pd}\u2212\u2043\uFE63\uFF0D]$/u;
/** Horizontal white space: every \s but the line breaks. */
const SPACE = /^[^\S\n\r\u2028\u2029\u000B\u000C\u0085]$/u;

/** The ASCII digit of any script's decimal digit (runs of \p{Nd} come in blocks of ten from zero). */
function asciiDigit(ch: string): string {
  if (ch >= '0' && ch <= '9') return ch;
  const cp = ch.codePointAt(0)!;
  let zero = cp;
  while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** One original segment (a character and its combining marks), normalised. */
function normaliseSegment(segment: string): string {
  let out = '';
  for (const ch of segment.normalize('NFKC')) {
    if (INVISIBLE.test(ch)) continue;
    if (DIGIT.test(ch)) out += asciiDigit(ch);
    else if (DASH.test(ch)) out += '-';
    else if (SPACE.test(ch)) out += ' ';
    else out += HOMOGLYPHS[ch] ?? ch;
  }
  return out;
}

/** Normalise `input` for matching; see the module comment. */
export function normaliseForMatching(input: string): NormalisedText {
  // Fast path: plain ASCII without anything to fold keeps its offsets.
  if (/^[\x20-\x7e\n\r\t]*$/.test(input) && !/[ \t]{2}|\t/.test(input)) {
    return { text: input, toOriginal: (start, end) => ({ start, end }) };
  }
  let text = '';
  // For each normalised UTF-16 unit: the start and end of the original segment it came from.
  const starts: number[] = [];
  const ends: number[] = [];
  const chars = [...input];
  let offset = 0;
  for (let i = 0; i < chars.length; ) {
    let segment = chars[i];
    let j = i + 1;
    // A base character keeps its combining marks, so "a" + U+0308 composes to "ä".
    while (j < chars.length && MARK.test(chars[j])) segment += chars[j++];
    const start = offset;
    offset += segment.length;
    i = j;
    let piece = normaliseSegment(segment);
    // Runs of spaces collapse to one, which stands for the whole run.
    if (piece === ' ' && text.endsWith(' ')) {
      ends[ends.length - 1] = offset;
      continue;
    }
    if (piece.startsWith(' ') && text.endsWith(' ')) piece = piece.slice(1);
    for (let k = 0; k < piece.length; k++) {
      starts.push(start);
      ends.push(offset);
    }
    text += piece;
  }
  return {
    text,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < starts.length ? starts[start] : input.length;
        return { start: at, end: at };
      }
      return { start: starts[start], end: ends[end - 1] };
    },
  };
}
