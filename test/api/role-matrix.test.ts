import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Role } from '../../src/domain/policy/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
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
  });
  afterAll(() => t.close());

  const url = (pattern: string) =>
    pattern
      .replace(/\*$/, 'index.html')
      .replace(/^(\/api\/[a-z-]+\/):id/, (_, prefix: string) => prefix + (params[prefix] ?? '00000000-0000-4000-8000-000000000000'));

  it('has an expectation for the action of every registered route', () => {
    const missing = t.app.routeActions.filter((r) => !(r.action in EXPECTED)).map((r) => `${r.method} ${r.url} (${r.action})`);
    expect(missing).toEqual([]);
    expect(t.app.routeActions.length).toBeGreaterThan(15);
  });

  it('gives every role exactly its rights on every route, and anonymous users only public routes', async () => {
    const outcomes: string[] = [];
    for (const route of t.app.routeActions) {
      const expected = EXPECTED[route.action];
      const path = url(route.url);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const anon = await t.anonymous.request(route.method as 'GET', path, body);
      const anonOk = expected === 'public' ? anon.statusCode !== 401 && anon.statusCode !== 403 : anon.statusCode === 401;
      if (!anonOk) outcomes.push(`anonymous ${route.method} ${route.url}: ${anon.statusCode}`);
      for (const role of ALL) {
        const c = await t.login(ACCOUNT[role]);
        const res = await c.request(route.method as 'GET', path, body);
        const allowed = expected === 'public' || expected.includes(role);
        const ok = allowed ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 403;
        if (!ok) outcomes.push(`${role} ${route.method} ${route.url}: ${res.statusCode} (expected ${allowed ? 'allowed' : 'denied'})`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});
