/**
 * The automatic plan check (PRODUCT.md §2): the gaps the 2019 audit found, as a checklist with a
 * score. Pure: the caller builds the plain model from the plan, its instructions (anvisningar)
 * and the board's situation picture.
 */
import {
  ACTIVITY_FIELD_LABELS_SV,
  MEASURE_AREAS,
  MEASURE_AREA_LABELS_SV,
  isFilled,
  plainText,
  type MeasureArea,
  type PlanActivity,
  type PlanSection,
} from './model.js';

export { MEASURE_AREA_LABELS_SV, MEASURE_AREAS, type MeasureArea } from './model.js';

export interface PlanCheckInput {
  year: number;
  sections: PlanSection[];
  /** Section keys the year's plan instructions require. */
  requiredSectionKeys: string[];
  situationPicture: { present: boolean; datedYear: number | null };
  activities: PlanActivity[];
  /** Why a measure area has no activity, when the board has chosen so. */
  measureAreaGapExplanations: Partial<Record<MeasureArea, string>>;
  /** Activity fields the year's plan instructions require, e.g. ['responsible', 'timeline', 'followUp']. */
  requiredActivityFields: string[];
}

export const CHECK_ITEM_KEYS = [
  'activities_classified',
  'activities_complete',
  'measure_areas_covered',
  'situation_picture_current',
  'previous_year_status',
  'effect_indicator',
  'required_sections',
] as const;
export type CheckItemKey = (typeof CHECK_ITEM_KEYS)[number];

export interface CheckItem {
  key: CheckItemKey;
  ok: boolean;
  /** Swedish, for the checklist. */
  message: string;
  /** What to fix, e.g. the titles of the offending activities. */
  details?: string[];
}

export interface PlanCheckResult {
  /** Share of items that are ok, 0..100, each item weighted equally. */
  score: number;
  items: CheckItem[];
}

const insatser = (n: number): string => (n === 1 ? 'insats' : 'insatser');
const activityName = (a: PlanActivity): string => plainText(a.title) || `(insats utan titel, id ${a.id})`;
const NO_ACTIVITIES = 'Planen har inga insatser än.';

function activitiesClassified(activities: PlanActivity[]): CheckItem {
  const key = 'activities_classified';
  if (activities.length === 0) return { key, ok: false, message: NO_ACTIVITIES };
  const missing = activities.filter((a) => a.measureArea === null || a.measureArea === undefined);
  if (missing.length === 0) {
    return { key, ok: true, message: `Alla ${activities.length} ${insatser(activities.length)} har ett insatsområde.` };
  }
  return {
    key,
    ok: false,
    message: `${missing.length} av ${activities.length} ${insatser(activities.length)} saknar insatsområde`,
    details: missing.map(activityName),
  };
}

function fieldLabel(field: string): string {
  return ACTIVITY_FIELD_LABELS_SV[field] ?? field;
}

function activitiesComplete(activities: PlanActivity[], requiredFields: string[]): CheckItem {
  const key = 'activities_complete';
  if (activities.length === 0) return { key, ok: false, message: NO_ACTIVITIES };
  const fields = [...new Set(requiredFields)];
  const incomplete = activities
    .map((a) => ({ a, gaps: fields.filter((f) => !isFilled((a as unknown as Record<string, unknown>)[f])) }))
    .filter((x) => x.gaps.length > 0);
  if (incomplete.length === 0) {
    return {
      key,
      ok: true,
      message: `Alla ${activities.length} ${insatser(activities.length)} har de uppgifter som anvisningarna kräver.`,
    };
  }
  return {
    key,
    ok: false,
    message: `${incomplete.length} av ${activities.length} ${insatser(activities.length)} saknar uppgifter som anvisningarna kräver`,
    details: incomplete.map((x) => `${activityName(x.a)}: saknar ${x.gaps.map(fieldLabel).join(', ')}`),
  };
}

function measureAreasCovered(activities: PlanActivity[], explanations: PlanCheckInput['measureAreaGapExplanations']): CheckItem {
  const key = 'measure_areas_covered';
  const uncovered = MEASURE_AREAS.filter(
    (area) => !activities.some((a) => a.measureArea === area) && !isFilled(explanations[area]),
  );
  if (uncovered.length === 0) {
    return { key, ok: true, message: 'Alla tre insatsområden har insatser eller en förklaring till varför de saknas.' };
  }
  const labels = uncovered.map((area) => MEASURE_AREA_LABELS_SV[area]);
  return {
    key,
    ok: false,
    message: `${uncovered.length} av 3 insatsområden saknar insatser och förklaring: ${labels.join(', ')}`,
    details: labels,
  };
}

function situationPictureCurrent(year: number, sp: PlanCheckInput['situationPicture']): CheckItem {
  const key = 'situation_picture_current';
  if (!sp.present) return { key, ok: false, message: 'Planen saknar lokal lägesbild.' };
  if (sp.datedYear === null) return { key, ok: false, message: `Den lokala lägesbilden är inte daterad; den ska gälla ${year}.` };
  if (sp.datedYear !== year) {
    return { key, ok: false, message: `Den lokala lägesbilden är från ${sp.datedYear}, inte från planens år ${year}.` };
  }
  return { key, ok: true, message: `Den lokala lägesbilden är aktuell (${year}).` };
}

function previousYearStatus(activities: PlanActivity[]): CheckItem {
  const key = 'previous_year_status';
  const carried = activities.filter((a) => isFilled(a.carriedOverFromActivityId));
  if (carried.length === 0) return { key, ok: true, message: 'Inga insatser är överförda från föregående år.' };
  const missing = carried.filter((a) => !a.previousYearFinalStatus);
  if (missing.length === 0) {
    return {
      key,
      ok: true,
      message: `Alla ${carried.length} överförda ${insatser(carried.length)} har föregående års slutstatus.`,
    };
  }
  return {
    key,
    ok: false,
    message: `${missing.length} av ${carried.length} överförda ${insatser(carried.length)} saknar föregående års slutstatus`,
    details: missing.map(activityName),
  };
}

function effectIndicator(activities: PlanActivity[]): CheckItem {
  const key = 'effect_indicator';
  const count = activities.reduce(
    (n, a) => n + a.indicators.filter((i) => i.kind === 'effect' && isFilled(i.name)).length,
    0,
  );
  if (count === 0) {
    return { key, ok: false, message: 'Planen saknar effektindikator: ange minst en indikator som visar vad som förändrats.' };
  }
  return { key, ok: true, message: count === 1 ? 'Planen har 1 effektindikator.' : `Planen har ${count} effektindikatorer.` };
}

function requiredSections(sections: PlanSection[], requiredKeys: string[]): CheckItem {
  const key = 'required_sections';
  const keys = [...new Set(requiredKeys)];
  const empty = keys.filter((k) => !sections.some((s) => s.key === k && plainText(s.bodyHtmlOrText) !== ''));
  if (empty.length === 0) {
    return { key, ok: true, message: `Alla ${keys.length} obligatoriska avsnitt har text.` };
  }
  const titles = empty.map((k) => plainText(sections.find((s) => s.key === k)?.title) || k);
  return {
    key,
    ok: false,
    message: `${empty.length} av ${keys.length} obligatoriska avsnitt saknar text: ${titles.join(', ')}`,
    details: titles,
  };
}

/** Runs every rule of the plan check; items come in the order of CHECK_ITEM_KEYS. */
export function checkPlan(model: PlanCheckInput): PlanCheckResult {
  const items: CheckItem[] = [
    activitiesClassified(model.activities),
    activitiesComplete(model.activities, model.requiredActivityFields),
    measureAreasCovered(model.activities, model.measureAreaGapExplanations),
    situationPictureCurrent(model.year, model.situationPicture),
    previousYearStatus(model.activities),
    effectIndicator(model.activities),
    requiredSections(model.sections, model.requiredSectionKeys),
  ];
  const score = Math.round((100 * items.filter((i) => i.ok).length) / items.length);
  return { score, items };
}
