/**
 * Grant and premises vetting (issue #15, PRODUCT.md §6): before a board funds an organisation or
 * lends it premises, the organisation is assessed against the municipality's democracy criteria
 * (Stockholm's rules for föreningsbidrag). Pure rules, no database.
 *
 * The decision rule, as a municipality applies it:
 * - Any assessed criterion that failed blocks an approval: a board must not fund or lend premises
 *   to an organisation that does not respect democracy. A rejection is always possible.
 * - A criterion assessed as unclear also blocks an approval: the doubt must be investigated and
 *   the criterion assessed as passed (or the application rejected) before money or premises are
 *   given. Unclear is a reason to look closer, never a yes.
 * - A criterion the municipality marks as required (Stockholm: `democracy`, the condition the
 *   other three spell out) must be assessed as passed before an approval. The other active
 *   criteria may be left unassessed: the record then lists them as not assessed (ej bedömt),
 *   so whoever reads the decision sees what was and was not checked. A municipality that wants
 *   every criterion assessed marks them all as required.
 * - A key that is not one of the municipality's criteria, or one no longer in use, is refused, and
 *   so is the same criterion twice.
 */

import { listSv } from '../swedish-list.js';

export const CRITERION_RESULTS = ['pass', 'fail', 'unclear'] as const;
export type CriterionResult = (typeof CRITERION_RESULTS)[number];
/** What the record holds per criterion: an assessment, or `not_assessed` for an active criterion left out. */
export type RecordedResult = CriterionResult | 'not_assessed';
export const DECISIONS = ['approved', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const GRANT_KINDS = ['grant', 'premises'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];
export const APPLICATION_STATUSES = ['received', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Swedish words for the results, for messages and the record. */
export const RESULT_SV: Record<RecordedResult, string> = { pass: 'uppfyllt', fail: 'ej uppfyllt', unclear: 'oklart', not_assessed: 'ej bedömt' };

/** One criterion of the municipality's checklist. */
export interface Criterion {
  key: string;
  label: string;
  active: boolean;
  required: boolean;
}

export interface Assessment {
  key: string;
  result: CriterionResult;
  comment?: string | null;
}

export interface VettingProblem {
  /** The request field the problem is about, e.g. `criteria.0.key`. */
  field: string;
  message: string;
}

export interface RecordedAssessment {
  key: string;
  label: string;
  result: RecordedResult;
  comment: string | null;
}

export type VettingOutcome =
  | { ok: true; record: RecordedAssessment[]; failed: string[] }
  | { ok: false; code: 'unknown_criterion' | 'approval_refused'; message: string; problems: VettingProblem[] };

/**
 * Checks a vetting against the municipality's criteria (in their order) and builds the record:
 * every active criterion in order (assessed or not assessed), then any inactive ones assessed.
 */
export function vet(criteria: readonly Criterion[], assessments: readonly Assessment[], decision: Decision): VettingOutcome {
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const unknown: VettingProblem[] = [];
  const seen = new Set<string>();
  assessments.forEach((a, i) => {
    const c = byKey.get(a.key);
    if (!c) unknown.push({ field: `criteria.${i}.key`, message: `"${a.key}" är inte ett av kommunens kriterier.` });
    else if (!c.active) unknown.push({ field: `criteria.${i}.key`, message: `Kriteriet ${c.label} används inte längre.` });
    else if (seen.has(a.key)) unknown.push({ field: `criteria.${i}.key`, message: `Kriteriet ${c.label} är bedömt två gånger.` });
    seen.add(a.key);
  });
  if (unknown.length) {
    return { ok: false, code: 'unknown_criterion', message: 'Bedömningen innehåller kriterier som kommunen inte använder. Välj bland kommunens kriterier.', problems: unknown };
  }

  const given = new Map(assessments.map((a) => [a.key, a]));
  if (decision === 'approved') {
    const problems: VettingProblem[] = [];
    assessments.forEach((a, i) => {
      const label = byKey.get(a.key)!.label;
      if (a.result === 'fail') problems.push({ field: `criteria.${i}.result`, message: `Kriteriet ${label} är inte uppfyllt.` });
      if (a.result === 'unclear') problems.push({ field: `criteria.${i}.result`, message: `Kriteriet ${label} är oklart: utred det innan ansökan beviljas.` });
    });
    for (const c of criteria) {
      if (c.active && c.required && !given.has(c.key)) problems.push({ field: 'criteria', message: `Kriteriet ${c.label} måste bedömas som uppfyllt innan ansökan beviljas.` });
    }
    if (problems.length) {
      const failed = assessments.filter((a) => a.result === 'fail').map((a) => byKey.get(a.key)!.label);
      const message = failed.length
        ? `Ansökan kan inte beviljas: ${listSv(failed)} är inte uppfyllt. Organisationer som inte respekterar demokratins idéer får varken bidrag eller lokaler – avslå ansökan.`
        : `Ansökan kan inte beviljas ännu. ${problems.map((p) => p.message).join(' ')}`;
      return { ok: false, code: 'approval_refused', message, problems };
    }
  }

  const record: RecordedAssessment[] = [];
  for (const c of criteria) {
    const a = given.get(c.key);
    if (a) record.push({ key: c.key, label: c.label, result: a.result, comment: a.comment?.trim() || null });
    else if (c.active) record.push({ key: c.key, label: c.label, result: 'not_assessed', comment: null });
  }
  return { ok: true, record, failed: assessments.filter((a) => a.result === 'fail').map((a) => a.key) };
}


/**
 * The follow-up the year after: an approved application's use of the grant or premises is
 * followed up in the year after the decision. Returns that year, or null when nothing is due.
 */
export function followUpYear(status: ApplicationStatus, decidedOn: string | null): number | null {
  return status === 'approved' && decidedOn ? Number(decidedOn.slice(0, 4)) + 1 : null;
}

/** Stockholm's criteria for föreningsbidrag: the checklist every new municipality starts with. */
export const DEFAULT_CRITERIA: readonly (Criterion & { description: string })[] = [
  {
    key: 'democracy',
    label: 'Demokrati och mänskliga rättigheter',
    description: 'Organisationen respekterar demokratins idéer och mänskliga rättigheter i sin verksamhet.',
    active: true,
    required: true,
  },
  { key: 'gender_equality', label: 'Jämställdhet', description: 'Organisationen verkar för jämställdhet mellan kvinnor och män, flickor och pojkar.', active: true, required: false },
  { key: 'non_discrimination', label: 'Icke-diskriminering', description: 'Organisationen diskriminerar ingen och tar avstånd från diskriminering.', active: true, required: false },
  { key: 'no_violence', label: 'Tar avstånd från våld', description: 'Organisationen och dess företrädare tar avstånd från våld, hot och tvång.', active: true, required: false },
];
