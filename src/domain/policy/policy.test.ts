import { describe, expect, it } from 'vitest';
import { boardScope, can, RULES, type Actor, type Action, type RoleGrant } from './index.js';

const actor = (...roles: RoleGrant[]): Actor => ({ userId: 'u', email: 'u@x', name: 'U', municipalityId: 'm', roles });
const BOARD_A = 'board-a';
const BOARD_B = 'board-b';

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
