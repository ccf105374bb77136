/**
 * Possible names of private persons in free text — the most common personal data in a concern
 * report. Unlike a personnummer a name cannot be recognised for certain, so a hit here does not
 * refuse the text: it is held back (`personal_data_possible`) until the writer removes the words
 * or confirms that no person can be identified.
 *
 * Name data: the first names and surnames of every @faker-js/faker locale written in Latin
 * script (about 17,000 first names and 14,000 surnames, Swedish and immigrant names included),
 * not a hand-made list. It is large, so this module is for the server only: the web app's
 * as-you-type check uses `guard.ts` and gets the words from the server's 422 answer.
 *
 * The rule, on text from `normaliseForMatching`:
 * 1. A name starts with a capitalised word that is a known first name ("Ahmed", "Anna").
 *    A first name alone is not reported: it identifies no one by itself, and too many are
 *    ordinary words or places ("Klara", "Rosa", "Sofia").
 * 2. It continues, after single spaces, with up to three name words: a capitalised word
 *    ("Hassan", "Svensson", "Al-Hassan"), a name particle before one ("van", "af", "el"),
 *    or an initial ("K." or "K" at a word boundary). At least one is needed.
 * 3. When the first word is also a common Swedish word that starts a sentence ("Hans", "Till",
 *    "Alla", "Vita"), a following word must be a known surname ("Hans Johansson" is a name,
 *    "Hans Facebook-konto" is not).
 * 4. Not a private person's name:
 *    - a following word that is a street or place compound ("Birger Jarlsgatan") or a word from
 *      the names of places and organisations ("Maria Ungdom", "Kista Galleria");
 *    - a name followed by a word naming a place or institution ("Gustav Adolfs torg", "Maria
 *      Magdalena församling", "Astrid Lindgrens barnsjukhus", "Olof Palmes gata");
 *    - a name after a saint's or royal title ("Sankt Göran", "Kung Carl Gustaf").
 *
 * Names written in lower case are not looked for: too many Swedish words are also names.
 *
 * Pure apart from the (static) name data; no I/O.
 */
import { allLocales } from '@faker-js/faker';
import { normaliseForMatching } from './normalise.js';

export interface PossibleNameHit {
  /** UTF-16 offsets into the text given. */
  start: number;
  end: number;
  /** The words as written, e.g. "Ahmed Hassan" or "Jonas K.". */
  match: string;
}

interface NameIndex {
  first: Set<string>;
  last: Set<string>;
}

let index: NameIndex | null = null;

const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*$/u;
/** Locales whose "names" are jokes or duplicates of another locale. */
const SKIPPED_LOCALES = new Set(['en_BORK', 'en_AU_ocker', 'base']);

function collect(into: Set<string>, entry: unknown): void {
  if (!entry) return;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const value = typeof item === 'string' ? item : (item as { value?: unknown })?.value;
      if (typeof value !== 'string') continue;
      // Multi-word names ("De la Cruz") contribute their capitalised words of three letters or more.
      for (const word of value.split(/\s+/)) {
        if (LATIN_NAME.test(word) && /^\p{Lu}/u.test(word) && (word.length >= 3 || !value.includes(' '))) into.add(word.normalize('NFC'));
      }
    }
  } else if (typeof entry === 'object') {
    for (const value of Object.values(entry as Record<string, unknown>)) collect(into, value);
  }
}

/** The name sets, built once on first use. */
function names(): NameIndex {
  if (index) return index;
  const first = new Set<string>();
  const last = new Set<string>();
  for (const [code, locale] of Object.entries(allLocales)) {
    if (SKIPPED_LOCALES.has(code)) continue;
    collect(first, locale.person?.first_name);
    collect(last, locale.person?.last_name);
  }
  index = { first, last };
  return index;
}

/** How many first names and surnames the rule knows (for the docs and a sanity test). */
export function nameDataSize(): { firstNames: number; surnames: number } {
  const { first, last } = names();
  return { firstNames: first.size, surnames: last.size };
}

/**
 * Common Swedish words that are also first names in some locale, so a capitalised one may just
 * start a sentence ("Hans bror …", "Till Rinkeby …", "Alla elever …"). After one of these a
 * known surname is needed.
 */
const COMMON_WORDS = new Set([
  'som', 'till', 'vid', 'alla', 'andra', 'bara', 'nya', 'hans', 'hennes', 'dag', 'sina', 'tre', 'dock', 'inga', 'mina',
  'dina', 'era', 'klara', 'lilla', 'gula', 'vita', 'röda', 'rosa', 'bruna', 'storm', 'sten', 'major', 'general', 'imam',
  'april', 'juli', 'juni', 'maj', 'augusti', 'man', 'kan', 'sin', 'vilka', 'just', 'bo', 'ben', 'max', 'kim', 'le',
  'de', 'van', 'el', 'al', 'dan', 'mars', 'bra', 'glad', 'ung', 'ron', 'all', 'mot', 'hel', 'hela', 'ny', 'nu', 'tor',
  'vera', 'iris', 'lily', 'vilja', 'ebba', 'elf', 'amen', 'ja', 'nej', 'mia', 'sol', 'ros', 'ros', 'alm', 'ek', 'lind',
  'gran', 'björk', 'berg', 'sam', 'ester', 'rut', 'hanna', 'hugo', 'leo', 'adam', 'noah', 'milo', 'olle', 'mira',
]);

/** Name particles that may stand in lower case inside a name: "Ludwig van Beethoven", "Fatima el-Sayed". */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'af', 'al', 'el', 'bin', 'ibn', 'abu', 'ter', 'ten', 'dos', 'das', 'del']);

/** Titles after which a name is a saint's or a monarch's, not a private person's. */
const TITLES_BEFORE = new Set(['sankt', 's:t', 'st', 'sankta', 'kung', 'kungen', 'drottning', 'drottningen', 'prins', 'prinsen', 'prinsessan', 'prinsessa', 'påven', 'påve', 'kronprinsessan', 'kronprinsen', 'heliga']);

/** Words (or ends of words) that name places and institutions; compared in lower case. */
const PLACE_ENDINGS = [
  'gatan', 'gata', 'vägen', 'väg', 'gränd', 'gränden', 'torget', 'torg', 'platsen', 'plats', 'allé', 'allén',
  'parken', 'park', 'backen', 'backe', 'stigen', 'stig', 'kajen', 'kaj', 'stranden', 'strand', 'bron', 'bro', 'plan',
  'skolan', 'skola', 'skolor', 'gymnasiet', 'gymnasium', 'kyrkan', 'kyrka', 'församlingen', 'församling', 'kapellet',
  'kapell', 'sjukhuset', 'sjukhus', 'stiftelsen', 'stiftelse', 'fonden', 'fond', 'institutet', 'institut', 'akademien',
  'akademi', 'museet', 'museum', 'teatern', 'teater', 'biblioteket', 'bibliotek', 'centrum', 'center', 'hallen', 'hall',
  'salen', 'priset', 'pris', 'föreningen', 'förening', 'sällskapet', 'sällskap', 'förbundet', 'förbund', 'galleria',
  'gallerian', 'ungdom', 'mottagning', 'mottagningen', 'stadion', 'arena', 'arenan', 'station', 'stationen', 'huset',
  'hemmet', 'gården', 'området', 'kommun', 'kommunen', 'stad', 'staden', 'län', 'region', 'regionen', 'universitet',
  'universitetet', 'högskola', 'högskolan', 'förskola', 'förskolan', 'fritidsgård', 'fritidsgården',
];

/** A word token: letters (with marks), inner hyphens and apostrophes; an initial may keep its dot. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\.?/gu;

interface Token {
  text: string;
  /** The word without a trailing dot. */
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    const raw = m[0];
    // A dot belongs to the word only for an initial ("K."); elsewhere it ends the sentence.
    const keepDot = /^\p{Lu}\.$/u.test(raw);
    const word = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    const shown = keepDot ? raw : word;
    return { text: shown, word, start: m.index, end: m.index + shown.length };
  });
}

/** "el-Sayed", "al-Hassan", "bin-Laden": a particle joined to a capitalised name. */
const isParticleName = (w: string) => /^(?:al|el|ul|bin|ibn|abu|ben|de|di|da|van|von)-\p{Lu}\p{Ll}+$/u.test(w);
const isTitleCase = (w: string) => /^\p{Lu}[\p{Ll}\p{M}]+(?:['’-](?:\p{Lu}[\p{Ll}\p{M}]+|\p{Ll}+))*$/u.test(w) && !/-\p{Ll}+$/u.test(w);
const isUpperCase = (w: string) => /^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u.test(w);
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
const isInitial = (t: Token) => /^\p{Lu}\.?$/u.test(t.text) && t.word !== 'I';
const endsLikePlace = (w: string) => PLACE_ENDINGS.some((e) => w.toLowerCase().endsWith(e));
/** The word as a name would be written, without a genitive "s" ("Hassans" → "Hassan"). */
const bareName = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

function knownSurname(w: string, last: Set<string>): boolean {
  return last.has(w) || last.has(bareName(w)) || w.split('-').some((part) => part.length >= 3 && last.has(part));
}

/** Every possible name of a person in `text` (normalised text), with offsets into it. */
export function findPossibleNames(text: string): PossibleNameHit[] {
  if (!text || !/\p{Lu}/u.test(text)) return [];
  const { first, last } = names();
  const toks = tokens(text);
  const hits: PossibleNameHit[] = [];
  const adjacent = (a: Token, b: Token) => text.slice(a.end, b.start) === ' ';

  for (let i = 0; i < toks.length; i++) {
    const head = toks[i];
    const upper = isUpperCase(head.word);
    const firstName = upper ? titleCase(head.word) : head.word;
    if (!(upper || isTitleCase(head.word)) || !first.has(firstName)) continue;
    const before = toks[i - 1];
    if (before && adjacent(before, head) && TITLES_BEFORE.has(before.word.toLowerCase())) continue;

    // Rule 2: the name words that follow.
    const words: Token[] = [];
    let j = i + 1;
    while (j < toks.length && words.length < 3 && adjacent(toks[j - 1], toks[j])) {
      const t = toks[j];
      if (isInitial(t)) {
        words.push(t);
        j++;
        break; // an initial ends the name
      }
      // Particles before a surname: "van der Berg", "af Klint".
      let k = j;
      while (k < toks.length && PARTICLES.has(toks[k].word.toLowerCase()) && (upper || toks[k].word === toks[k].word.toLowerCase()) && k - j < 2) k++;
      const next = toks[k];
      if (k > j && next && toks.slice(j, k + 1).every((x, n) => n === 0 || adjacent(toks[j + n - 1], x)) && (upper ? isUpperCase(next.word) : isTitleCase(next.word))) {
        words.push(...toks.slice(j, k + 1));
        j = k + 1;
        continue;
      }
      const nameWord = upper
        ? isUpperCase(t.word) && (first.has(titleCase(t.word)) || knownSurname(titleCase(t.word), last))
        : isTitleCase(t.word) || isParticleName(t.word);
      if (!nameWord || endsLikePlace(t.word)) break;
      words.push(t);
      j++;
    }
    if (words.length === 0) continue;

    // Rule 3: a common word at the start needs a known surname after it.
    const surnames = words.filter((t) => knownSurname(upper ? titleCase(t.word) : t.word, last));
    if (COMMON_WORDS.has(head.word.toLowerCase()) && surnames.length === 0) continue;

    // Rule 4: followed by a place or an institution, it is that place's or institution's name.
    const after = toks[j];
    if (after && adjacent(toks[j - 1], after) && /^\p{Ll}/u.test(after.word) && endsLikePlace(after.word)) {
      i = j - 1;
      continue;
    }

    const end = words[words.length - 1].end;
    hits.push({ start: head.start, end, match: text.slice(head.start, end) });
    i = j - 1;
  }
  return hits;
}

export interface NameProblem {
  field: string;
  /** The possible names as written, each once, in order of appearance. */
  words: string[];
  message: string;
}

/**
 * The Swedish message for a field with `count` possible names. It never repeats the words:
 * messages may end up in logs; the words travel separately (`words`).
 */
export function possibleNameMessage(count: number, subject = 'rapporten'): string {
  const what = count === 1 ? 'ett namn på en person' : 'namn på personer';
  const pronoun = count === 1 ? 'det' : 'dem';
  return `Texten ser ut att innehålla ${what}. Ta bort ${pronoun}, eller bekräfta att ingen person kan identifieras – ${subject} får inte gå att koppla till en person.`;
}

/** Possible names in `text` as written (any text: it is normalised first). */
export function findPossibleNamesIn(text: string): PossibleNameHit[] {
  if (!text) return [];
  const normalised = normaliseForMatching(text);
  return findPossibleNames(normalised.text).map((hit) => {
    const { start, end } = normalised.toOriginal(hit.start, hit.end);
    return { start, end, match: text.slice(start, end) };
  });
}

/**
 * Check several free-text fields for possible names. One entry per field with any, in the order
 * the fields were given; empty, null and undefined fields are skipped.
 */
export function checkNames(fields: Record<string, string | null | undefined>, options: { subject?: string } = {}): NameProblem[] {
  const problems: NameProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const words = [...new Set(findPossibleNamesIn(value).map((h) => h.match))];
    if (words.length) problems.push({ field, words, message: possibleNameMessage(words.length, options.subject) });
  }
  return problems;
}
