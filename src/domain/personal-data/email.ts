/**
 * E-mail addresses in free text, including the common "(at)" / "[at]" spelling.
 * Pure: no I/O, runs in the browser as well.
 */

export interface EmailHit {
  kind: 'email';
  start: number;
  end: number;
  match: string;
}

const LOCAL_CHAR = "[\\p{L}\\p{M}\\p{N}_%+'-]";
const LOCAL = `${LOCAL_CHAR}+(?:\\.${LOCAL_CHAR}+)*`;
const AT = '(?:@|[ \\u00a0]?[(\\[][ \\u00a0]?(?:at|snabel-a)[ \\u00a0]?[)\\]][ \\u00a0]?)';
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?';
const DOMAIN = `(?:${LABEL}\\.)+\\p{L}{2,}`;
const EMAIL = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}._%+'-])${LOCAL}${AT}${DOMAIN}(?![\\p{L}\\p{M}\\p{N}-])`, 'giu');

/** Every e-mail address in `text`, with UTF-16 offsets. */
export function findEmailAddresses(text: string): EmailHit[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    match: m[0],
  }));
}
