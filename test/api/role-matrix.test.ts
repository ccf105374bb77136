import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Role } from '../../src/domain/policy/index.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

/**
 * Who may do what, written out by hand, independently of src/domain/policy. A route whose action
 * is missing here fails the suite, so no route ships without a decision on its rights.
 */
const ALL: Role[] = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'];
const EXPECTED: Record<Action, 'public' | Role[]> = {
  'health.read': 'public',
  'docs.read': 'public',
  'session.create': 'public',
  'session.oidc': 'public',
  'session.read': ALL,
  'session.delete': ALL,
  'me.update': ALL,
  'boards.list': ALL,
  'boards.create': ['admin'],
  'boards.update': ['admin'],
  'units.list': ALL,
  'units.create': ['admin'],
  'units.update': ['admin'],
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.reset_password': ['admin'],
  'audit.list': ALL,
  'audit.verify': ['admin', 'auditor'],
  // Plan export (the plan's readers, not admin) and activity import (the plan's writers).
  'plans.export': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.activities.import': ['central_coordinator', 'local_coordinator'],
  // Plans: governing documents and instructions are readable by all, issued by the central
  // coordinator; plans are read by every role but admin (scoped to boards in the service) and
  // written by the coordinators (workflow moves decided per move by the domain).
  'guidelines.list': ALL,
  'guidelines.create': ['central_coordinator'],
  'guidelines.update': ['central_coordinator'],
  'guideline_elements.create': ['central_coordinator'],
  'guideline_elements.update': ['central_coordinator'],
  'plan_instructions.list': ALL,
  'plan_instructions.read': ALL,
  'plan_instructions.create': ['central_coordinator'],
  'plan_instructions.update': ['central_coordinator'],
  'plan_instructions.publish': ['central_coordinator'],
  'plans.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.read': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.overview': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.check': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.compare': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.versions': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.create': ['central_coordinator', 'local_coordinator'],
  'plans.update': ['central_coordinator', 'local_coordinator'],
  'plans.sections.update': ['central_coordinator', 'local_coordinator'],
  'plans.activities.create': ['central_coordinator', 'local_coordinator'],
  'plans.activities.update': ['central_coordinator', 'local_coordinator'],
  'plans.activities.delete': ['central_coordinator', 'local_coordinator'],
  'plans.activities.restore': ['central_coordinator', 'local_coordinator'],
  'plans.activities.reorder': ['central_coordinator', 'local_coordinator'],
  'plans.copy': ['central_coordinator', 'local_coordinator'],
  'plans.transition': ['central_coordinator', 'local_coordinator'],
  'plans.review': ['central_coordinator'],
  // Situation picture: any staff role on a board files; coordinators read texts; counts for the auditor too.
  'concerns.create': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer'],
  'concerns.list': ['central_coordinator', 'local_coordinator'],
  'concerns.inbox': ['central_coordinator', 'local_coordinator'],
  'concerns.read': ['central_coordinator', 'local_coordinator'],
  'concerns.classify': ['central_coordinator', 'local_coordinator'],
  'concerns.note': ['central_coordinator', 'local_coordinator'],
  'concerns.close': ['central_coordinator', 'local_coordinator'],
  'situation.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation.city': ['central_coordinator', 'viewer', 'auditor'],
  'situation_notes.list': ['central_coordinator', 'local_coordinator', 'auditor'],
  'situation_notes.create': ['central_coordinator', 'local_coordinator'],
  'situation_notes.delete': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation_pictures.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation_pictures.compile': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.save': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.publish': ['central_coordinator', 'local_coordinator'],
  'surveys.list': ['central_coordinator', 'local_coordinator', 'auditor'],
  'surveys.read': ['central_coordinator', 'local_coordinator', 'auditor'],
  'surveys.create': ['central_coordinator', 'local_coordinator'],
  'surveys.update': ['central_coordinator', 'local_coordinator'],
  'surveys.delete': ['central_coordinator', 'local_coordinator'],
  'surveys.send': ['central_coordinator', 'local_coordinator'],
  'surveys.close': ['central_coordinator', 'local_coordinator'],
  'surveys.results': ['central_coordinator', 'local_coordinator', 'auditor'],
  'public_surveys.read': 'public',
  'public_surveys.answer': 'public',
  'training.courses.list': ALL,
  'training.courses.create': ['central_coordinator'],
  'training.courses.update': ['central_coordinator'],
  'training.courses.delete': ['central_coordinator'],
  'training.targets.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.targets.set': ['central_coordinator'],
  'training.targets.delete': ['central_coordinator'],
  'training.groups.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.groups.create': ['central_coordinator'],
  'training.groups.update': ['central_coordinator'],
  'training.groups.delete': ['central_coordinator'],
  'training.headcounts.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.headcounts.import': ['central_coordinator', 'local_coordinator'],
  'training.participants.import': ['central_coordinator', 'local_coordinator'],
  'training.coverage.read': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.coverage.export': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.periods.list': ALL,
  'followup.periods.manage': ['central_coordinator'],
  'followup.report': ['contributor', 'local_coordinator'],
  'followup.mine': ['contributor', 'local_coordinator'],
  'followup.history': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.board': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.reporters.assign': ['local_coordinator'],
  'followup.analysis.write': ['local_coordinator'],
  'followup.context.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.context.import': ['central_coordinator', 'local_coordinator'],
  'followup.context.link': ['local_coordinator'],
  'reports.city': ['central_coordinator', 'viewer', 'auditor'],
  'reports.board': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
};

/** One demo account per role (board-scoped roles on Enskede-Årsta-Vantör or Kommunstyrelsen). */
const ACCOUNT: Record<Role, string> = {
  admin: 'admin@stockholm.example',
  central_coordinator: 'central@stockholm.example',
  local_coordinator: 'eav@stockholm.example',
  contributor: 'enhetschef@stockholm.example',
  viewer: 'politiker@stockholm.example',
  auditor: 'revisor@stockholm.example',
};

describe.each(await testDatabaseKinds())('[POLICY] role matrix on %s', (kind) => {
  let t: TestApp;
  let params: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const board = await t.boardId('Enskede-Årsta-Vantör');
    const unit = await t.database.db.selectFrom('unit').select('id').where('board_id', '=', board).limit(1).executeTakeFirstOrThrow();
    const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'skarholmen@stockholm.example').executeTakeFirstOrThrow();
    params = { '/api/boards/': board, '/api/units/': unit.id, '/api/users/': user.id };
    // Plans: the demo's EÅV 2018 plan, the published 2026 instructions, a governing document and one of its elements.
    const plan = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', board).where('year', '=', 2018).executeTakeFirstOrThrow();
    const instruction = await t.database.db.selectFrom('plan_instruction').select('id').where('year', '=', 2026).executeTakeFirstOrThrow();
    const element = await t.database.db.selectFrom('guideline_element').select(['id', 'document_id']).limit(1).executeTakeFirstOrThrow();
    Object.assign(params, {
      '/api/plans/': plan.id,
      '/api/plan-instructions/': instruction.id,
      '/api/guidelines/': element.document_id,
      '/api/guideline-elements/': element.id,
    });
    // Training: the demo's basic course (it has completions, so DELETE answers 409), a year without a target, EÅV.
    const course = await t.database.db.selectFrom('training_course').select('id').where('kind', '=', 'web_basic').executeTakeFirstOrThrow();
    Object.assign(params, { ':courseId': course.id, ':year': '2099', ':boardId': board });
  });
  afterAll(() => t.close());

  const url = (pattern: string) =>
    pattern
      .replace(/\*$/, 'index.html')
      .replace(/^(\/api\/[a-z-]+\/):id/, (_, prefix: string) => prefix + (params[prefix] ?? '00000000-0000-4000-8000-000000000000'))
      .replace(/:(courseId|year|boardId|groupId)\b/g, (name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');

  it('has an expectation for the action of every registered route', () => {
    const missing = t.app.routeActions.filter((r) => !(r.action in EXPECTED)).map((r) => `${r.method} ${r.url} (${r.action})`);
    expect(missing).toEqual([]);
    expect(t.app.routeActions.length).toBeGreaterThan(15);
  });

  // One test per role keeps each within its time limit on a loaded machine and names the role that fails.
  it.each([...ALL, 'anonymous' as const])('gives %s exactly its rights on every route', async (role) => {
    const outcomes: string[] = [];
    // One session for the role (a login is an Argon2 verification); logging out ends it, so it logs in again.
    let c: Client | null = null;
    for (const route of t.app.routeActions) {
      const expected = EXPECTED[route.action];
      const path = url(route.url);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      if (role === 'anonymous') {
        const res = await t.anonymous.request(route.method as 'GET', path, body);
        const ok = expected === 'public' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 401;
        if (!ok) outcomes.push(`anonymous ${route.method} ${route.url}: ${res.statusCode}`);
        continue;
      }
      c ??= await t.login(ACCOUNT[role]);
      const res = await c.request(route.method as 'GET', path, body);
      if (route.action === 'session.delete') c = null;
      const allowed = expected === 'public' || expected.includes(role);
      const ok = allowed ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 403;
      if (!ok) outcomes.push(`${role} ${route.method} ${route.url}: ${res.statusCode} (expected ${allowed ? 'allowed' : 'denied'})`);
    }
    expect(outcomes).toEqual([]);
  });
});
