import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../policy/index.js';
import { reportRight, type ReportTarget } from './permissions.js';

const actor = (userId: string, ...roles: RoleGrant[]): Actor => ({ userId, email: `${userId}@x`, name: userId, municipalityId: 'm', roles });
const A = 'board-a';
const B = 'board-b';
const target: ReportTarget = { boardId: A, reporterUserIds: ['named'], responsibleUnitChain: ['unit-leaf', 'unit-dept', 'unit-admin'] };

describe('reportRight: who may report follow-up on an activity of board A', () => {
  it.each<[string, Actor, string | null, 'coordinator' | 'responsible' | null]>([
    ['the local coordinator of A, for any activity', actor('lc', { role: 'local_coordinator', boardId: A }), null, 'coordinator'],
    ['a named contributor of A', actor('named', { role: 'contributor', boardId: A }), null, 'responsible'],
    ['a contributor of A in the responsible unit', actor('c1', { role: 'contributor', boardId: A }), 'unit-leaf', 'responsible'],
    ['a contributor of A heading the department above it', actor('c2', { role: 'contributor', boardId: A }), 'unit-dept', 'responsible'],
    ['a contributor of A elsewhere in the board', actor('c3', { role: 'contributor', boardId: A }), 'unit-other', null],
    ['a named user who is a contributor on board B only', actor('named', { role: 'contributor', boardId: B }), 'unit-leaf', null],
    ['the local coordinator of B', actor('lcb', { role: 'local_coordinator', boardId: B }), null, null],
    ['a viewer of A', actor('v', { role: 'viewer', boardId: A }), 'unit-leaf', null],
    ['an auditor', actor('au', { role: 'auditor', boardId: null }), null, null],
    ['the central coordinator', actor('cc', { role: 'central_coordinator', boardId: null }), null, null],
    ['a viewer of A who is named as reporter (the role is what counts)', actor('named', { role: 'viewer', boardId: A }), null, null],
  ])('%s', (_, a, unit, expected) => expect(reportRight(a, unit, target)).toBe(expected));

  it('does not borrow a coordinator right held on another board', () => {
    const a = actor('x', { role: 'local_coordinator', boardId: B }, { role: 'contributor', boardId: A });
    expect(reportRight(a, 'unit-other', target)).toBeNull();
  });
});
