/**
 * Street addresses in free text, in the forms Swedish addresses take (SS 637003 as the
 * reference): a street name followed by a house number ("Götgatan 14", "Sankt Eriksgatan 5B",
 * "Karl Johans väg 12 A", "Hornsgatan 3-5", "Storgatan 12B lgh 1102", "Götgatan 5, 3 tr"),
 * a care-of line ("c/o Andersson"), a post-office box ("Box 123") and a postal code with its
 * town ("123 45 Stockholm", "12345 Stockholm").
 *
 * A street name is a word ending in a street suffix (gatan, vägen, gränd, backen, stigen,
 * torget, allé, plan, platsen, leden, …), either as a compound ("Götgatan") or as a separate
 * word after a capitalised name ("Sergels torg"). A street name without a house number
 * ("vid Götgatan") is not an address: naming a street or a district is allowed, it is the
 * house number that points at a home.
 *
 * Several suffixes are also everyday nouns ("handlingsplan 2", "uppgång 3", "hållplats 4",
 * "plan 3" for a floor), so those suffixes need a capitalised proper name and a deny-list
 * keeps the common nouns out. A number followed by a unit ("Götgatan 3 gånger", "12 %") is
 * a count, not a house number.
 *
 * Pure: no I/O, runs in the browser as well.
 */

export interface StreetAddressHit {
  kind: 'street_address';
  start: number;
  end: number;
  match: string;
}

/** Suffixes that, in a compound word, are street names even when written in lower case. */
const SAFE_SUFFIXES = [
  'gatan', 'vägen', 'gränd', 'gränden', 'stigen', 'torget', 'allé', 'allén', 'slingan',
  'esplanad', 'esplanaden', 'promenaden', 'terrassen', 'stråket',
];

/** Suffixes that are also common nouns: only a capitalised compound counts. */
const RISKY_SUFFIXES = [
  'gata', 'väg', 'backe', 'backen', 'stig', 'torg', 'plan', 'planen', 'plats', 'platsen',
  'led', 'leden', 'gång', 'gången', 'kaj', 'kajen', 'strand', 'stranden', 'ringen', 'liden',
  'promenad', 'kroken', 'backarna',
];

/** Suffixes that also stand as a word of their own after a name: "Sergels torg 12". */
const STANDALONE = new Set([
  'gata', 'gatan', 'väg', 'vägen', 'gränd', 'gränden', 'backe', 'backen', 'stig', 'stigen',
  'torg', 'torget', 'allé', 'allén', 'kaj', 'kajen', 'strand', 'stranden', 'esplanad', 'promenad',
]);

/** Longest suffix first, so "gränden" wins over "gränd". */
const ALL_SUFFIXES = [...SAFE_SUFFIXES, ...RISKY_SUFFIXES].sort((a, b) => b.length - a.length);
const SAFE = new Set(SAFE_SUFFIXES);

/** Everyday nouns that end like a street name. Compared in lower case. */
const DENIED_WORDS = new Set([
  'halvvägen', 'genvägen', 'omvägen', 'motorvägen', 'mittvägen', 'hemvägen', 'ditvägen',
  'bakgatan', 'sidogatan', 'tvärgatan', 'gågatan',
  'ingång', 'ingången', 'utgång', 'utgången', 'uppgång', 'uppgången', 'nedgång', 'nedgången',
  'övergång', 'övergången', 'genomgång', 'genomgången', 'tillgång', 'tillgången', 'omgång',
  'omgången', 'avgång', 'avgången', 'framgång', 'framgången', 'undergång', 'korsgång',
  'läroplan', 'läroplanen', 'genomförandeplan', 'genomförandeplanen', 'elevhälsoplan',
  'hållplats', 'hållplatsen', 'busshållplats', 'busshållplatsen', 'arbetsplats',
  'arbetsplatsen', 'mötesplats', 'mötesplatsen', 'brottsplats', 'brottsplatsen',
  'parkeringsplats', 'parkeringsplatsen', 'idrottsplats', 'idrottsplatsen', 'samlingsplats',
  'samlingsplatsen', 'lekplats', 'lekplatsen', 'praktikplats', 'praktikplatsen', 'sittplats',
  'marknadsplats', 'marknadsplatsen', 'förskoleplats', 'skolplats', 'uppställningsplats',
  'badplats', 'badplatsen', 'badstrand', 'badstranden', 'skidbacken', 'pulkabacken',
  'tidsled', 'led', 'leden',
]);

/** "handlingsplan", "åtgärdsplanen", "verksamhetsplan", "krisplan": plans, not squares. */
const PLAN_DOCUMENT = /s(?:plan|planen)$/u;

/** Capitalised words that begin a sentence rather than name a street: "Den vägen 3 …". */
const NOT_A_NAME = new Set([
  'den', 'det', 'denna', 'detta', 'samma', 'nästa', 'förra', 'vilken', 'vilket', 'vår',
  'vårt', 'er', 'ert', 'en', 'ett', 'min', 'mitt', 'din', 'ditt', 'hela', 'varje', 'hans',
  'hennes', 'deras', 'på', 'vid', 'i', 'längs', 'från', 'till', 'mot', 'nära',
]);

/** Words that name part of a street rather than stand on their own: "Sankt Eriksgatan". */
const NAME_PREFIX =
  /(?:^|[^\p{L}\p{M}\p{N}])((?:Sankt|S:t|St\.|Gamla|Nya|Norra|Södra|Östra|Västra|Norr|Söder|Öster|Väster|Lilla|Stora|Övre|Nedre|Yttre|Inre)[ \u00a0])$/u;

/** One or two capitalised words right before a standalone suffix: "Karl Johans ". */
const NAME_BEFORE = /(?:^|[^\p{L}\p{M}\p{N}])((?:\p{Lu}[\p{L}\p{M}:.]*[ \u00a0]){1,2})$/u;

/**
 * A word followed by a house number: 1–999, optionally a range ("3-5") and a letter
 * ("14B", "14 B"); "nr" may stand between ("Götgatan nr 14").
 */
const WORD_NUMBER = new RegExp(
  '(?<![\\p{L}\\p{M}\\p{N}])([\\p{L}\\p{M}]+)' +
    '(?:[ \\u00a0](?:nr|nummer)\\.?)?[ \\u00a0]?' +
    '([1-9]\\d{0,2}(?:[ \\u00a0]?[-\\u2013][ \\u00a0]?[1-9]\\d{0,2})?)' +
    '(?:[A-Za-z](?![\\p{L}\\p{M}\\p{N}])|[ \\u00a0][A-H](?![\\p{L}\\p{M}\\p{N}]))?' +
    '(?![\\p{N}])(?![.,:]\\d)' +
    // What may follow on the same address line: the flat ("lgh 1102") or floor ("3 tr", "4 tr.").
    '(?:,?[ \\u00a0](?:lgh|lägenhet)\\.?[ \\u00a0]?\\d{1,4}(?!\\d)|,?[ \\u00a0]\\d{1,2}[ \\u00a0]?tr(?:appor)?\\.?(?![\\p{L}\\p{N}]))*',
  'gu',
);

/** What may follow a number that makes it a count or a measure rather than a house number. */
const UNIT_AFTER = new RegExp(
  '^[ \\u00a0]*(?:%|‰|procent|kr|kronor|sek|st|stycken|personer|pers|ungdomar|elever|barn|vuxna|' +
    'män|kvinnor|pojkar|flickor|killar|tjejer|individer|deltagare|medlemmar|svar|gånger|ggr|' +
    'år|månader|veckor|dagar|timmar|minuter|min|sekunder|km|meter|m|mil|av|fall|anmälningar|' +
    'händelser|ärenden)(?![\\p{L}\\p{M}])',
  'iu',
);

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** The street suffix `word` ends with, if any. */
function suffixOf(lowerWord: string): string | undefined {
  return ALL_SUFFIXES.find((s) => lowerWord.endsWith(s));
}

/**
 * Where the street name starts, or -1 when `word` (at `wordStart`) is not a street name.
 */
function streetNameStart(text: string, word: string, wordStart: number): number {
  const normalised = word.normalize('NFC');
  const lower = normalised.toLowerCase();
  if (DENIED_WORDS.has(lower)) return -1;
  const suffix = suffixOf(lower);
  if (!suffix) return -1;
  const before = text.slice(0, wordStart);

  if (lower === suffix) {
    // A standalone suffix word needs a capitalised name before it: "Sergels torg".
    if (!STANDALONE.has(suffix)) return -1;
    const m = NAME_BEFORE.exec(before);
    if (!m) return -1;
    const words = m[1].trim().split(/[ \u00a0]/);
    if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) return -1;
    return wordStart - m[1].length;
  }

  const prefixLength = lower.length - suffix.length;
  if (!SAFE.has(suffix)) {
    if (!isCapitalised(normalised)) return -1;
    if ((suffix === 'plan' || suffix === 'planen') && PLAN_DOCUMENT.test(lower)) return -1;
  } else if (!isCapitalised(normalised) && prefixLength < 2) {
    return -1;
  }
  const prefix = NAME_PREFIX.exec(before);
  return prefix ? wordStart - prefix[1].length : wordStart;
}

/** "c/o Andersson": a care-of line names the household the post goes to. */
const CARE_OF = /(?<![\p{L}\p{N}])[cC]\/[oO][ \u00a0]*\p{Lu}[\p{L}\p{M}'-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'-]*)?/gu;
/** "Box 123": a post-office box. Capitalised, as in an address line ("box 3" is a crate). */
const POST_BOX = /(?<![\p{L}\p{N}])Box[ \u00a0]?[1-9]\d{0,4}(?!\d)(?![.,:]\d)/gu;
/**
 * "123 45 Stockholm", "12345 Stockholm": a postal code followed by its town, as on an address
 * line. A postal code alone ("postnummer 123 45") covers many households and is allowed.
 */
const POSTAL_CODE_TOWN = /(?<![\p{L}\p{N}])(?<!\d[ \u00a0])[1-9]\d{2}[ \u00a0]?\d{2}(?![\d])[ \u00a0]+\p{Lu}[\p{L}\p{M}-]*(?![\p{L}\p{M}\p{N}])/gu;

function postalHits(text: string): StreetAddressHit[] {
  const hits: StreetAddressHit[] = [];
  for (const re of [CARE_OF, POST_BOX, POSTAL_CODE_TOWN]) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (re === POST_BOX && UNIT_AFTER.test(text.slice(end))) continue;
      hits.push({ kind: 'street_address', start: m.index, end, match: m[0] });
    }
  }
  return hits;
}

/**
 * Every street address (street name + house number, care-of line, post-office box, postal code
 * with town) in `text`, with UTF-16 offsets, sorted; overlapping finds keep the longest, and the
 * lines of one address joined by a comma or a space count as one.
 */
export function findStreetAddresses(text: string): StreetAddressHit[] {
  const found = [...streetHits(text), ...postalHits(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: StreetAddressHit[] = [];
  for (const h of found) {
    const last = hits[hits.length - 1];
    if (last && h.start < last.end) continue;
    // The lines of one address ("c/o Andersson, Storgatan 1, 123 45 Stockholm") are one address.
    if (last && /^[ \u00a0]*,?[ \u00a0]*$/.test(text.slice(last.end, h.start))) {
      last.end = h.end;
      last.match = text.slice(last.start, h.end);
      continue;
    }
    hits.push({ ...h });
  }
  return hits;
}

function streetHits(text: string): StreetAddressHit[] {
  const hits: StreetAddressHit[] = [];
  for (const m of text.matchAll(WORD_NUMBER)) {
    const end = m.index + m[0].length;
    if (UNIT_AFTER.test(text.slice(end))) continue;
    const start = streetNameStart(text, m[1], m.index);
    if (start < 0) continue;
    hits.push({ kind: 'street_address', start, end, match: text.slice(start, end) });
  }
  return hits;
}
