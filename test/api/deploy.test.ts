import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';
import { buildServer } from '../../src/server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createServerDatabase, createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';
import { freePort, startServer, stop } from '../helpers/server-process.js';

const kinds = await testDatabaseKinds();

describe('[DEPLOY] configuration defaults', () => {
  it('seeds demo data by default only for npm start on the embedded database with NODE_ENV unset', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/varna' }).demo).toBe(false);
    expect(loadConfig({ VARNA_DEMO: '0' }).demo).toBe(false);
    // Only on purpose: VARNA_DEMO=1 turns it on anywhere.
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/varna', VARNA_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', VARNA_DEMO: '1' }).demo).toBe(true);
  });

  it('refuses a port or public address it cannot use, naming the variable and what it takes', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
    for (const PORT of ['abc', '0', '70000', '80.5']) expect(() => loadConfig({ PORT }), PORT).toThrow(/^PORT must be a port number from 1 to 65535, not "/);
    expect(loadConfig({ VARNA_PUBLIC_URL: 'https://varna.kommun.example' }).publicUrl).toBe('https://varna.kommun.example');
    for (const url of ['varna.kommun.se', 'ftp://varna.kommun.se']) expect(() => loadConfig({ VARNA_PUBLIC_URL: url }), url).toThrow(/^VARNA_PUBLIC_URL must be the address users open/);
  });

  it('a setting it cannot use stops the start before anything opens: the message names it, exit code 2', async () => {
    const server = startServer({ PORT: 'abc', VARNA_DATA_DIR: 'memory' });
    await expect(server.ready).rejects.toThrow(/exited with 2: Värna cannot start: PORT must be a port number from 1 to 65535, not "abc"\./);
  });

  it('listens on the loopback interface unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy unless VARNA_TRUST_PROXY lists some, and serves cookies Secure only behind https', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ VARNA_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ VARNA_PUBLIC_URL: 'https://varna.kommun.se' }).secureCookies).toBe(true);
  });
});

describe.each(kinds)('[DEPLOY] demo mode on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('says demo while a demo account is active, to anyone, and not once they are all deactivated', async () => {
    const before = await t.anonymous.get('/api/instance');
    expect(before.statusCode).toBe(200);
    // The municipality too: the public pages (no login) start from it.
    expect(before.json()).toEqual({ demo: true, municipality: { id: expect.any(String), name: 'Stockholms stad' } });
    // The page itself says so too, so the banner is there with the first paint (npm test builds web/dist).
    const shell = await t.anonymous.get('/logga-in');
    expect(shell.headers['content-type']).toContain('text/html');
    expect(shell.body).toMatch(/<html data-demo\b/);
    await t.database.db.updateTable('app_user').set({ active: false }).where('email', 'in', DEMO_EMAILS).execute();
    try {
      expect((await t.anonymous.get('/api/instance')).json()).toMatchObject({ demo: false });
      expect((await t.anonymous.get('/logga-in')).body).not.toContain('data-demo');
    } finally {
      await t.database.db.updateTable('app_user').set({ active: true }).where('email', 'in', DEMO_EMAILS).execute();
    }
  });

  it('an installation without demo accounts is not in demo mode', async () => {
    const database = await createTestDatabase(kind);
    const app = await buildServer({ config: t.app.config, database, logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toMatchObject({ demo: false });
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('[DEPLOY] secrets stay out of the log', () => {
  it('logs requests without survey tokens, OIDC codes, passwords, cookies or CSRF tokens', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const database = await createTestDatabase('pglite');
    const config = { ...loadConfig({}), logLevel: 'info' };
    const app = await buildServer({ config, database, logStream });
    await app.ready();
    const token = randomBytes(32).toString('base64url');
    const secrets = { token, code: `kod-${randomBytes(12).toString('hex')}`, state: `tillstand-${randomBytes(12).toString('hex')}`, password: 'hemligt-losenord-som-ar-langt', cookie: randomBytes(24).toString('base64url'), csrf: randomBytes(24).toString('base64url') };
    try {
      await app.inject({ method: 'GET', url: `/api/public/surveys/${secrets.token}` });
      await app.inject({ method: 'POST', url: `/api/public/surveys/${secrets.token}`, payload: { answers: [] } });
      await app.inject({ method: 'GET', url: `/enkat/${secrets.token}` });
      await app.inject({ method: 'GET', url: `/api/session/oidc/callback?code=${secrets.code}&state=${secrets.state}` });
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'nagon@kommun.se', password: secrets.password },
        headers: { cookie: `${SESSION_COOKIE}=${secrets.cookie}`, 'x-csrf-token': secrets.csrf },
      });
    } finally {
      await app.close();
      await database.close();
    }
    const log = lines.join('\n');
    // The requests were logged (so the test looks at something), with the secrets replaced.
    expect(log).toContain('/api/public/surveys/[redacted]');
    expect(log).toContain('/enkat/[redacted]');
    expect(log).toContain('code=[redacted]');
    expect(log).toContain('"url":"/api/session"');
    for (const [name, secret] of Object.entries(secrets)) expect(log, `${name} in the log`).not.toContain(secret);
  });
});

describe.runIf(kinds.includes('postgres'))('[DEPLOY] a server started on an empty PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    database = await createServerDatabase('varna_test_deploy');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('seeds no demo data with NODE_ENV unset, listens on 127.0.0.1 and says how to create the first admin', async () => {
    const port = await freePort();
    const server = startServer({ DATABASE_URL: database.url, PORT: String(port) });
    try {
      await server.ready;
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/api/instance`)).json()).toMatchObject({ demo: false });
      const login = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@stockholm.example', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(401);
      expect(server.output()).toContain('Listening on this machine only');
      expect(server.output()).toContain('municipality create');
      expect(server.output()).not.toContain(DEMO_PASSWORD);
    } finally {
      await stop(server.child);
    }
    const h = await openDatabase({ databaseUrl: database.url });
    try {
      expect(await h.db.selectFrom('municipality').select('id').execute()).toEqual([]);
      expect(await h.db.selectFrom('app_user').select('id').execute()).toEqual([]);
    } finally {
      await h.close();
    }
    // Starts a server process (tsx, migrations on a new database): allow for a busy machine.
  }, 300_000);
});
