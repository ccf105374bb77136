/**
 * Collaboration with the police and civil society (PRODUCT.md §6, issue #15): the kinds of
 * partner organisation the guidelines name, the target groups of an activity, how often a forum
 * meets, and when a police agreement is due for review. Pure.
 */
import { addDays } from '../calendar.js';

export const PARTNER_TYPES = [
  'police',
  'security_service',
  'school',
  'social_services',
  'housing_company',
  'property_owner',
  'faith_community',
  'association',
  'sports_club',
  'business',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_TYPE_LABELS_SV: Readonly<Record<PartnerType, string>> = {
  police: 'Polisen',
  security_service: 'Säkerhetspolisen',
  school: 'Skola',
  social_services: 'Socialtjänst',
  housing_company: 'Bostadsbolag',
  property_owner: 'Fastighetsägare',
  faith_community: 'Trossamfund',
  association: 'Förening',
  sports_club: 'Idrottsförening',
  business: 'Näringsliv',
  other: 'Annan',
};

export const TARGET_GROUPS = ['children_youth', 'parents_families', 'staff', 'residents', 'online', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS_SV: Readonly<Record<TargetGroup, string>> = {
  children_youth: 'Barn och unga',
  parents_families: 'Föräldrar och familjer',
  staff: 'Medarbetare',
  residents: 'Invånare',
  online: 'På nätet',
  other: 'Annan målgrupp',
};

export const CADENCES = ['weekly', 'biweekly', 'every_six_weeks', 'monthly', 'quarterly', 'per_term', 'yearly', 'as_needed'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS_SV: Readonly<Record<Cadence, string>> = {
  weekly: 'Varje vecka',
  biweekly: 'Varannan vecka',
  every_six_weeks: 'Var sjätte vecka',
  monthly: 'Varje månad',
  quarterly: 'Var tredje månad',
  per_term: 'En till två gånger per termin',
  yearly: 'En gång per år',
  as_needed: 'Vid behov',
};

/** How many days before its review date an agreement is flagged as coming up for review. */
export const REVIEW_WARNING_DAYS = 60;

export type ReviewState = 'overdue' | 'due_soon' | 'current' | 'expired';

/**
 * Where an agreement stands on `today` (ISO dates compare as text): expired once past its end,
 * overdue once past its review date, due soon within REVIEW_WARNING_DAYS of it.
 */
export function reviewState(agreement: { reviewOn: string; validTo: string | null }, today: string): ReviewState {
  if (agreement.validTo && agreement.validTo < today) return 'expired';
  if (agreement.reviewOn < today) return 'overdue';
  if (agreement.reviewOn <= addDays(today, REVIEW_WARNING_DAYS)) return 'due_soon';
  return 'current';
}

/**
 * The partner types the plan instructions require that no activity of the plan works with, in the
 * order they are required. `partnerTypeOf` maps a partner id to its type; unknown ids count for nothing.
 */
export function missingPartnerTypes(required: readonly string[], activities: { partnerIds?: readonly string[] | null }[], partnerTypeOf: Readonly<Record<string, string>>): string[] {
  const present = new Set(activities.flatMap((a) => (a.partnerIds ?? []).map((id) => partnerTypeOf[id]).filter(Boolean)));
  return [...new Set(required)].filter((t) => !present.has(t));
}

/** Swedish label of a partner type, the key itself for one we do not know. */
export const partnerTypeLabel = (type: string): string => PARTNER_TYPE_LABELS_SV[type as PartnerType] ?? type;
