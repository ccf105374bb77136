import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../policy/roles.js';
import {
  EDITABLE_STATES,
  PLAN_STATES,
  STATUS_LABELS_SV,
  allowedTransitions,
  autoReopenOnEdit,
  isContentEditable,
  isIsoDate,
  isPlanState,
  planTransition,
  toIsoDay,
  type PlanState,
  type TransitionInput,
} from './workflow.js';

const BOARD = 'board-eav';
const OTHER = 'board-skarholmen';
const TODAY = '2018-05-02';

/** Actor profiles and what the brief says they may do on BOARD's plan. */
const ACTORS: Record<string, { roles: RoleGrant[]; kind: 'local' | 'central' | 'both' | 'other_on_board' | 'none' }> = {
  local_of_board: { roles: [{ role: 'local_coordinator', boardId: BOARD }], kind: 'local' },
  local_municipality_wide: { roles: [{ role: 'local_coordinator', boardId: null }], kind: 'local' },
  central: { roles: [{ role: 'central_coordinator', boardId: null }], kind: 'central' },
  central_of_board: { roles: [{ role: 'central_coordinator', boardId: BOARD }], kind: 'central' },
  // A grant for one board is for that board only, whatever the role (src/domain/policy/scope.ts).
  central_scoped_to_city_board: { roles: [{ role: 'central_coordinator', boardId: 'city-board' }], kind: 'none' },
  local_and_central: {
    roles: [
      { role: 'local_coordinator', boardId: BOARD },
      { role: 'central_coordinator', boardId: null },
    ],
    kind: 'both',
  },
  viewer_of_board: { roles: [{ role: 'viewer', boardId: BOARD }], kind: 'other_on_board' },
  contributor_of_board: { roles: [{ role: 'contributor', boardId: BOARD }], kind: 'other_on_board' },
  auditor_municipality_wide: { roles: [{ role: 'auditor', boardId: null }], kind: 'other_on_board' },
  admin_municipality_wide: { roles: [{ role: 'admin', boardId: null }], kind: 'other_on_board' },
  viewer_of_board_and_local_elsewhere: {
    roles: [
      { role: 'viewer', boardId: BOARD },
      { role: 'local_coordinator', boardId: OTHER },
    ],
    kind: 'other_on_board',
  },
  local_of_other_board: { roles: [{ role: 'local_coordinator', boardId: OTHER }], kind: 'none' },
  viewer_of_other_board: { roles: [{ role: 'viewer', boardId: OTHER }], kind: 'none' },
  no_roles: { roles: [], kind: 'none' },
};

/** The moves, written out independently of the implementation's table. */
const MOVES: Record<string, 'local' | 'central'> = {
  'draft>board_decided': 'local',
  'board_decided>draft': 'local',
  'board_decided>submitted': 'local',
  'submitted>in_review': 'central',
  'in_review>approved': 'central',
  'in_review>returned': 'central',
  'returned>draft': 'local',
};

const FULL_INPUT: TransitionInput = { decidedOn: '2018-04-19', paragraph: '§ 12', comment: 'Saknar insatsområden.' };

function expected(from: PlanState, to: PlanState, kind: (typeof ACTORS)[string]['kind']): { status: number; code: string } | 'ok' {
  if (kind === 'none') return { status: 403, code: 'forbidden' };
  const who = MOVES[`${from}>${to}`];
  if (!who) return { status: 409, code: 'invalid_transition' };
  if (kind === 'both' || kind === who) return 'ok';
  return { status: 409, code: 'not_allowed_for_role' };
}

const CASES = PLAN_STATES.flatMap((from) =>
  PLAN_STATES.flatMap((to) => Object.entries(ACTORS).map(([actor, a]) => ({ from, to, actor, ...a }))),
);

describe('planTransition: every state × every target × actor', () => {
  it('covers 7 × 7 × actors', () => {
    expect(CASES.length).toBe(49 * Object.keys(ACTORS).length);
  });

  it.each(CASES)('$from → $to by $actor', ({ from, to, roles, kind }) => {
    const result = planTransition({ from, to, actorRoles: roles, planBoardId: BOARD, input: FULL_INPUT, today: TODAY });
    const want = expected(from, to, kind);
    if (want === 'ok') {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect({ status: result.status, code: result.code }).toEqual(want);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it.each(CASES)('allowedTransitions agrees with planTransition: $from → $to by $actor', ({ from, to, roles }) => {
    const ok = planTransition({ from, to, actorRoles: roles, planBoardId: BOARD, input: FULL_INPUT, today: TODAY }).ok;
    expect(allowedTransitions(from, roles, BOARD).includes(to)).toBe(ok);
  });
});

describe('planTransition: messages', () => {
  const local = ACTORS.local_of_board.roles;
  const central = ACTORS.central.roles;

  it('names the current state in Swedish when the move does not exist', () => {
    const r = planTransition({ from: 'draft', to: 'approved', actorRoles: central, planBoardId: BOARD, today: TODAY });
    expect(r).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' });
    if (!r.ok) {
      expect(r.message).toContain('Planen är inte inskickad än');
      expect(r.message).toContain('Utkast');
    }
    const s = planTransition({ from: 'approved', to: 'returned', actorRoles: central, planBoardId: BOARD, today: TODAY, input: FULL_INPUT });
    if (!s.ok) expect(s.message).toContain('redan godkänd');
    const t = planTransition({ from: 'submitted', to: 'approved', actorRoles: central, planBoardId: BOARD, today: TODAY });
    if (!t.ok) expect(t.message).toMatch(/granskning/);
    const u = planTransition({ from: 'returned', to: 'submitted', actorRoles: ACTORS.local_of_board.roles, planBoardId: BOARD, today: TODAY });
    if (!u.ok) expect(u.message).toBe('Planen är åter för komplettering och måste öppnas som utkast igen innan den kan skickas in.');
    const v = planTransition({ from: 'in_review', to: 'in_review', actorRoles: central, planBoardId: BOARD, today: TODAY });
    if (!v.ok) expect(v.message).toBe('Planen har redan status ”Under granskning”.');
  });

  it('says who may make the move when the role is wrong', () => {
    const r = planTransition({ from: 'in_review', to: 'approved', actorRoles: local, planBoardId: BOARD, today: TODAY });
    expect(r).toMatchObject({ ok: false, status: 409, code: 'not_allowed_for_role' });
    if (!r.ok) expect(r.message).toBe('Endast central samordnare kan godkänna planen.');
    const s = planTransition({ from: 'board_decided', to: 'submitted', actorRoles: central, planBoardId: BOARD, today: TODAY });
    if (!s.ok) expect(s.message).toBe('Endast nämndens lokala samordnare kan skicka in planen.');
  });

  it('refuses a user with no role on the board before revealing anything about the plan', () => {
    const r = planTransition({ from: 'draft', to: 'approved', actorRoles: ACTORS.local_of_other_board.roles, planBoardId: BOARD, today: TODAY });
    expect(r).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
  });
});

describe('planTransition: required inputs', () => {
  const local = ACTORS.local_of_board.roles;
  const central = ACTORS.central.roles;
  const decide = (input: TransitionInput, today: string | Date = TODAY) =>
    planTransition({ from: 'draft', to: 'board_decided', actorRoles: local, planBoardId: BOARD, input, today });

  it('board decision needs date and paragraph', () => {
    const r = decide({});
    expect(r).toMatchObject({ ok: false, status: 422, code: 'missing_fields' });
    if (!r.ok) expect(r.fields?.map((f) => f.field)).toEqual(['decidedOn', 'paragraph']);
    const onlyDate = decide({ decidedOn: '2018-04-19', paragraph: '   ' });
    if (!onlyDate.ok) expect(onlyDate.fields?.map((f) => f.field)).toEqual(['paragraph']);
    expect(decide({ decidedOn: '2018-04-19', paragraph: '§ 12' })).toEqual({ ok: true });
    expect(decide({ decidedOn: '2018-04-19', paragraph: '12 §' })).toEqual({ ok: true });
  });

  it('accepts a decision taken today, refuses one in the future or malformed', () => {
    expect(decide({ decidedOn: TODAY, paragraph: '§ 3' })).toEqual({ ok: true });
    const future = decide({ decidedOn: '2018-05-03', paragraph: '§ 3' });
    expect(future).toMatchObject({ ok: false, status: 422, code: 'invalid_fields', fields: [{ field: 'decidedOn' }] });
    if (!future.ok) expect(future.message).toContain('framtiden');
    for (const bad of ['2018-02-30', '19/4 2018', '2018-4-19', '2018-04-19T10:00']) {
      expect(decide({ decidedOn: bad, paragraph: '§ 3' })).toMatchObject({ status: 422, code: 'invalid_fields' });
    }
    expect(decide({ decidedOn: '2018-04-19', paragraph: 'paragraf' })).toMatchObject({
      status: 422,
      fields: [{ field: 'paragraph' }],
    });
  });

  it('reports missing and invalid fields together as missing_fields', () => {
    const r = decide({ decidedOn: '2099-01-01' });
    expect(r).toMatchObject({ status: 422, code: 'missing_fields' });
    if (!r.ok) expect(r.fields?.map((f) => f.field).sort()).toEqual(['decidedOn', 'paragraph']);
  });

  it('reads a Date as the Swedish calendar day', () => {
    // 22:30 UTC on 2 May is 00:30 on 3 May in Stockholm (CEST).
    const lateEvening = new Date('2018-05-02T22:30:00Z');
    expect(toIsoDay(lateEvening)).toBe('2018-05-03');
    expect(decide({ decidedOn: '2018-05-03', paragraph: '§ 3' }, lateEvening)).toEqual({ ok: true });
  });

  it('returning a plan needs a comment or a filled review', () => {
    const ret = (input: TransitionInput) =>
      planTransition({ from: 'in_review', to: 'returned', actorRoles: central, planBoardId: BOARD, input, today: TODAY });
    expect(ret({})).toMatchObject({ ok: false, status: 422, code: 'missing_fields', fields: [{ field: 'comment' }] });
    expect(ret({ comment: '  \n ' })).toMatchObject({ status: 422 });
    expect(ret({ comment: 'Insatserna saknar insatsområde.' })).toEqual({ ok: true });
    expect(ret({ reviewFilled: true })).toEqual({ ok: true });
  });

  it('other moves need no inputs', () => {
    expect(planTransition({ from: 'board_decided', to: 'submitted', actorRoles: local, planBoardId: BOARD, today: TODAY })).toEqual({ ok: true });
    expect(planTransition({ from: 'in_review', to: 'approved', actorRoles: central, planBoardId: BOARD, today: TODAY })).toEqual({ ok: true });
  });
});

describe('states, labels and editing', () => {
  it('has Swedish labels for every state', () => {
    expect(STATUS_LABELS_SV).toEqual({
      draft: 'Utkast',
      board_decided: 'Beslutad i nämnd',
      submitted: 'Inskickad',
      in_review: 'Under granskning',
      approved: 'Godkänd',
      // The central coordinator's return, kept apart from the board's own återremiss.
      returned: 'Åter för komplettering',
      superseded: 'Ersatt av reviderad plan',
    });
  });

  it('checks the city board approval date and paragraph when they are given, and approves without them', () => {
    const central = [{ role: 'central_coordinator' as const, boardId: null }];
    const approve = (input: { decidedOn?: string; paragraph?: string }) =>
      planTransition({ from: 'in_review', to: 'approved', actorRoles: central, planBoardId: 'b', input, today: '2026-05-01' });
    expect(approve({})).toEqual({ ok: true });
    expect(approve({ decidedOn: '2026-04-29', paragraph: '§ 17' })).toEqual({ ok: true });
    expect(approve({ decidedOn: '2026-05-02' })).toMatchObject({ ok: false, status: 422, fields: [{ field: 'decidedOn' }] });
    expect(approve({ paragraph: 'sjutton' })).toMatchObject({ ok: false, status: 422, fields: [{ field: 'paragraph' }] });
  });

  it('allows editing content only in draft and returned', () => {
    expect([...EDITABLE_STATES]).toEqual(['draft', 'returned']);
    expect(PLAN_STATES.filter(isContentEditable)).toEqual(['draft', 'returned']);
  });

  it('reopens a returned plan automatically when it is edited', () => {
    expect(autoReopenOnEdit('returned')).toEqual({ from: 'returned', to: 'draft' });
    for (const s of PLAN_STATES.filter((x) => x !== 'returned')) expect(autoReopenOnEdit(s)).toBeNull();
    // The automatic move is one a local coordinator could make by hand.
    expect(allowedTransitions('returned', ACTORS.local_of_board.roles, BOARD)).toEqual(['draft']);
  });

  it('recognises states and dates', () => {
    expect(isPlanState('in_review')).toBe(true);
    expect(isPlanState('rejected')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
  });
});

describe('property: sequences of allowed moves', () => {
  const actorArb = fc.constantFrom(...Object.values(ACTORS).map((a) => a.roles));

  it('only ever reach valid states, and only via moves planTransition accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actorArb, fc.nat()), { maxLength: 40 }), (steps) => {
        let state: PlanState = 'draft';
        const seen: PlanState[] = [state];
        for (const [roles, pick] of steps) {
          const options = allowedTransitions(state, roles, BOARD);
          if (options.length === 0) continue;
          const to = options[pick % options.length];
          const result = planTransition({ from: state, to, actorRoles: roles, planBoardId: BOARD, input: FULL_INPUT, today: TODAY });
          expect(result).toEqual({ ok: true });
          // approved is final: nothing moves on from it.
          expect(state).not.toBe('approved');
          state = to;
          seen.push(state);
        }
        for (const s of seen) expect(isPlanState(s)).toBe(true);
        // A plan is approved only after it was submitted and reviewed.
        const approvedAt = seen.indexOf('approved');
        if (approvedAt >= 0) {
          expect(seen.slice(0, approvedAt)).toContain('submitted');
          expect(seen[approvedAt - 1]).toBe('in_review');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('any move not offered by allowedTransitions is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLAN_STATES), fc.constantFrom(...PLAN_STATES), actorArb, (from, to, roles) => {
        const offered = allowedTransitions(from, roles, BOARD).includes(to);
        const r = planTransition({ from, to, actorRoles: roles, planBoardId: BOARD, input: FULL_INPUT, today: TODAY });
        expect(r.ok).toBe(offered);
      }),
    );
  });
});
