import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

const counts = async (t: TestApp) => {
  const n = async (table: 'board' | 'app_user' | 'audit_log') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { boards: await n('board'), users: await n('app_user'), audit: await n('audit_log') };
};

/** No stack trace, file path or SQL in what the client gets. */
const leaks = (body: string) => /stack|\.ts:\d+|\.js:\d+|select |insert |postgres|pglite|kysely/i.test(body);

describe.each(await testDatabaseKinds())('[HTTP] bad input on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin@stockholm.example');
  });
  afterAll(() => t.close());

  async function expectNothingWritten(run: () => Promise<{ statusCode: number; body: string }>, status: number, code?: string) {
    const before = await counts(t);
    const res = await run();
    expect(res.statusCode, res.body).toBe(status);
    const body = JSON.parse(res.body);
    expect(body.error.message).toMatch(/\S/);
    if (code) expect(body.error.code).toBe(code);
    expect(leaks(res.body)).toBe(false);
    expect(await counts(t)).toEqual(before);
    return body.error;
  }

  it('malformed JSON → 400 invalid_json', async () => {
    await expectNothingWritten(() => admin.request('POST', '/api/boards', '{"name": "X", ', { 'content-type': 'application/json' }), 400, 'invalid_json');
  });

  it('wrong types → 400 naming the field', async () => {
    const err = await expectNothingWritten(() => admin.post('/api/boards', { name: 42, kind: 'district_board' }), 400, 'invalid_request');
    expect(err.fields.map((f: { field: string }) => f.field)).toContain('name');
  });

  it('an unknown kind → 400 with a Swedish message on the field', async () => {
    const err = await expectNothingWritten(() => admin.post('/api/boards', { name: 'Ny', kind: 'county_board' }), 400);
    expect(err.fields).toEqual([{ field: 'kind', message: 'Välj typ av nämnd.' }]);
  });

  it('unknown fields → 400 naming them', async () => {
    const err = await expectNothingWritten(() => admin.post('/api/boards', { name: 'Ny', kind: 'district_board', isAdmin: true }), 400);
    expect(JSON.stringify(err.fields)).toContain('isAdmin');
  });

  it('over-long strings → 400 with the limit in the message', async () => {
    const err = await expectNothingWritten(() => admin.post('/api/boards', { name: 'x'.repeat(201), kind: 'district_board' }), 400);
    expect(err.fields[0].message).toContain('200');
  });

  it('several errors are all reported at once', async () => {
    const err = await expectNothingWritten(() => admin.post('/api/users', { email: 'inte-en-adress', name: '', password: 5, roles: 'admin' }), 400);
    expect(err.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'name', 'password', 'roles']);
  });

  it('a 10 MB body → 413 too_large', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024), kind: 'district_board' });
    await expectNothingWritten(() => admin.request('POST', '/api/boards', huge, { 'content-type': 'application/json' }), 413, 'too_large');
  });

  it('a non-JSON content type → 415', async () => {
    await expectNothingWritten(() => admin.request('POST', '/api/boards', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  it('SQL-looking strings are stored as plain text, never executed', async () => {
    const name = "Robert'); DROP TABLE board;--";
    const res = await admin.post('/api/boards', { name, kind: 'district_board' });
    expect(res.statusCode).toBe(201);
    const boards = (await admin.get('/api/boards')).json();
    expect(boards.find((b: { id: string }) => b.id === res.json().id).name).toBe(name);
    expect(boards.length).toBeGreaterThan(20);
  });

  it('an invalid id in the path → 400, an unknown one → 404', async () => {
    expect((await admin.get('/api/boards/not-a-uuid/units')).statusCode).toBe(400);
    const res = await admin.get('/api/boards/00000000-0000-4000-8000-000000000000/units');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('an unknown API path → 404 in the error shape', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('every response carries a request id and security headers', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.headers['x-request-id']).toMatch(/\S+/);
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes an OpenAPI 3 description with every API route', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/session', '/api/boards', '/api/users', '/api/audit', '/api/health']) expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/users'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('password');
    expect((await t.anonymous.get('/api/docs')).statusCode).toBeLessThan(400);
  });
});
