/**
 * The local action plan's workflow (PRODUCT.md §2): pure rules, the clock is passed in.
 *
 *   draft → board_decided → submitted → in_review → approved
 *     ↑          │                          │
 *     └──────────┘ (undo before submit)     └→ returned → draft (reopened for revision)
 *
 * Board moves belong to the board's local coordinator (or a municipality-wide one); the review
 * moves belong to the central coordinator, who works for the whole municipality.
 */
import type { Role, RoleGrant } from '../policy/roles.js';
import { grantCovers } from '../policy/scope.js';
import { isIsoDate, toIsoDay } from '../calendar.js';

// The calendar's helpers, where the plan rules' callers have always found them.
export { isIsoDate, toIsoDay };

export const PLAN_STATES = ['draft', 'board_decided', 'submitted', 'in_review', 'approved', 'returned', 'superseded'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export function isPlanState(value: unknown): value is PlanState {
  return typeof value === 'string' && (PLAN_STATES as readonly string[]).includes(value);
}

export const STATUS_LABELS_SV: Readonly<Record<PlanState, string>> = {
  draft: 'Utkast',
  board_decided: 'Beslutad i nämnd',
  submitted: 'Inskickad',
  in_review: 'Under granskning',
  approved: 'Godkänd',
  // The central coordinator's return: "återremiss" is the board's own word for sending a plan back.
  returned: 'Åter för komplettering',
  superseded: 'Ersatt av reviderad plan',
};

/** States in which sections and activities may be edited. */
export const EDITABLE_STATES: readonly PlanState[] = ['draft', 'returned'];

export function isContentEditable(state: PlanState): boolean {
  return EDITABLE_STATES.includes(state);
}

export type TransitionInputField = 'decidedOn' | 'paragraph' | 'comment';

export interface PlanTransitionRule {
  from: PlanState;
  to: PlanState;
  /** The role that may make the move. */
  role: Extract<Role, 'local_coordinator' | 'central_coordinator'>;
  /** Inputs the move requires (for `returned`: a comment, unless a filled review exists). */
  requires: readonly TransitionInputField[];
}

export const PLAN_TRANSITIONS: readonly PlanTransitionRule[] = [
  { from: 'draft', to: 'board_decided', role: 'local_coordinator', requires: ['decidedOn', 'paragraph'] },
  { from: 'board_decided', to: 'draft', role: 'local_coordinator', requires: [] },
  { from: 'board_decided', to: 'submitted', role: 'local_coordinator', requires: [] },
  { from: 'submitted', to: 'in_review', role: 'central_coordinator', requires: [] },
  { from: 'in_review', to: 'approved', role: 'central_coordinator', requires: [] },
  { from: 'in_review', to: 'returned', role: 'central_coordinator', requires: ['comment'] },
  { from: 'returned', to: 'draft', role: 'local_coordinator', requires: [] },
];

export function findTransition(from: PlanState, to: PlanState): PlanTransitionRule | undefined {
  return PLAN_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export interface TransitionInput {
  comment?: string | null;
  /** Date of the board's decision, 'YYYY-MM-DD'. */
  decidedOn?: string | null;
  /** Paragraph of the board's minutes, e.g. "§ 12". */
  paragraph?: string | null;
  /** True when the central coordinator's review (granskningskriterier) has been filled in. */
  reviewFilled?: boolean;
}

export interface PlanTransitionRequest {
  from: PlanState;
  to: PlanState;
  actorRoles: readonly RoleGrant[];
  planBoardId: string;
  input?: TransitionInput;
  /** Today's date in the municipality, 'YYYY-MM-DD' (a Date is read in Europe/Stockholm time). */
  today: string | Date;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type PlanTransitionResult =
  | { ok: true }
  | { ok: false; status: 403 | 409 | 422; code: string; message: string; fields?: FieldProblem[] };

/**
 * Whether the actor holds the role a move needs for this plan: a grant of that role for the plan's
 * board or for the whole municipality (the one board-scope rule, src/domain/policy/scope.ts). A
 * central coordinator granted for one board reviews that board's plans only.
 */
function holdsRoleFor(rule: PlanTransitionRule, actorRoles: readonly RoleGrant[], planBoardId: string): boolean {
  return actorRoles.some((g) => g.role === rule.role && grantCovers(g, planBoardId));
}

/** Whether the actor holds any role on the plan's board at all (a 403 otherwise). */
function hasAnyRoleOnBoard(actorRoles: readonly RoleGrant[], planBoardId: string): boolean {
  return actorRoles.some((g) => grantCovers(g, planBoardId));
}

/** The states an actor may move the plan to from `state` (inputs aside), for the UI's buttons. */
export function allowedTransitions(
  state: PlanState,
  actorRoles: readonly RoleGrant[],
  planBoardId: string,
): PlanState[] {
  return PLAN_TRANSITIONS.filter((t) => t.from === state && holdsRoleFor(t, actorRoles, planBoardId)).map(
    (t) => t.to,
  );
}

const STATE_SENTENCE_SV: Readonly<Record<PlanState, string>> = {
  draft: 'Planen är ett utkast och är inte beslutad i nämnd än.',
  board_decided: 'Planen är beslutad i nämnd men är inte inskickad än.',
  submitted: 'Planen är inskickad men granskningen har inte påbörjats än.',
  in_review: 'Planen är under granskning.',
  approved: 'Planen är redan godkänd.',
  returned: 'Planen är åter för komplettering.',
  superseded: 'Planen har ersatts av en reviderad plan.',
};

const TARGET_PHRASE_SV: Readonly<Record<PlanState, string>> = {
  draft: 'öppnas som utkast',
  board_decided: 'registreras som beslutad i nämnd',
  submitted: 'skickas in',
  in_review: 'tas upp för granskning',
  approved: 'godkännas',
  returned: 'skickas åter för komplettering',
  superseded: 'ersättas',
};

function invalidTransitionMessage(from: PlanState, to: PlanState): string {
  if ((to === 'in_review' || to === 'approved' || to === 'returned') && (from === 'draft' || from === 'board_decided')) {
    return `Planen är inte inskickad än (status: ${STATUS_LABELS_SV[from]}). Den kan inte ${TARGET_PHRASE_SV[to]}.`;
  }
  if ((to === 'approved' || to === 'returned') && from === 'submitted') {
    return `${STATE_SENTENCE_SV[from]} Den måste tas upp för granskning innan den kan ${TARGET_PHRASE_SV[to]}.`;
  }
  if (from === to) return `Planen har redan status ”${STATUS_LABELS_SV[from]}”.`;
  if (from === 'returned') {
    return `Planen är åter för komplettering och måste öppnas som utkast igen innan den kan ${TARGET_PHRASE_SV[to]}.`;
  }
  if (to === 'submitted' && from === 'draft') {
    return `${STATE_SENTENCE_SV[from]} Den måste beslutas i nämnd innan den kan skickas in.`;
  }
  return `${STATE_SENTENCE_SV[from]} Den kan inte ${TARGET_PHRASE_SV[to]} nu.`;
}

const TARGET_ACTION_SV: Readonly<Record<PlanState, string>> = {
  draft: 'öppna planen som utkast igen',
  board_decided: 'registrera nämndens beslut om planen',
  submitted: 'skicka in planen',
  in_review: 'ta upp planen för granskning',
  approved: 'godkänna planen',
  returned: 'skicka planen åter för komplettering',
  superseded: 'ersätta planen',
};

function notAllowedMessage(rule: PlanTransitionRule): string {
  const who = rule.role === 'central_coordinator' ? 'central samordnare' : 'nämndens lokala samordnare';
  return `Endast ${who} kan ${TARGET_ACTION_SV[rule.to]}.`;
}

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

function inputProblems(rule: PlanTransitionRule, input: TransitionInput, today: string): {
  missing: FieldProblem[];
  invalid: FieldProblem[];
} {
  const missing: FieldProblem[] = [];
  const invalid: FieldProblem[] = [];
  if (rule.requires.includes('decidedOn')) {
    const decidedOn = input.decidedOn?.trim();
    if (blank(decidedOn)) {
      missing.push({ field: 'decidedOn', message: 'Ange datum för nämndens beslut.' });
    } else if (!isIsoDate(decidedOn!)) {
      invalid.push({ field: 'decidedOn', message: 'Ange beslutsdatum som ÅÅÅÅ-MM-DD, t.ex. 2018-04-19.' });
    } else if (decidedOn! > today) {
      invalid.push({ field: 'decidedOn', message: 'Beslutsdatumet kan inte ligga i framtiden.' });
    }
  }
  if (rule.requires.includes('paragraph')) {
    const paragraph = input.paragraph?.trim();
    if (blank(paragraph)) {
      missing.push({ field: 'paragraph', message: 'Ange paragraf i nämndens protokoll, t.ex. ”§ 12”.' });
    } else if (!/\d/.test(paragraph!) || paragraph!.length > 50) {
      invalid.push({ field: 'paragraph', message: 'Ange paragrafen med nummer, t.ex. ”§ 12”.' });
    }
  }
  // Approval by the city board may record its own date and paragraph; checked when given.
  if (rule.to === 'approved') {
    const on = input.decidedOn?.trim();
    if (!blank(on) && !isIsoDate(on!)) invalid.push({ field: 'decidedOn', message: 'Ange datum för kommunstyrelsens beslut som ÅÅÅÅ-MM-DD.' });
    else if (!blank(on) && on! > today) invalid.push({ field: 'decidedOn', message: 'Beslutsdatumet kan inte ligga i framtiden.' });
    const paragraph = input.paragraph?.trim();
    if (!blank(paragraph) && !/\d/.test(paragraph!)) invalid.push({ field: 'paragraph', message: 'Ange paragrafen med nummer, t.ex. ”§ 12”.' });
  }
  if (rule.requires.includes('comment') && blank(input.comment) && !input.reviewFilled) {
    missing.push({
      field: 'comment',
      message: 'Skriv en kommentar eller fyll i granskningen innan planen skickas åter för komplettering.',
    });
  }
  return { missing, invalid };
}

/**
 * Decides one move of the plan's workflow. Checks, in order: the actor has some role covering the
 * plan's board (else 403), the move exists from the current state (else 409 invalid_transition),
 * the actor holds the role the move needs (else 409 not_allowed_for_role), the inputs are present
 * (422 missing_fields) and valid (422 invalid_fields: a malformed or future decision date, a
 * paragraph without a number).
 */
export function planTransition(req: PlanTransitionRequest): PlanTransitionResult {
  const { from, to, actorRoles, planBoardId } = req;
  if (!hasAnyRoleOnBoard(actorRoles, planBoardId)) {
    return { ok: false, status: 403, code: 'forbidden', message: 'Du har ingen behörighet till den här nämndens plan.' };
  }
  const rule = findTransition(from, to);
  if (!rule) {
    return { ok: false, status: 409, code: 'invalid_transition', message: invalidTransitionMessage(from, to) };
  }
  if (!holdsRoleFor(rule, actorRoles, planBoardId)) {
    return { ok: false, status: 409, code: 'not_allowed_for_role', message: notAllowedMessage(rule) };
  }
  const { missing, invalid } = inputProblems(rule, req.input ?? {}, toIsoDay(req.today));
  if (missing.length > 0) {
    return {
      ok: false,
      status: 422,
      code: 'missing_fields',
      message: 'Uppgifter saknas: ' + missing.map((p) => p.message).join(' '),
      fields: [...missing, ...invalid],
    };
  }
  if (invalid.length > 0) {
    return {
      ok: false,
      status: 422,
      code: 'invalid_fields',
      message: invalid.map((p) => p.message).join(' '),
      fields: invalid,
    };
  }
  return { ok: true };
}

/**
 * A returned plan is reopened as a draft as soon as its board starts revising it. The service calls
 * this before saving an edit: a non-null answer is the move to record (with AUTO_REOPEN_COMMENT_SV)
 * before the edit itself; null means no state change is needed.
 */
export function autoReopenOnEdit(state: PlanState): { from: 'returned'; to: 'draft' } | null {
  return state === 'returned' ? { from: 'returned', to: 'draft' } : null;
}

export const AUTO_REOPEN_COMMENT_SV = 'Öppnad som utkast automatiskt när revideringen påbörjades.';
