/**
 * The categories of the city's routine for concern and incident reports (*oro/händelse*), and
 * the periods the situation picture counts by. Pure: used by the server and the web app.
 */

export const CONCERN_TYPES = [
  'graffiti',
  'propaganda',
  'threat',
  'violence',
  'recruitment',
  'concern_for_person',
  'returnee',
  'other',
] as const;
export type ConcernType = (typeof CONCERN_TYPES)[number];

export const ENVIRONMENTS = ['white_power', 'autonomous', 'violent_islamist', 'unclear'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The coordinator's judgement of a report; `not_vbe` reports are left out of the counts. */
export const RELEVANCES = ['vbe', 'unclear', 'not_vbe'] as const;
export type Relevance = (typeof RELEVANCES)[number];

/** Where police input and other dated notes come from. */
export const NOTE_SOURCES = ['police', 'network', 'civil_society', 'other'] as const;
export type NoteSource = (typeof NOTE_SOURCES)[number];

/** Tertials of a year: T1 January–April, T2 May–August, T3 September–December. */
export const TERTIALS = ['T1', 'T2', 'T3'] as const;
export type Tertial = (typeof TERTIALS)[number];

export type Lang = 'sv' | 'en';

/**
 * Labels the server needs on its own (chart axes rendered as SVG, documents). The web app
 * has the same words in its translation files.
 */
export const LABELS: Record<Lang, { type: Record<ConcernType, string>; environment: Record<Environment, string>; tertial: Record<Tertial, string> }> = {
  sv: {
    type: {
      graffiti: 'Klotter/klistermärken',
      propaganda: 'Propaganda',
      threat: 'Hot',
      violence: 'Våld',
      recruitment: 'Rekrytering',
      concern_for_person: 'Oro för person',
      returnee: 'Återvändare',
      other: 'Annat',
    },
    environment: {
      white_power: 'Vit makt-miljön',
      autonomous: 'Autonoma miljön',
      violent_islamist: 'Våldsbejakande islamism',
      unclear: 'Ensamagerande/annat/oklart',
    },
    tertial: { T1: 'Tertial 1 (jan–apr)', T2: 'Tertial 2 (maj–aug)', T3: 'Tertial 3 (sep–dec)' },
  },
  en: {
    type: {
      graffiti: 'Graffiti/stickers',
      propaganda: 'Propaganda',
      threat: 'Threat',
      violence: 'Violence',
      recruitment: 'Recruitment',
      concern_for_person: 'Concern for a person',
      returnee: 'Returnee',
      other: 'Other',
    },
    environment: {
      white_power: 'White power',
      autonomous: 'Autonomous',
      violent_islamist: 'Violent Islamist',
      unclear: 'Lone actor/other/unclear',
    },
    tertial: { T1: 'Tertial 1 (Jan–Apr)', T2: 'Tertial 2 (May–Aug)', T3: 'Tertial 3 (Sep–Dec)' },
  },
};

/** The tertial a date (YYYY-MM-DD) falls in. */
export function tertialOf(date: string): Tertial {
  const month = Number(date.slice(5, 7));
  if (!(month >= 1 && month <= 12)) throw new RangeError(`Not a date: ${date}`);
  return month <= 4 ? 'T1' : month <= 8 ? 'T2' : 'T3';
}

// One calendar for the whole server (src/domain/calendar.ts).
export { isIsoDate, todayInSweden } from '../calendar.js';
