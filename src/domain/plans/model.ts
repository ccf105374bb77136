/** Plain data shapes of a local action plan, shared by the plan check and the plan diff. */

export const MEASURE_AREAS = ['general', 'targeted', 'individual'] as const;
export type MeasureArea = (typeof MEASURE_AREAS)[number];

/** The guidelines' three measure areas (riktlinjerna 2016), as the user reads them. */
export const MEASURE_AREA_LABELS_SV: Readonly<Record<MeasureArea, string>> = {
  general: 'Allmänna insatser',
  targeted: 'Riktade insatser',
  individual: 'Individinsatser',
};

export const FINAL_STATUSES = ['not_started', 'ongoing', 'done', 'delayed', 'cancelled'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export interface PlanIndicator {
  kind: 'output' | 'effect';
  name: string;
  baseline?: string | number | null;
  target?: string | number | null;
}

export interface PlanActivity {
  id: string;
  title: string;
  description?: string | null;
  measureArea: MeasureArea | null;
  perspective?: string | null;
  guidelineElementIds: string[];
  responsible?: string | null;
  partners?: string | null;
  /** Partners from the register (ids) and target groups (issue #15). */
  partnerIds?: string[] | null;
  targetGroups?: string[] | null;
  timeline?: string | null;
  followUp?: string | null;
  indicators: PlanIndicator[];
  /** The activity in last year's plan this one was copied from (annual revision). */
  carriedOverFromActivityId?: string | null;
  /** Last year's final status of the activity this one was carried over from. */
  previousYearFinalStatus?: FinalStatus | null;
}

export interface PlanSection {
  key: string;
  title: string;
  bodyHtmlOrText: string;
  updatedAt?: string | Date | null;
}

/** Swedish labels of the activity fields that plan instructions can require. */
export const ACTIVITY_FIELD_LABELS_SV: Readonly<Record<string, string>> = {
  title: 'Insats',
  description: 'Beskrivning',
  measureArea: 'Insatsområde',
  perspective: 'Perspektiv',
  guidelineElementIds: 'Koppling till riktlinjerna',
  responsible: 'Ansvarig',
  partners: 'Samverkan',
  partnerIds: 'Samverkansparter',
  targetGroups: 'Målgrupper',
  timeline: 'Tidsplan',
  followUp: 'Uppföljning',
  indicators: 'Indikatorer',
};

/** Plain text of a section body: tags removed, common entities decoded, whitespace collapsed. */
export function plainText(htmlOrText: string | null | undefined): string {
  if (!htmlOrText) return '';
  return htmlOrText
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/** True when a value counts as filled in: non-blank text, a non-empty list, any other non-null value. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return plainText(value) !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
