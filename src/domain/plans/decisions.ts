/**
 * A board's handling of its plan at a meeting (issue 14): pure rules, the clock passed in.
 *
 * The board adopts the plan (`adopted`: the workflow's `board_decided` step), sends it back to the
 * administration (`sent_back`, *återremiss* — the board's own word, not the central coordinator's
 * return) or postpones it (`postponed`, *bordläggning*); the last two keep the plan a draft with
 * the record on its timeline. Proposals, motions and reservations are public political records:
 * they are kept whole, as written, and are not run through the personal-data guard.
 */
import { isIsoDate, toIsoDay } from '../calendar.js';
import type { PlanState } from './workflow.js';

export const DECISION_OUTCOMES = ['adopted', 'sent_back', 'postponed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const PROPOSAL_RESULTS = ['adopted', 'rejected'] as const;
export type ProposalResult = (typeof PROPOSAL_RESULTS)[number];

export const RESERVATION_KINDS = ['reservation', 'statement'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

export const OUTCOME_LABELS_SV: Readonly<Record<DecisionOutcome, string>> = {
  adopted: 'Antagen',
  sent_back: 'Återremitterad av nämnden',
  postponed: 'Bordlagd',
};

export const RESERVATION_KIND_LABELS_SV: Readonly<Record<ReservationKind, string>> = {
  reservation: 'Reservation',
  statement: 'Särskilt uttalande',
};

/** The longest text of one proposal, reservation or statement: pages of it (tens of thousands of characters). */
export const MAX_RECORD_TEXT = 100_000;

/** States in which the board's handling may be recorded: before the board has adopted the plan. */
export const DECIDABLE_STATES: readonly PlanState[] = ['draft', 'returned'];

export interface DecisionInput {
  meetingOn: string;
  paragraph: string;
  outcome: DecisionOutcome;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type DecisionCheck =
  | { ok: true; /** The plan's state after the decision. */ to: PlanState }
  | { ok: false; status: 409 | 422; code: string; message: string; fields?: FieldProblem[] };

/**
 * Whether the board's decision may be recorded on a plan in `state`, and where it takes the plan:
 * adopted → board_decided; sent back or postponed → draft (a plan returned by the central
 * coordinator is reopened as a draft either way, as when its board starts editing it).
 */
export function checkDecision(state: PlanState, input: DecisionInput, today: string | Date): DecisionCheck {
  if (!DECIDABLE_STATES.includes(state)) {
    return {
      ok: false,
      status: 409,
      code: 'not_decidable',
      message:
        state === 'approved' || state === 'superseded'
          ? 'Planen är redan godkänd. Starta en revidering av planen för att nämnden ska kunna besluta om den igen.'
          : 'Nämnden har redan antagit planen. Ett nytt beslut kan registreras när planen är ett utkast igen.',
    };
  }
  const fields: FieldProblem[] = [];
  const day = toIsoDay(today);
  if (!isIsoDate(input.meetingOn)) fields.push({ field: 'meetingOn', message: 'Ange sammanträdets datum som ÅÅÅÅ-MM-DD, t.ex. 2026-04-20.' });
  else if (input.meetingOn > day) fields.push({ field: 'meetingOn', message: 'Sammanträdets datum kan inte ligga i framtiden.' });
  if (!/\d/.test(input.paragraph)) fields.push({ field: 'paragraph', message: 'Ange paragrafen med nummer, t.ex. ”§ 12”.' });
  if (fields.length) return { ok: false, status: 422, code: 'invalid_fields', message: fields.map((f) => f.message).join(' '), fields };
  return { ok: true, to: input.outcome === 'adopted' ? 'board_decided' : 'draft' };
}

/** Only an approved plan can be revised, and one revision at a time. */
export function checkRevision(state: PlanState, openRevision: boolean): { ok: true } | { ok: false; message: string } {
  if (state !== 'approved') {
    return {
      ok: false,
      message:
        state === 'superseded'
          ? 'Planen har redan ersatts av en reviderad plan. Revidera den plan som gäller nu.'
          : 'Bara en godkänd plan kan revideras. Den här planen är inte godkänd än.',
    };
  }
  if (openRevision) return { ok: false, message: 'En revidering av planen pågår redan. Fortsätt med den.' };
  return { ok: true };
}
