import { describe, expect, it } from 'vitest';
import { normaliseForMatching } from './normalise.js';

describe('normaliseForMatching', () => {
  it.each([
    ['removes zero-width and format characters', '2005\u200b1224\u00ad-\u20600011\ufeff', '20051224-0011'],
    ['removes bidi marks and variation selectors', '\u200e070\u200f-123\ufe0f 45 67', '070-123 45 67'],
    ['maps full-width digits and signs (NFKC)', '\uff10\uff17\uff10-\uff11\uff12\uff13 a\uff20b.se', '070-123 a@b.se'],
    ['maps the small commercial at', 'a\ufe6bb.se', 'a@b.se'],
    ['maps every script’s digits to ASCII', '\u0660\u0667\u0660 \u0967\u0968\u0969 \u0e54\u0e55 \u{1d7d4}\u{1d7d5}', '070 123 45 67'],
    ['maps every dash to a hyphen', '1\u20102\u20113\u20124\u20135\u20146\u20157\u22128', '1-2-3-4-5-6-7-8'],
    ['maps every horizontal space to one space, runs collapsed', '070\u00a0123\u202f45\u2009\u200967\u3000x', '070 123 45 67 x'],
    ['keeps line breaks', 'rad ett\nrad två', 'rad ett\nrad två'],
    ['folds Cyrillic and Greek look-alikes', 'аnnа@ехаmрlе.sе Ο', 'anna@example.se O'],
    ['composes decomposed letters', 'Go\u0308tgatan', 'Götgatan'],
  ])('%s', (_what, input, expected) => {
    expect(normaliseForMatching(input).text).toBe(expected);
  });

  it('leaves plain text as it is, with the same offsets', () => {
    const n = normaliseForMatching('Klotter på Götgatan 14');
    expect(n.text).toBe('Klotter på Götgatan 14');
    expect(n.toOriginal(11, 22)).toEqual({ start: 11, end: 22 });
  });

  it('maps a normalised range back to where the writer typed it, hidden characters included', () => {
    const input = 'Nr 2005\u200b1224-0011 här';
    const n = normaliseForMatching(input);
    const start = n.text.indexOf('2005');
    const { start: s, end: e } = n.toOriginal(start, start + '20051224-0011'.length);
    expect(input.slice(s, e)).toBe('2005\u200b1224-0011');
  });

  it('maps a range over characters that grew or shrank under NFKC back to whole original characters', () => {
    const input = 'x \ufb01 \uff10\uff17\uff10'; // "ﬁ" becomes "fi"; full-width digits stay one unit each
    const n = normaliseForMatching(input);
    expect(n.text).toBe('x fi 070');
    const fi = n.toOriginal(2, 4);
    expect(input.slice(fi.start, fi.end)).toBe('\ufb01');
    const digits = n.toOriginal(5, 8);
    expect(input.slice(digits.start, digits.end)).toBe('\uff10\uff17\uff10');
  });

  it('maps astral digits (two UTF-16 units) back to both units', () => {
    const input = '\u{1d7ce}\u{1d7d5}';
    const n = normaliseForMatching(input);
    expect(n.text).toBe('07');
    expect(n.toOriginal(0, 2)).toEqual({ start: 0, end: 4 });
  });
});
