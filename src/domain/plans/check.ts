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
import { missingPartnerTypes, partnerTypeLabel } from '../collaboration/model.js';

/** The section that holds the local situation picture (lägesbild). */
export const SITUATION_PICTURE_KEY = 'lagesbild';

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
  /**
   * Partner types the instructions require among the plan's activities (e.g. police, school and
   * social services), with each registered partner's type; no item when none are required.
   */
  partnerTypes?: { required: string[]; typeOf: Readonly<Record<string, string>> };
  /** Whether the board has a civil-society strategy with goals; no item when not given. */
  civilSocietyStrategy?: { present: boolean };
}

export const CHECK_ITEM_KEYS = [
  'activities_classified',
  'activities_complete',
  'measure_areas_covered',
  'situation_picture_current',
  'previous_year_status',
  'effect_indicator',
  'required_sections',
  'partner_types',
  'civil_society_strategy',
] as const;
export type CheckItemKey = (typeof CHECK_ITEM_KEYS)[number];

export interface CheckItem {
  key: CheckItemKey;
  ok: boolean;
  /** Swedish, for the checklist. */
  message: string;
  /** What to fix, e.g. the titles of the offending activities. */
  details?: string[];
  /** Where on the plan page the item is fixed: an anchor id such as `insatser` or `avsnitt-lagesbild`. */
  anchor: string;
  /** Each thing to fix with the anchor of its place on the plan page (`insats-<id>`, `avsnitt-<key>`), in the order of `details`. */
  targets?: CheckTarget[];
}

export interface CheckTarget {
  label: string;
  anchor: string;
}

/** The plan page's anchors that the check's items point at. */
export const sectionAnchor = (key: string): string => `avsnitt-${key}`;
export const activityAnchor = (id: string): string => `insats-${id}`;
export const ACTIVITIES_ANCHOR = 'insatser';
export const GAPS_ANCHOR = 'insatsomraden';
const activityTarget = (a: PlanActivity, label = activityName(a)): CheckTarget => ({ label, anchor: activityAnchor(a.id) });

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
  const anchor = ACTIVITIES_ANCHOR;
  if (activities.length === 0) return { key, ok: false, message: NO_ACTIVITIES, anchor };
  const missing = activities.filter((a) => a.measureArea === null || a.measureArea === undefined);
  if (missing.length === 0) {
    return { key, ok: true, message: `Alla ${activities.length} ${insatser(activities.length)} har ett insatsområde.`, anchor };
  }
  return {
    key,
    ok: false,
    message: `${missing.length} av ${activities.length} ${insatser(activities.length)} saknar insatsområde`,
    details: missing.map(activityName),
    anchor,
    targets: missing.map((a) => activityTarget(a)),
  };
}

function fieldLabel(field: string): string {
  return ACTIVITY_FIELD_LABELS_SV[field] ?? field;
}

function activitiesComplete(activities: PlanActivity[], requiredFields: string[]): CheckItem {
  const key = 'activities_complete';
  const anchor = ACTIVITIES_ANCHOR;
  if (activities.length === 0) return { key, ok: false, message: NO_ACTIVITIES, anchor };
  const fields = [...new Set(requiredFields)];
  const incomplete = activities
    .map((a) => ({ a, gaps: fields.filter((f) => !isFilled((a as unknown as Record<string, unknown>)[f])) }))
    .filter((x) => x.gaps.length > 0);
  if (incomplete.length === 0) {
    return {
      key,
      ok: true,
      message: `Alla ${activities.length} ${insatser(activities.length)} har de uppgifter som anvisningarna kräver.`,
      anchor,
    };
  }
  const details = incomplete.map((x) => `${activityName(x.a)}: saknar ${x.gaps.map(fieldLabel).join(', ')}`);
  return {
    key,
    ok: false,
    message: `${incomplete.length} av ${activities.length} ${insatser(activities.length)} saknar uppgifter som anvisningarna kräver`,
    details,
    anchor,
    targets: incomplete.map((x, i) => activityTarget(x.a, details[i])),
  };
}

function measureAreasCovered(activities: PlanActivity[], explanations: PlanCheckInput['measureAreaGapExplanations']): CheckItem {
  const key = 'measure_areas_covered';
  const anchor = GAPS_ANCHOR;
  const uncovered = MEASURE_AREAS.filter(
    (area) => !activities.some((a) => a.measureArea === area) && !isFilled(explanations[area]),
  );
  if (uncovered.length === 0) {
    return { key, ok: true, message: 'Alla tre insatsområden har insatser eller en förklaring till varför de saknas.', anchor };
  }
  const labels = uncovered.map((area) => MEASURE_AREA_LABELS_SV[area]);
  return {
    key,
    ok: false,
    message: `${uncovered.length} av 3 insatsområden saknar insatser och förklaring: ${labels.join(', ')}`,
    details: labels,
    anchor,
  };
}

function situationPictureCurrent(year: number, sp: PlanCheckInput['situationPicture']): CheckItem {
  const key = 'situation_picture_current';
  const anchor = sectionAnchor(SITUATION_PICTURE_KEY);
  if (!sp.present) return { key, ok: false, message: 'Planen saknar lokal lägesbild.', anchor };
  if (sp.datedYear === null) return { key, ok: false, message: `Den lokala lägesbilden är inte daterad; den ska gälla ${year}.`, anchor };
  if (sp.datedYear !== year) {
    return { key, ok: false, message: `Den lokala lägesbilden är från ${sp.datedYear}, inte från planens år ${year}.`, anchor };
  }
  return { key, ok: true, message: `Den lokala lägesbilden är aktuell (${year}).`, anchor };
}

function previousYearStatus(activities: PlanActivity[]): CheckItem {
  const key = 'previous_year_status';
  const anchor = ACTIVITIES_ANCHOR;
  const carried = activities.filter((a) => isFilled(a.carriedOverFromActivityId));
  if (carried.length === 0) return { key, ok: true, message: 'Inga insatser är överförda från föregående år.', anchor };
  const missing = carried.filter((a) => !a.previousYearFinalStatus);
  if (missing.length === 0) {
    return {
      key,
      ok: true,
      message: `Alla ${carried.length} överförda ${insatser(carried.length)} har föregående års slutstatus.`,
      anchor,
    };
  }
  return {
    key,
    ok: false,
    message: `${missing.length} av ${carried.length} överförda ${insatser(carried.length)} saknar föregående års slutstatus`,
    details: missing.map(activityName),
    anchor,
    targets: missing.map((a) => activityTarget(a)),
  };
}

function effectIndicator(activities: PlanActivity[]): CheckItem {
  const key = 'effect_indicator';
  const anchor = ACTIVITIES_ANCHOR;
  const count = activities.reduce(
    (n, a) => n + a.indicators.filter((i) => i.kind === 'effect' && isFilled(i.name)).length,
    0,
  );
  if (count === 0) {
    return { key, ok: false, message: 'Planen saknar effektindikator: ange minst en indikator som visar vad som förändrats.', anchor };
  }
  return { key, ok: true, message: count === 1 ? 'Planen har 1 effektindikator.' : `Planen har ${count} effektindikatorer.`, anchor };
}

function requiredSections(sections: PlanSection[], requiredKeys: string[]): CheckItem {
  const key = 'required_sections';
  const keys = [...new Set(requiredKeys)];
  const empty = keys.filter((k) => !sections.some((s) => s.key === k && plainText(s.bodyHtmlOrText) !== ''));
  if (empty.length === 0) {
    return { key, ok: true, message: `Alla ${keys.length} obligatoriska avsnitt har text.`, anchor: 'avsnitt' };
  }
  const titles = empty.map((k) => plainText(sections.find((s) => s.key === k)?.title) || k);
  return {
    key,
    ok: false,
    message: `${empty.length} av ${keys.length} obligatoriska avsnitt saknar text: ${titles.join(', ')}`,
    details: titles,
    anchor: sectionAnchor(empty[0]!),
    targets: empty.map((k, i) => ({ label: titles[i]!, anchor: sectionAnchor(k) })),
  };
}

function partnerTypesCovered(activities: PlanActivity[], p: NonNullable<PlanCheckInput['partnerTypes']>): CheckItem {
  const key = 'partner_types';
  const anchor = ACTIVITIES_ANCHOR;
  const required = [...new Set(p.required)];
  const missing = missingPartnerTypes(required, activities, p.typeOf).map(partnerTypeLabel);
  const all = required.map(partnerTypeLabel).join(', ');
  if (missing.length === 0) return { key, ok: true, message: `Planen har insatser med alla samverkansparter som anvisningarna kräver (${all}).`, anchor };
  return {
    key,
    ok: false,
    message: `Anvisningarna kräver insatser med ${all}; ingen insats har ${missing.join(', ')} som samverkanspart`,
    details: missing,
    anchor,
  };
}

function civilSocietyStrategy(present: boolean): CheckItem {
  const key = 'civil_society_strategy';
  const anchor = ACTIVITIES_ANCHOR;
  return present
    ? { key, ok: true, message: 'Nämnden har en strategi för samverkan med civilsamhället.', anchor }
    : { key, ok: false, message: 'Nämnden saknar strategi för samverkan med civilsamhället: ange mål och de insatser som genomför dem.', anchor };
}

/**
 * Runs every rule of the plan check; items come in the order of CHECK_ITEM_KEYS. The last two are
 * there only when their input is: required partner types, and the board's strategy.
 */
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
  if (model.partnerTypes?.required.length) items.push(partnerTypesCovered(model.activities, model.partnerTypes));
  if (model.civilSocietyStrategy) items.push(civilSocietyStrategy(model.civilSocietyStrategy.present));
  const score = Math.round((100 * items.filter((i) => i.ok).length) / items.length);
  return { score, items };
}
