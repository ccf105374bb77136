import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from './guard.js';

/**
 * Disguised personal data is refused like plain: generated real identifiers (valid personnummer
 * and samordningsnummer, Swedish phone numbers, e-mail addresses), disguised the ways people and
 * word processors do — invisible characters inside, other scripts' or full-width digits, odd
 * dashes and spaces, look-alike letters, spelled-out "@" and dots — must each be found, at the
 * place the writer typed them.
 */

/** Luhn check digit computed independently of the implementation (weights 2,1,2,… from the left). */
function referenceCheckDigit(nineDigits: string): number {
  let sum = 0;
  [...nineDigits].forEach((c, i) => {
    const p = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  });
  return (10 - (sum % 10)) % 10;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u200e', '\u200f', '\u034f', '\ufe0f'];
/** The zero of each script's digits: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, full-width, mathematical bold. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce];
const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d'];
const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u3000'];
const LOOK_ALIKES: Record<string, string[]> = { a: ['а', 'ａ'], e: ['е', 'ｅ'], o: ['о', 'ο', 'ｏ'], p: ['р'], c: ['с'], x: ['х'], y: ['у'], i: ['і'], s: ['ѕ', 'ｓ'] };

const WORDS = ['eleven', 'har', 'uttryckt', 'oro', 'för', 'i', 'Rågsved', 'skolan', 'och', 'nås', 'på', 'kontakt', 'enligt', 'anmälan'];

/** Replace each ASCII digit by the same digit of a script chosen per digit. */
const otherDigits = (s: string) =>
  fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: s.length, maxLength: s.length }).map((zeros) =>
    [...s].map((c, i) => (/\d/.test(c) ? String.fromCodePoint(zeros[i] + Number(c)) : c)).join(''),
  );

/** Insert invisible characters strictly inside the text (never at its ends). */
const withInvisibles = (s: string) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: Math.max(1, s.length - 1) }), fc.constantFrom(...INVISIBLE)), { maxLength: 4 })
    .map((inserts) => {
      const chars = [...s];
      for (const [at, ch] of inserts.sort((a, b) => b[0] - a[0])) if (at < chars.length) chars.splice(at, 0, ch);
      return chars.join('');
    });

const disguiseDigits = (s: string) => otherDigits(s).chain(withInvisibles);

const dash = fc.constantFrom(...DASHES);
const space = fc.constantFrom(...SPACES);
const separator = fc.oneof(dash, space, fc.constant('.'), fc.constant(''), fc.tuple(space, dash, space).map((p) => p.join('')));

const validIdentityNumber = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    twelveDigits: fc.boolean(),
  })
  .map(({ year, month, dayFraction, serial, coordination, twelveDigits }) => {
    const days = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    const day = 1 + Math.floor(dayFraction * days) + (coordination ? 60 : 0);
    const date6 = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}`;
    const last4 = `${pad(serial, 3)}${referenceCheckDigit(`${date6}${pad(serial, 3)}`)}`;
    return { date: twelveDigits ? `${year}${date6.slice(2)}` : date6, last4, kinds: [coordination ? 'coordination_number' : 'personal_identity_number'] as PersonalDataKind[] };
  });

const disguisedIdentityNumber = fc
  .tuple(validIdentityNumber, separator, fc.boolean())
  .chain(([{ date, last4, kinds }, sep, splitDate]) => {
    // Sometimes the date is split too: "200512 24 0011".
    const datePart = splitDate ? `${date.slice(0, -2)} ${date.slice(-2)}` : date;
    return disguiseDigits(`${datePart}${sep}${last4}`).map((written) => ({ written, kinds }));
  });

const mobileNumber = fc
  .tuple(fc.constantFrom('70', '72', '73', '76', '79'), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([prefix, n]) => ({ prefix, rest: pad(n, 7) }));

const disguisedPhoneNumber = fc
  .tuple(mobileNumber, fc.constantFrom('grouped', 'dotted', 'plain', 'international', 'stockholm'), dash, space)
  .chain(([{ prefix, rest }, form, d, sp]) => {
    const written = {
      grouped: `0${prefix}${d}${rest.slice(0, 3)}${sp}${rest.slice(3, 5)}${sp}${rest.slice(5)}`,
      dotted: `0${prefix}.${rest.slice(0, 3)}.${rest.slice(3, 5)}.${rest.slice(5)}`,
      plain: `0${prefix}${rest}`,
      international: `+46${sp}${prefix}${sp}${rest.slice(0, 3)}${sp}${rest.slice(3, 5)}${sp}${rest.slice(5)}`,
      stockholm: `08${d}${rest.slice(0, 3)}${sp}${rest.slice(3, 5)}${sp}${rest.slice(5)}`,
    }[form];
    // A number can be a valid personnummer too (0701152340): refused either way.
    return disguiseDigits(written).map((w) => ({ written: w, kinds: ['phone', 'personal_identity_number', 'coordination_number'] as PersonalDataKind[] }));
  });

const lookAlike = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).chain((swap) =>
    fc.array(fc.nat(), { minLength: s.length, maxLength: s.length }).map((pick) =>
      [...s].map((c, i) => (swap[i] && LOOK_ALIKES[c] ? LOOK_ALIKES[c][pick[i] % LOOK_ALIKES[c].length] : c)).join(''),
    ),
  );

const label = fc.stringMatching(/^[a-z]{2,8}$/);
const disguisedEmail = fc
  .record({
    local: fc.tuple(label, fc.option(label, { nil: undefined })).map(([a, b]) => (b ? `${a}.${b}` : a)),
    domain: label,
    tld: fc.constantFrom('se', 'com', 'nu', 'org'),
    at: fc.constantFrom('@', '\uff20', '\ufe6b', ' (at) ', '(at)', '[at]', ' [at] ', ' snabel-a ', ' (snabel-a) '),
    dot: fc.constantFrom('.', ' (dot) ', '(dot)', '[punkt]', ' [punkt] ', ' punkt ', ' dot ', '\uff0e'),
  })
  .chain(({ local, domain, tld, at, dot }) =>
    fc
      .tuple(lookAlike(local), lookAlike(domain))
      .map(([l, d]) => `${l}${at}${d}${dot}${tld}`)
      .chain(withInvisibles)
      .map((written) => ({ written, kinds: ['email'] as PersonalDataKind[] })),
  );

function expectFound(written: string, kinds: PersonalDataKind[], before: string[], after: string[]) {
  const prefix = before.length ? `${before.join(' ')} ` : '';
  const text = `${prefix}${written}${after.length ? ` ${after.join(' ')}` : '.'}`;
  const hits = findPersonalData(text);
  const hit = hits.find((h) => h.start === prefix.length && h.end === prefix.length + written.length);
  expect(hit, `${JSON.stringify(text)} → ${JSON.stringify(hits)}`).toBeDefined();
  expect(kinds).toContain(hit!.kind);
  expect(hit!.match).toBe(written);
}

const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 });

describe('disguised personal data (property tests)', () => {
  it('finds every disguised valid personnummer and samordningsnummer', () => {
    fc.assert(
      fc.property(disguisedIdentityNumber, words, words, ({ written, kinds }, before, after) => expectFound(written, kinds, before, after)),
      { numRuns: 600 },
    );
  });

  it('finds every disguised Swedish phone number', () => {
    fc.assert(
      fc.property(disguisedPhoneNumber, words, words, ({ written, kinds }, before, after) => expectFound(written, kinds, before, after)),
      { numRuns: 600 },
    );
  });

  it('finds every disguised e-mail address', () => {
    fc.assert(
      fc.property(disguisedEmail, words, words, ({ written, kinds }, before, after) => expectFound(written, kinds, before, after)),
      { numRuns: 600 },
    );
  });
});

describe('disguises in the brief and the acceptance script', () => {
  it.each([
    ['Eleven har nummer 2005\u200b1224-0011 i journalen', '2005\u200b1224-0011', 'personal_identity_number'],
    ['Ring \uff10\uff17\uff10-\uff11\uff12\uff13 \uff14\uff15 \uff16\uff17 om du vet mer', '\uff10\uff17\uff10-\uff11\uff12\uff13 \uff14\uff15 \uff16\uff17', 'phone'],
    ['Kontakt: anna.svensson\u200b@example.se', 'anna.svensson\u200b@example.se', 'email'],
    ['Hon nås på 070\u2011123\u00a045\u00a067', '070\u2011123\u00a045\u00a067', 'phone'],
    ['Personnummer 200512 24 0011 står i anmälan', '200512 24 0011', 'personal_identity_number'],
    ['Ahmed Karimi 19900101-1234 har hotat personal', '19900101-1234', 'personal_identity_number'],
    ['Pojken 850512 - 1239 sågs', '850512 - 1239', 'personal_identity_number'],
    ['Skriv till a\uff20b.se', 'a\uff20b.se', 'email'],
    ['Ring 070.123.45.67 i kväll', '070.123.45.67', 'phone'],
    ['Mejla anna (at) example (dot) se', 'anna (at) example (dot) se', 'email'],
    ['Mejla anna [at] example [punkt] se', 'anna [at] example [punkt] se', 'email'],
    ['Mejla anna snabel-a example punkt se', 'anna snabel-a example punkt se', 'email'],
    ['Mejla anna at example.se', 'anna at example.se', 'email'],
    ['Mejla anna\ufe6bexample.se', 'anna\ufe6bexample.se', 'email'],
    ['Mejla \u0430nn\u0430@ex\u0430mple.se', '\u0430nn\u0430@ex\u0430mple.se', 'email'],
    ['Ring +46\u00a070\u00a0123\u00a045\u00a067', '+46\u00a070\u00a0123\u00a045\u00a067', 'phone'],
    ['Ring \u0660\u0667\u0660-\u0661\u0662\u0663 \u0664\u0665 \u0666\u0667', '\u0660\u0667\u0660-\u0661\u0662\u0663 \u0664\u0665 \u0666\u0667', 'phone'],
    ['Numret 8505\u00ad12-1239', '8505\u00ad12-1239', 'personal_identity_number'],
  ])('%s', (text, written, kind) => {
    const hits = findPersonalData(text);
    expect(hits.map((h) => [h.kind, h.match])).toEqual([[kind, written]]);
  });

  it.each([
    'vi sågs at home punkt se',
    'Hon skrev punkt slut',
    'Utbildningen pågick 08.30\u201316.00',
    'Mötet hölls\u00a02019-09-04\u00a0kl.\u00a014.30',
    'Perioden 2019\u201109\u201104\u20132019\u201112\u201131',
    'Budgeten är 1\u00a0500\u00a0000 kronor',
    'Dnr 3.1\u20111\u200b23/2019',
  ])('passes clean: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('a clean text stays clean however it is disguised', () => {
    const clean = ['Klotter vid Götgatan under helgen', 'Projektperioden är 2019-09-04–2019-12-31', 'Insatsen kostade 12 000 kr', 'Mötet börjar kl. 14.30 i Rågsved'];
    fc.assert(
      fc.property(fc.constantFrom(...clean).chain(withInvisibles), (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
