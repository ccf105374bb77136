import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

const count = async (t: TestApp, table: 'board' | 'app_user' | 'unit' | 'audit_log') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe.each(await testDatabaseKinds())('[ORGS] organisation and accounts on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin@stockholm.example');
  });
  afterAll(() => t.close());

  it('lists the demo organisation: Kommunstyrelsen, 14 district boards and 5 specialist boards', async () => {
    const c = await t.login('enhetschef@stockholm.example');
    const boards: { kind: string; name: string }[] = (await c.get('/api/boards')).json();
    expect(boards.filter((b) => b.kind === 'city_board').map((b) => b.name)).toEqual(['Kommunstyrelsen']);
    expect(boards.filter((b) => b.kind === 'district_board')).toHaveLength(14);
    expect(boards.filter((b) => b.kind === 'specialist_board')).toHaveLength(5);
    expect(boards.map((b) => b.name)).toContain('Enskede-Årsta-Vantör');
  });

  it('creates a board in the admin’s municipality and logs it in the audit log', async () => {
    const auditBefore = await count(t, 'audit_log');
    const res = await admin.post('/api/boards', { name: 'Provnämnd Ett', kind: 'district_board' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Provnämnd Ett', kind: 'district_board' });
    const entry = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'boards.create', entity: 'board', entity_id: res.json().id, actor_email: 'admin@stockholm.example' });
    expect(await count(t, 'audit_log')).toBe(auditBefore + 1);
  });

  it('refuses a second board with the same name with 409', async () => {
    const res = await admin.post('/api/boards', { name: 'provnämnd ett', kind: 'district_board' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('duplicate');
  });

  it('builds a unit tree under a board and refuses a parent from another board', async () => {
    const board = (await admin.post('/api/boards', { name: 'Trädnämnden', kind: 'specialist_board' })).json();
    const adm = (await admin.post(`/api/boards/${board.id}/units`, { name: 'Trädförvaltningen', kind: 'administration' })).json();
    const dep = await admin.post(`/api/boards/${board.id}/units`, { name: 'Avdelning A', kind: 'department', parentId: adm.id });
    expect(dep.statusCode).toBe(201);
    const units = (await admin.get(`/api/boards/${board.id}/units`)).json();
    expect(units.find((u: { name: string }) => u.name === 'Avdelning A').parentId).toBe(adm.id);
    const other = await t.boardId('Bromma');
    const wrong = await admin.post(`/api/boards/${other}/units`, { name: 'Fel', kind: 'unit', parentId: adm.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].field).toBe('parentId');
  });

  it('creates a user with board-scoped and municipality-wide roles', async () => {
    const board = await t.boardId('Farsta');
    const res = await admin.post('/api/users', {
      email: 'ny.samordnare@stockholm.example',
      name: 'Ny Samordnare',
      password: 'femton-tecken-minst',
      roles: [{ role: 'local_coordinator', boardId: board }, { role: 'viewer' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual([
      { role: 'local_coordinator', boardId: board },
      { role: 'viewer', boardId: null },
    ]);
    const c = await t.login('ny.samordnare@stockholm.example', 'femton-tecken-minst');
    expect((await c.get('/api/me')).json().user.roles).toHaveLength(2);
  });

  it('stores the password only as an Argon2id hash', async () => {
    const u = await t.database.db.selectFrom('app_user').select('password_hash').where('email', '=', 'ny.samordnare@stockholm.example').executeTakeFirstOrThrow();
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    expect(u.password_hash).not.toContain('femton-tecken-minst');
  });

  it('refuses a password under 15 characters with 422 and creates nothing', async () => {
    const before = await count(t, 'app_user');
    const res = await admin.post('/api/users', { email: 'kort@stockholm.example', name: 'Kort', password: 'fjorton-tecken', roles: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'weak_password', fields: [{ field: 'password' }] });
    expect(await count(t, 'app_user')).toBe(before);
  });

  it('refuses a duplicate e-mail with 409, in any case', async () => {
    const res = await admin.post('/api/users', { email: 'EAV@stockholm.example', name: 'Dubblett', password: 'femton-tecken-minst', roles: [] });
    expect(res.statusCode).toBe(409);
  });

  it('refuses a role on a board that does not exist and creates no user', async () => {
    const before = await count(t, 'app_user');
    const res = await admin.post('/api/users', {
      email: 'spoke@stockholm.example',
      name: 'Spöke',
      password: 'femton-tecken-minst',
      roles: [{ role: 'viewer', boardId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(res.statusCode).toBe(422);
    expect(await count(t, 'app_user')).toBe(before);
  });

  it('changes roles, resets a password (ending the user’s sessions) and records both', async () => {
    const user = (await admin.post('/api/users', { email: 'byte@stockholm.example', name: 'Byte', password: 'forsta-losenordet-x', roles: [] })).json();
    const session = await t.login('byte@stockholm.example', 'forsta-losenordet-x');
    const roles = await admin.patch(`/api/users/${user.id}`, { roles: [{ role: 'auditor' }] });
    expect(roles.statusCode, roles.body).toBe(200);
    expect(roles.json().roles).toEqual([{ role: 'auditor', boardId: null }]);
    expect((await admin.post(`/api/users/${user.id}/password`, { password: 'andra-losenordet-xy' })).statusCode).toBe(204);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await t.login('byte@stockholm.example', 'andra-losenordet-xy');
    const actions = (await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['users.create', 'users.update', 'users.reset_password']);
  });

  it('never puts a password or its hash in the audit log', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select('summary').execute();
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon2|losenord|femton-tecken/);
  });

  it('does not let an admin deactivate their own account', async () => {
    const me = (await admin.get('/api/me')).json();
    const res = await admin.patch(`/api/users/${me.user.id}`, { active: false });
    expect(res.statusCode).toBe(409);
  });

  it('keeps municipalities apart: another municipality’s admin cannot see or change Stockholm', async () => {
    const other = await t.database.db.insertInto('municipality').values({ name: 'Övriga kommunen' }).returning('id').executeTakeFirstOrThrow();
    const { createUser } = await import('../../src/modules/users/service.js');
    await createUser({
      db: t.database.db,
      actor: { system: 'test', municipalityId: other.id },
      input: { email: 'admin@ovriga.example', name: 'Annan Admin', password: 'varna-demo-losenord', roles: [{ role: 'admin', boardId: null }] },
    });
    const foreign = await t.login('admin@ovriga.example');
    expect((await foreign.get('/api/boards')).json()).toEqual([]);
    expect((await foreign.get('/api/users')).json().map((u: { email: string }) => u.email)).toEqual(['admin@ovriga.example']);
    const eav = await t.boardId('Enskede-Årsta-Vantör');
    expect((await foreign.get(`/api/boards/${eav}/units`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/boards/${eav}/units`, { name: 'Intrång', kind: 'unit' })).statusCode).toBe(404);
    const eavUser = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'eav@stockholm.example').executeTakeFirstOrThrow();
    expect((await foreign.patch(`/api/users/${eavUser.id}`, { active: false })).statusCode).toBe(404);
    expect((await foreign.get('/api/audit')).json().every((e: { actorEmail: string }) => e.actorEmail === 'admin@ovriga.example' || e.actorEmail === 'system:test')).toBe(true);
  });
});
