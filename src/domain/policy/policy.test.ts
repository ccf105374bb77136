import { describe, expect, it } from 'vitest';
import { boardScope, can, canEverywhere, canOn, capabilities, refusalOf, RULES, scopeOf, type Actor, type Action, type RoleGrant } from './index.js';

const actor = (...roles: RoleGrant[]): Actor => ({ userId: 'u', email: 'u@x', name: 'U', municipalityId: 'm', roles });
const BOARD_A = 'board-a';
const BOARD_B = 'board-b';
const CITY = 'city-board';
const cityViewer: RoleGrant = { role: 'viewer', boardId: CITY, boardKind: 'city_board' };

describe('policy.can', () => {
  it('lets anyone, even without a session, do public actions', () => {
    expect(can(null, 'health.read')).toBe(true);
    expect(can(null, 'session.create')).toBe(true);
  });

  it('refuses every non-public action without a session', () => {
    for (const action of Object.keys(RULES) as Action[]) {
      if (RULES[action] !== 'public') expect(can(null, action), action).toBe(false);
    }
  });

  it('lets any logged-in user do authenticated actions, even with no roles', () => {
    expect(can(actor(), 'boards.list')).toBe(true);
    expect(can(actor(), 'audit.list')).toBe(true);
  });

  it('grants role actions only to the listed roles', () => {
    expect(can(actor({ role: 'admin', boardId: null }), 'users.create')).toBe(true);
    for (const role of ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] as const) {
      expect(can(actor({ role, boardId: null }), 'users.create'), role).toBe(false);
    }
  });

  it('scopes a board-bound role to its board when a target board is given', () => {
    const a = actor({ role: 'admin', boardId: BOARD_A });
    expect(can(a, 'units.create', { boardId: BOARD_A })).toBe(true);
    expect(can(a, 'units.create', { boardId: BOARD_B })).toBe(false);
  });

  it('lets a municipality-wide grant act on every board', () => {
    expect(can(actor({ role: 'admin', boardId: null }), 'units.create', { boardId: BOARD_B })).toBe(true);
  });

  it('does not let one role borrow the rights of another role held on a different board', () => {
    const a = actor({ role: 'viewer', boardId: BOARD_A }, { role: 'admin', boardId: BOARD_B });
    expect(can(a, 'units.create', { boardId: BOARD_A })).toBe(false);
    expect(can(a, 'units.create', { boardId: BOARD_B })).toBe(true);
  });

  it('refuses municipality-level actions to a grant for one board, whatever the role', () => {
    expect(can(actor({ role: 'central_coordinator', boardId: BOARD_A }), 'guidelines.create')).toBe(false);
    expect(can(actor({ role: 'central_coordinator', boardId: BOARD_A }), 'followup.periods.manage')).toBe(false);
    expect(can(actor({ role: 'central_coordinator', boardId: BOARD_A }), 'training.courses.create')).toBe(false);
    expect(can(actor({ role: 'admin', boardId: BOARD_A }), 'users.create')).toBe(false);
    expect(can(actor({ role: 'admin', boardId: BOARD_A }), 'boards.create')).toBe(false);
    expect(can(actor({ role: 'auditor', boardId: BOARD_A }), 'audit.verify')).toBe(false);
    expect(can(actor({ role: 'central_coordinator', boardId: null }), 'guidelines.create')).toBe(true);
  });
});

describe('policy.scopeOf: one rule for every capability', () => {
  // [grants, action, expected scope]
  const cases: [string, RoleGrant[], Action, 'all' | string[]][] = [
    ['a municipality-wide central coordinator plans everywhere', [{ role: 'central_coordinator', boardId: null }], 'plans.create', 'all'],
    ['a central coordinator for one board plans on that board only', [{ role: 'central_coordinator', boardId: BOARD_A }], 'plans.create', [BOARD_A]],
    ['a central coordinator for one board reviews that board only', [{ role: 'central_coordinator', boardId: BOARD_A }], 'plans.review', [BOARD_A]],
    ['an auditor for one board reads that board\'s plans only', [{ role: 'auditor', boardId: BOARD_A }], 'plans.list', [BOARD_A]],
    ['an auditor for one board reads no city report', [{ role: 'auditor', boardId: BOARD_A }], 'reports.city', []],
    ['an auditor for one board has no city picture', [{ role: 'auditor', boardId: BOARD_A }], 'situation.city', []],
    ['an auditor for one board reads its training coverage only', [{ role: 'auditor', boardId: BOARD_A }], 'training.coverage.read', [BOARD_A]],
    ['a municipality-wide auditor reads the city report', [{ role: 'auditor', boardId: null }], 'reports.city', 'all'],
    ['a district viewer reads their board', [{ role: 'viewer', boardId: BOARD_A, boardKind: 'district_board' }], 'plans.read', [BOARD_A]],
    ['a district viewer reads no city report', [{ role: 'viewer', boardId: BOARD_A, boardKind: 'district_board' }], 'reports.city', []],
    ['a city-board viewer reads every plan', [cityViewer], 'plans.read', 'all'],
    ['a city-board viewer reads the city report', [cityViewer], 'reports.city', 'all'],
    ['a city-board viewer reads the city picture', [cityViewer], 'situation.city', 'all'],
    ['a city-board viewer reads every board\'s follow-up', [cityViewer], 'followup.board', 'all'],
    ['a city-board viewer reads every board\'s training', [cityViewer], 'training.coverage.read', 'all'],
    ['a city-board viewer files concerns on the city board only (a write)', [cityViewer], 'concerns.create', [CITY]],
    ['a city-board viewer whose board kind is unknown is an ordinary viewer', [{ role: 'viewer', boardId: CITY }], 'reports.city', []],
    ['a local coordinator of A and city viewer reads no police notes of B', [{ role: 'local_coordinator', boardId: BOARD_A }, cityViewer], 'situation_notes.list', [BOARD_A]],
    ['a local coordinator of A and city viewer writes no plan of B', [{ role: 'local_coordinator', boardId: BOARD_A }, cityViewer], 'plans.update', [BOARD_A]],
    ['a local coordinator of A and city viewer lists no surveys of B', [{ role: 'local_coordinator', boardId: BOARD_A }, cityViewer], 'surveys.list', [BOARD_A]],
    ['a local coordinator of A and city viewer reads every plan (as viewer)', [{ role: 'local_coordinator', boardId: BOARD_A }, cityViewer], 'plans.read', 'all'],
    ['an admin for one board manages that board\'s units', [{ role: 'admin', boardId: BOARD_A }], 'units.update', [BOARD_A]],
    ['an admin for one board manages no accounts', [{ role: 'admin', boardId: BOARD_A }], 'users.list', []],
    ['grants for two boards reach both, once each', [{ role: 'contributor', boardId: BOARD_A }, { role: 'contributor', boardId: BOARD_B }, { role: 'contributor', boardId: BOARD_A }], 'plans.list', [BOARD_A, BOARD_B]],
    ['a role the action does not name reaches nothing', [{ role: 'admin', boardId: null }], 'plans.read', []],
  ];
  it.each(cases)('%s', (_, grants, action, expected) => {
    expect(scopeOf(actor(...grants), action)).toEqual(expected);
  });

  it('agrees with canOn and canEverywhere', () => {
    const a = actor({ role: 'local_coordinator', boardId: BOARD_A }, cityViewer);
    expect(canOn(a, 'situation_notes.list', BOARD_A)).toBe(true);
    expect(canOn(a, 'situation_notes.list', BOARD_B)).toBe(false);
    expect(canOn(a, 'situation.read', BOARD_B)).toBe(true);
    expect(canEverywhere(a, 'reports.city')).toBe(true);
    expect(canEverywhere(actor({ role: 'central_coordinator', boardId: BOARD_A }), 'reports.city')).toBe(false);
  });

  it('never widens a write through the city-viewer exception', () => {
    const a = actor(cityViewer);
    for (const action of Object.keys(RULES) as Action[]) {
      const rule = RULES[action];
      if (typeof rule === 'object' && !rule.read) expect(scopeOf(a, action), action).not.toBe('all');
    }
  });
});

describe('policy.capabilities', () => {
  it('lists every action with its scope, false where the actor has none', () => {
    const c = capabilities(actor({ role: 'local_coordinator', boardId: BOARD_A }));
    expect(Object.keys(c).sort()).toEqual(Object.keys(RULES).sort());
    expect(c['plans.create']).toEqual([BOARD_A]);
    expect(c['reports.city']).toBe(false);
    expect(c['users.create']).toBe(false);
    expect(c['boards.list']).toBe('all');
  });
});

describe('policy.boardScope', () => {
  it('is "all" when a grant covers the municipality', () => {
    expect(boardScope(actor({ role: 'auditor', boardId: null }), ['auditor'])).toBe('all');
  });
  it('lists the boards of matching grants only, once each', () => {
    const a = actor({ role: 'viewer', boardId: BOARD_A }, { role: 'viewer', boardId: BOARD_A }, { role: 'contributor', boardId: BOARD_B });
    expect(boardScope(a, ['viewer'])).toEqual([BOARD_A]);
  });
  it('is empty when no grant matches', () => {
    expect(boardScope(actor({ role: 'viewer', boardId: BOARD_A }), ['admin'])).toEqual([]);
  });
});

describe('policy.refusalOf', () => {
  it('explains a refusal to a role granted for one board when the action needs the whole municipality', () => {
    expect(refusalOf(actor({ role: 'viewer', boardId: BOARD_A, boardKind: 'district_board' }), 'reports.city')).toMatch(/kommunstyrelsen/);
    expect(refusalOf(actor({ role: 'central_coordinator', boardId: BOARD_A }), 'guidelines.create')).toMatch(/hela kommunen/);
  });
  it('gives the general refusal to roles the action does not name', () => {
    expect(refusalOf(actor({ role: 'contributor', boardId: BOARD_A }), 'reports.city')).toBeNull();
    expect(refusalOf(actor({ role: 'contributor', boardId: BOARD_A }), 'plans.create')).toBeNull();
  });
});
