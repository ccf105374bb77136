/**
 * Personal-data guard for free text (concern reports, survey answers, police notes, helpline
 * log entries, report comments). Värna holds no personal data about people of concern, so
 * free text that contains a personnummer/samordningsnummer, a phone number, an e-mail address
 * or a street address is refused with a message saying what to remove.
 *
 * The text is normalised first (`normalise.ts`): invisible characters, other scripts' digits,
 * full-width forms, odd dashes and spaces and look-alike letters cannot disguise what it holds.
 * Hits are reported at their place in the original text.
 *
 * Names of people are a separate, softer check (`names.ts`, server only: its name data is too
 * large for the browser); this module stays small enough for the as-you-type check in the web.
 *
 * The messages never repeat the matched text: they may end up in logs or error reports.
 * A caller that wants to highlight the offending parts uses `findPersonalData` on the client.
 *
 * Pure: no I/O, no Node-only imports; runs on the server and in the browser.
 */

import { listSv } from '../swedish-list.js';
import { findEmailAddresses } from './email.js';
import { findIdentityNumbers } from './identity-number.js';
import { findPhoneNumbers } from './phone.js';
import { normaliseForMatching } from './normalise.js';
import { findStreetAddresses } from './street-address.js';

export type PersonalDataKind =
  | 'personal_identity_number'
  | 'coordination_number'
  | 'phone'
  | 'email'
  | 'street_address';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  match: string;
}

export interface FieldProblem {
  field: string;
  kinds: PersonalDataKind[];
  message: string;
}

export interface CheckOptions {
  /**
   * What the text belongs to, in definite form, for the end of the message
   * ("… – rapporten får inte gå att koppla till en person."). Default "rapporten".
   */
  subject?: string;
}

/** Every kind, in the order they are reported. */
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'personal_identity_number',
  'coordination_number',
  'phone',
  'email',
  'street_address',
];

/** Swedish label per kind, as used in the user interface. */
export const KIND_LABELS_SV: Readonly<Record<PersonalDataKind, string>> = {
  personal_identity_number: 'personnummer',
  coordination_number: 'samordningsnummer',
  phone: 'telefonnummer',
  email: 'e-postadress',
  street_address: 'gatuadress',
};

interface SwedishNoun {
  /** Singular with indefinite article: "ett personnummer". */
  one: string;
  /** Plural without article: "e-postadresser". */
  many: string;
  /** Pronoun for one of it: "det" (neuter) or "den" (common gender). */
  pronoun: 'det' | 'den';
}

const NOUNS: Readonly<Record<PersonalDataKind, SwedishNoun>> = {
  personal_identity_number: { one: 'ett personnummer', many: 'personnummer', pronoun: 'det' },
  coordination_number: { one: 'ett samordningsnummer', many: 'samordningsnummer', pronoun: 'det' },
  phone: { one: 'ett telefonnummer', many: 'telefonnummer', pronoun: 'det' },
  email: { one: 'en e-postadress', many: 'e-postadresser', pronoun: 'den' },
  street_address: { one: 'en gatuadress', many: 'gatuadresser', pronoun: 'den' },
};

const NUMBER_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'];

/**
 * When two detectors claim overlapping text of the same length, the lower number wins. An
 * identity number whose check digit fails loses to a phone number: "0701234567" is a mobile
 * number, "0701152340" (check digit holds) a personnummer.
 */
function priority(hit: PersonalDataHit & { checksumValid?: boolean }): number {
  switch (hit.kind) {
    case 'personal_identity_number':
      return hit.checksumValid === false ? 3.5 : 0;
    case 'coordination_number':
      return hit.checksumValid === false ? 3.5 : 1;
    case 'email':
      return 2;
    case 'phone':
      return 3;
    case 'street_address':
      return 4;
  }
}

/**
 * Every piece of personal data in `text`, sorted by position, without overlaps, with offsets
 * and matched text from the original `text`. Where two detectors claim overlapping text (a
 * ten-digit number that is both a personnummer and a mobile number), the longer hit wins, then
 * the higher-priority kind.
 */
export function findPersonalData(text: string): PersonalDataHit[] {
  if (!text) return [];
  const normalised = normaliseForMatching(text);
  const t = normalised.text;
  const all: (PersonalDataHit & { checksumValid?: boolean })[] = [
    ...findIdentityNumbers(t),
    ...findEmailAddresses(t),
    ...findPhoneNumbers(t),
    ...findStreetAddresses(t),
  ];
  // Pick greedily by preference, then drop whatever overlaps an already picked hit.
  const preferred = [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || priority(a) - priority(b) || a.start - b.start);
  const picked: PersonalDataHit[] = [];
  for (const hit of preferred) {
    if (picked.every((p) => hit.end <= p.start || hit.start >= p.end)) picked.push(hit);
  }
  return picked
    .sort((a, b) => a.start - b.start)
    .map((hit) => {
      const { start, end } = normalised.toOriginal(hit.start, hit.end);
      return { kind: hit.kind, start, end, match: text.slice(start, end) };
    });
}

/** True when `text` contains any personal data. */
export function containsPersonalData(text: string | null | undefined): boolean {
  return !!text && findPersonalData(text).length > 0;
}

function countPhrase(kind: PersonalDataKind, count: number): string {
  const noun = NOUNS[kind];
  if (count === 1) return noun.one;
  const number = count < NUMBER_WORDS.length ? NUMBER_WORDS[count] : String(count);
  return `${number} ${noun.many}`;
}


/**
 * The Swedish message for a text with these hits, e.g. "Texten innehåller ett personnummer.
 * Ta bort det – rapporten får inte gå att koppla till en person."
 */
export function personalDataMessage(hits: readonly Pick<PersonalDataHit, 'kind'>[], options: CheckOptions = {}): string {
  const subject = options.subject ?? 'rapporten';
  const counts = new Map<PersonalDataKind, number>();
  for (const h of hits) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  const kinds = PERSONAL_DATA_KINDS.filter((k) => counts.has(k));
  if (kinds.length === 0) return '';
  const phrases = kinds.map((k) => countPhrase(k, counts.get(k)!));
  const pronoun = hits.length === 1 ? NOUNS[kinds[0]].pronoun : 'dem';
  let message = `Texten innehåller ${listSv(phrases)}. Ta bort ${pronoun} – ${subject} får inte gå att koppla till en person.`;
  if (counts.has('street_address')) {
    message += ' Ange platsen utan husnummer, till exempel gatans eller områdets namn.';
  }
  return message;
}

/**
 * Check several free-text fields at once. Returns one entry per field that contains personal
 * data (empty, null and undefined fields are skipped), in the order the fields were given.
 */
export function checkFields(
  fields: Record<string, string | null | undefined>,
  options: CheckOptions = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const hits = findPersonalData(value);
    if (hits.length === 0) continue;
    const kinds = PERSONAL_DATA_KINDS.filter((k) => hits.some((h) => h.kind === k));
    problems.push({ field, kinds, message: personalDataMessage(hits, options) });
  }
  return problems;
}
