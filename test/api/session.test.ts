import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildServer } from '../../src/server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

describe.each(await testDatabaseKinds())('[AUTH] sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reports health with the database in use', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('logs in with a session cookie that is HttpOnly and SameSite=Lax, and returns roles and a CSRF token', async () => {
    const res = await t.anonymous.post('/api/session', { email: 'eav@stockholm.example', password: 'varna-demo-losenord' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'varna_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user.roles).toEqual([{ role: 'local_coordinator', boardId: await t.boardId('Enskede-Årsta-Vantör'), boardName: 'Enskede-Årsta-Vantör' }]);
  });

  it('accepts the e-mail address in any case', async () => {
    const res = await t.anonymous.post('/api/session', { email: 'EAV@Stockholm.Example', password: 'varna-demo-losenord' });
    expect(res.statusCode).toBe(200);
  });

  it('gives the same generic 401 for a wrong password and an unknown account', async () => {
    const wrong = await t.anonymous.post('/api/session', { email: 'central@stockholm.example', password: 'fel-losenord-helt-och-hallet' });
    const unknown = await t.anonymous.post('/api/session', { email: 'nobody@stockholm.example', password: 'fel-losenord-helt-och-hallet' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('Fel e-postadress eller lösenord.');
  });

  it('locks an account for a while after five failed logins, even with the right password', async () => {
    for (let i = 0; i < 5; i++) await t.anonymous.post('/api/session', { email: 'revisor@stockholm.example', password: `gissning-nummer-${i}-xx` });
    const res = await t.anonymous.post('/api/session', { email: 'revisor@stockholm.example', password: 'varna-demo-losenord' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
  });

  it('keeps an account lock across a restart, stores no e-mail or IP address, and lets it lapse after 15 minutes', async () => {
    const email = 'politiker@stockholm.example';
    for (let i = 0; i < 5; i++) await t.anonymous.post('/api/session', { email, password: `gissning-nummer-${i}-xx` });
    // A second server on the same database (a restart, or another process) sees the same lock.
    const restarted = await buildServer({ config: t.app.config, database: t.database, logger: false });
    try {
      const res = await restarted.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'varna-demo-losenord' } });
      expect(res.statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
    // The lock lives in the database (not in process memory), under a hash of the account.
    const accountKey = createHash('sha256').update(`account:${email}`).digest('hex');
    const rows = await t.database.db.selectFrom('login_failure').select('key_hash').where('key_hash', '=', accountKey).execute();
    expect(rows).toHaveLength(5);
    const stored = await sql<{ text: string }>`select string_agg(key_hash, ' ') as text from login_failure`.execute(t.database.db);
    expect(stored.rows[0].text).not.toContain('politiker');
    expect(stored.rows[0].text).not.toMatch(/127\.0\.0\.1/);
    await sql`update login_failure set failed_at = failed_at - interval '15 minutes'`.execute(t.database.db);
    const later = await t.anonymous.post('/api/session', { email, password: 'varna-demo-losenord' });
    expect(later.statusCode).toBe(200);
  });

  it('forgets an account’s failures after a successful login', async () => {
    const email = 'skarholmen@stockholm.example';
    for (let i = 0; i < 4; i++) await t.anonymous.post('/api/session', { email, password: `gissning-nummer-${i}-xx` });
    expect((await t.anonymous.post('/api/session', { email, password: 'varna-demo-losenord' })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await t.anonymous.post('/api/session', { email, password: `gissning-nummer-${i}-yy` });
    expect((await t.anonymous.post('/api/session', { email, password: 'varna-demo-losenord' })).statusCode).toBe(200);
  });

  it('returns the current user from /api/me and 401 without a session', async () => {
    const c = await t.login('central@stockholm.example');
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('central@stockholm.example');
    expect(me.json().municipality.name).toBe('Stockholms stad');
    expect((await t.anonymous.get('/api/me')).statusCode).toBe(401);
  });

  it('ends the session on logout: the cookie no longer works', async () => {
    const c = await t.login('politiker@stockholm.example');
    expect((await c.del('/api/session')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the right CSRF token and writes nothing', async () => {
    const admin = await t.login('admin@stockholm.example');
    const before = await t.database.db.selectFrom('board').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const token of [undefined, 'wrong-token']) {
      const res = await admin.request('POST', '/api/boards', { name: 'CSRF-nämnd', kind: 'district_board' }, { 'x-csrf-token': token ?? '' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf');
    }
    const after = await t.database.db.selectFrom('board').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('expires a session after the idle time on the server side', async () => {
    const c = await t.login('skarholmen@stockholm.example');
    await sql`update session set last_seen_at = now() - interval '2 hours', created_at = now() - interval '2 hours'`.execute(t.database.db);
    const res = await c.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('expires a session after the absolute lifetime even when in use', async () => {
    const c = await t.login('skarholmen@stockholm.example');
    await sql`update session set created_at = now() - interval '13 hours', last_seen_at = now()`.execute(t.database.db);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('logs a deactivated user out at once and refuses new logins', async () => {
    const admin = await t.login('admin@stockholm.example');
    const user = await admin.post('/api/users', { email: 'kort@stockholm.example', name: 'Kort Tid', password: 'ett-langt-losenord-1', roles: [] });
    const c = await t.login('kort@stockholm.example', 'ett-langt-losenord-1');
    expect((await admin.patch(`/api/users/${user.json().id}`, { active: false })).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/session', { email: 'kort@stockholm.example', password: 'ett-langt-losenord-1' })).statusCode).toBe(401);
  });

  it('saves the chosen language on the account', async () => {
    const c = await t.login('enhetschef@stockholm.example');
    const res = await c.patch('/api/me', { language: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.language).toBe('en');
  });
});

describe('[AUTH] login rate limit per IP', () => {
  it('answers 429 after the configured number of login attempts in a minute', async () => {
    const t = await startTestApp('pglite', { rateLimit: { perMinute: 1000, loginPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.anonymous.post('/api/session', { email: 'x@y.se', password: 'zzzzzzzzzzzzzzzz' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('[AUTH] cookies over HTTPS', () => {
  it('marks the session cookie Secure when Värna is served over HTTPS', async () => {
    const t = await startTestApp('pglite', { secureCookies: true });
    try {
      const res = await t.anonymous.post('/api/session', { email: 'central@stockholm.example', password: 'varna-demo-losenord' });
      expect(res.cookies.find((c) => c.name === 'varna_session')!.secure).toBe(true);
    } finally {
      await t.close();
    }
  });
});
