import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildServer } from '../../src/server.js';
import { loginThrottleKeys } from '../../src/modules/auth/service.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../src/http/session-cookie.js';
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
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    // Over plain http: no __Host- prefix (browsers would drop it) and no HSTS.
    expect(res.cookies.map((c) => c.name)).toEqual([SESSION_COOKIE]);
    expect(res.headers['strict-transport-security']).toBeUndefined();
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

  /** A login attempt from a given client address (the socket's: no proxy is trusted). */
  const attempt = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress });

  it('refuses an address after five failed logins on an account, even with the right password', async () => {
    for (let i = 0; i < 5; i++) await attempt('revisor@stockholm.example', `gissning-nummer-${i}-xx`, '203.0.113.10');
    const res = await attempt('revisor@stockholm.example', 'varna-demo-losenord', '203.0.113.10');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
  });

  it('does not let failures from elsewhere lock the real user out: the account is slowed, not locked', async () => {
    const email = 'enhetschef@stockholm.example';
    // An attacker fails from two addresses until the first is refused.
    for (let i = 0; i < 5; i++) await attempt(email, `gissning-nummer-${i}-xx`, '203.0.113.20');
    for (let i = 0; i < 2; i++) await attempt(email, `gissning-nummer-${i}-yy`, '203.0.113.21');
    expect((await attempt(email, 'varna-demo-losenord', '203.0.113.20')).statusCode).toBe(429);
    // The real user, at their own address, still gets in (after a short delay).
    const own = await attempt(email, 'varna-demo-losenord', '198.51.100.5');
    expect(own.statusCode).toBe(200);
  });

  it('refuses an address that has failed on thirty accounts, for every account, and no other address', async () => {
    for (let i = 0; i < 30; i++) await attempt(`okand${i}@stockholm.example`, 'fel-losenord-som-ar-langt', '203.0.113.30');
    const res = await attempt('central@stockholm.example', 'varna-demo-losenord', '203.0.113.30');
    expect(res.statusCode).toBe(429);
    expect((await attempt('central@stockholm.example', 'varna-demo-losenord', '198.51.100.6')).statusCode).toBe(200);
  });

  it('keeps a lock across a restart, stores no e-mail or IP address nor a plain hash of one, and lets it lapse after 15 minutes', async () => {
    const email = 'politiker@stockholm.example';
    const ip = '203.0.113.40';
    for (let i = 0; i < 5; i++) await attempt(email, `gissning-nummer-${i}-xx`, ip);
    // A second server on the same database (a restart, or another process) sees the same lock.
    const restarted = await buildServer({ config: t.app.config, database: t.database, logger: false });
    try {
      const res = await restarted.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'varna-demo-losenord' }, remoteAddress: ip });
      expect(res.statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
    // The lock lives in the database (not in process memory): five failures under each of the
    // account, the address and the two together, keyed by an HMAC under the installation's secret.
    const keys = await loginThrottleKeys(t.database.db, email, ip);
    const rows = await t.database.db.selectFrom('login_failure').select('key_hash').where('key_hash', 'in', [keys.account, keys.ip, keys.pair]).execute();
    expect(rows).toHaveLength(15);
    const stored = await sql<{ text: string }>`select string_agg(key_hash, ' ') as text from login_failure`.execute(t.database.db);
    expect(stored.rows[0].text).not.toContain('politiker');
    expect(stored.rows[0].text).not.toContain(ip);
    // A plain hash of an address could be reversed by hashing all 2^32 of them; none is stored.
    for (const plain of [`ip:${ip}`, `account:${email}`]) expect(stored.rows[0].text).not.toContain(createHash('sha256').update(plain).digest('hex'));
    await sql`update login_failure set failed_at = failed_at - interval '15 minutes'`.execute(t.database.db);
    const later = await attempt(email, 'varna-demo-losenord', ip);
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
    const before = (await c.get('/api/me')).json();
    const res = await c.patch('/api/me', { language: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.language).toBe('en');
    // GET /api/me reads the profile with the session: the next read has the change, and nothing else moved.
    const after = (await c.get('/api/me')).json();
    expect(after).toEqual({ ...before, user: { ...before.user, language: 'en' } });
    expect(after).toEqual(res.json());
  });
});

describe('[AUTH] rate limits per client address', () => {
  it('answers 429 after the configured number of login attempts in a minute, whatever X-Forwarded-For says', async () => {
    const t = await startTestApp('pglite', { rateLimit: { perMinute: 1000, loginPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.anonymous.request('POST', '/api/session', { email: 'x@y.se', password: 'zzzzzzzzzzzzzzzz' }, { 'x-forwarded-for': `203.0.113.${i}` });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  it('believes X-Forwarded-For only from a proxy listed in VARNA_TRUST_PROXY', async () => {
    const t = await startTestApp('pglite', { rateLimit: { perMinute: 1000, loginPerMinute: 3 }, trustProxy: ['127.0.0.1/32'] });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.anonymous.request('POST', '/api/session', { email: 'x@y.se', password: 'zzzzzzzzzzzzzzzz' }, { 'x-forwarded-for': `203.0.113.${i}` });
        codes.push(res.statusCode);
      }
      // Four clients behind the trusted proxy, one attempt each.
      expect(codes).toEqual([401, 401, 401, 401]);
      // The same header from an address that is not the proxy is ignored.
      const direct = () => t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'x@y.se', password: 'zzzzzzzzzzzzzzzz' }, remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': '203.0.113.0' } });
      const direct3 = [await direct(), await direct(), await direct(), await direct()].map((r) => r.statusCode);
      expect(direct3).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  it('rate-limits requests without a session too, before looking any session up', async () => {
    const t = await startTestApp('pglite', { rateLimit: { perMinute: 5, loginPerMinute: 100 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await t.anonymous.request('GET', '/api/me', undefined, { cookie: `${SESSION_COOKIE}=forged-${i}` })).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const limited = await t.anonymous.get('/api/health');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});

describe('[AUTH] cookies over HTTPS', () => {
  it('names the session cookie __Host-varna_session, Secure, Path=/ and without Domain, and sends HSTS', async () => {
    const t = await startTestApp('pglite', { secureCookies: true, publicUrl: 'https://varna.example.se' });
    try {
      const res = await t.anonymous.post('/api/session', { email: 'central@stockholm.example', password: 'varna-demo-losenord' });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)!;
      expect(cookie).toBeDefined();
      expect(cookie.secure).toBe(true);
      expect(cookie.path).toBe('/');
      expect(cookie.domain).toBeUndefined();
      expect(cookie.httpOnly).toBe(true);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      // The server reads the prefixed cookie, and only that one.
      const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SECURE_SESSION_COOKIE]: cookie.value } });
      expect(me.statusCode).toBe(200);
      const unprefixed = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { [SESSION_COOKIE]: cookie.value } });
      expect(unprefixed.statusCode).toBe(401);
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', cookies: { [SECURE_SESSION_COOKIE]: cookie.value }, headers: { 'x-csrf-token': res.json().csrfToken } });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)?.value).toBe('');
    } finally {
      await t.close();
    }
  });
});
