/**
 * Differences between two versions of a plan, or between last year's plan and this year's
 * (annual revision). Activities are matched, in this order, by the new activity's
 * `carriedOverFromActivityId`, by equal id, and finally by normalised title.
 */
import { plainText, type PlanActivity, type PlanSection } from './model.js';

export interface DiffablePlan<A extends PlanActivity = PlanActivity> {
  activities: A[];
  sections?: PlanSection[];
}

/** The activity fields compared, in display order. */
export const DIFF_ACTIVITY_FIELDS = [
  'title',
  'description',
  'measureArea',
  'perspective',
  'guidelineElementIds',
  'responsible',
  'partners',
  'partnerIds',
  'targetGroups',
  'timeline',
  'followUp',
  'indicators',
] as const;
export type DiffActivityField = (typeof DIFF_ACTIVITY_FIELDS)[number];

export interface ActivityChange<A extends PlanActivity = PlanActivity> {
  before: A;
  after: A;
  fields: DiffActivityField[];
}

export interface SectionChange {
  key: string;
  title: string;
  before: string;
  after: string;
}

export interface SectionsDiff {
  added: PlanSection[];
  removed: PlanSection[];
  changed: SectionChange[];
  unchanged: PlanSection[];
}

export interface PlanDiff<A extends PlanActivity = PlanActivity> {
  /** Activities only in `b`. */
  added: A[];
  /** Activities only in `a`. */
  removed: A[];
  changed: ActivityChange<A>[];
  /** Matched activities with no compared field changed (the `after` version). */
  unchanged: A[];
  sections: SectionsDiff;
}

/** Title as compared across versions: case, accents' composition, punctuation and spacing ignored. */
export function normaliseTitle(title: string | null | undefined): string {
  return plainText(title)
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const normText = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

function sameField(field: DiffActivityField, x: PlanActivity, y: PlanActivity): boolean {
  switch (field) {
    case 'measureArea':
      return (x.measureArea ?? null) === (y.measureArea ?? null);
    case 'guidelineElementIds':
    case 'partnerIds':
    case 'targetGroups': {
      const a = [...new Set(x[field] ?? [])].sort();
      const b = [...new Set(y[field] ?? [])].sort();
      return a.length === b.length && a.every((v, i) => v === b[i]);
    }
    case 'indicators': {
      const key = (p: PlanActivity) =>
        JSON.stringify(
          (p.indicators ?? []).map((i) => [i.kind, normText(i.name), normText(String(i.baseline ?? '')), normText(String(i.target ?? ''))]),
        );
      return key(x) === key(y);
    }
    default:
      return normText(x[field]) === normText(y[field]);
  }
}

export function changedActivityFields(before: PlanActivity, after: PlanActivity): DiffActivityField[] {
  return DIFF_ACTIVITY_FIELDS.filter((f) => !sameField(f, before, after));
}

function matchActivities<A extends PlanActivity>(before: A[], after: A[]): Map<A, A> {
  const pairs = new Map<A, A>(); // after → before
  const taken = new Set<A>();
  const pass = (findFor: (b: A) => A | undefined) => {
    for (const b of after) {
      if (pairs.has(b)) continue;
      const a = findFor(b);
      if (a) {
        pairs.set(b, a);
        taken.add(a);
      }
    }
  };
  pass((b) => (b.carriedOverFromActivityId ? before.find((a) => !taken.has(a) && a.id === b.carriedOverFromActivityId) : undefined));
  pass((b) => before.find((a) => !taken.has(a) && a.id === b.id));
  pass((b) => {
    const t = normaliseTitle(b.title);
    return t === '' ? undefined : before.find((a) => !taken.has(a) && normaliseTitle(a.title) === t);
  });
  return pairs;
}

function diffSections(a: PlanSection[], b: PlanSection[]): SectionsDiff {
  const result: SectionsDiff = { added: [], removed: [], changed: [], unchanged: [] };
  const beforeByKey = new Map(a.map((s) => [s.key, s]));
  const afterKeys = new Set(b.map((s) => s.key));
  for (const s of b) {
    const old = beforeByKey.get(s.key);
    if (!old) result.added.push(s);
    else if (normText(old.bodyHtmlOrText) === normText(s.bodyHtmlOrText)) result.unchanged.push(s);
    else result.changed.push({ key: s.key, title: s.title, before: old.bodyHtmlOrText, after: s.bodyHtmlOrText });
  }
  for (const s of a) if (!afterKeys.has(s.key)) result.removed.push(s);
  return result;
}

/** What changed from plan `a` (before) to plan `b` (after). */
export function diffPlans<A extends PlanActivity>(a: DiffablePlan<A>, b: DiffablePlan<A>): PlanDiff<A> {
  const pairs = matchActivities(a.activities, b.activities);
  const matchedBefore = new Set(pairs.values());
  const result: PlanDiff<A> = {
    added: [],
    removed: a.activities.filter((x) => !matchedBefore.has(x)),
    changed: [],
    unchanged: [],
    sections: diffSections(a.sections ?? [], b.sections ?? []),
  };
  for (const after of b.activities) {
    const before = pairs.get(after);
    if (!before) {
      result.added.push(after);
      continue;
    }
    const fields = changedActivityFields(before, after);
    if (fields.length === 0) result.unchanged.push(after);
    else result.changed.push({ before, after, fields });
  }
  return result;
}
