/**
 * What a review comment points at (issue 12): a section or an activity of the plan, written
 * `section:<key>` or `activity:<id>`. Pure: the caller gives the plan's sections and activities.
 */
import { activityAnchor, sectionAnchor } from './check.js';

export type ReviewTargetKind = 'section' | 'activity';

export interface ReviewTargetRef {
  kind: ReviewTargetKind;
  ref: string;
}

/** `section:<key>` / `activity:<id>`, the form a target is sent and stored in. */
export const REVIEW_TARGET_PATTERN = /^(section|activity):[\w-]{1,64}$/;

export function parseReviewTarget(target: string): ReviewTargetRef | null {
  if (!REVIEW_TARGET_PATTERN.test(target)) return null;
  const i = target.indexOf(':');
  return { kind: target.slice(0, i) as ReviewTargetKind, ref: target.slice(i + 1) };
}

export const reviewTarget = (kind: ReviewTargetKind, ref: string): string => `${kind}:${ref}`;

/** The plan page's anchor of a target (`avsnitt-<key>`, `insats-<id>`), or null for a malformed one. */
export function reviewTargetAnchor(target: string): string | null {
  const t = parseReviewTarget(target);
  if (!t) return null;
  return t.kind === 'section' ? sectionAnchor(t.ref) : activityAnchor(t.ref);
}

/**
 * The words a target is shown with ("Avsnitt: Lokal lägesbild", "Insats: Demokrativecka"), or
 * null when the plan has no such section or activity.
 */
export function reviewTargetLabel(
  target: string,
  plan: { sections: { key: string; title: string }[]; activities: { id: string; title: string }[] },
): string | null {
  const t = parseReviewTarget(target);
  if (!t) return null;
  if (t.kind === 'section') {
    const s = plan.sections.find((x) => x.key === t.ref);
    return s ? `Avsnitt: ${s.title}` : null;
  }
  const a = plan.activities.find((x) => x.id === t.ref);
  return a ? `Insats: ${a.title}` : null;
}
