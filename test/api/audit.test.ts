import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/demo/seed.js';

describe.each(await testDatabaseKinds())('[AUDIT] audit log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('chains every entry to the one before it, and verifies intact after the demo seed and logins', async () => {
    await t.login('central@stockholm.example');
    const auditor = await t.login('revisor@stockholm.example');
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const n = Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(res.json()).toEqual({ ok: true, checked: n });
    expect(n).toBeGreaterThan(100);
  });

  it('shows the whole municipality to an auditor but only own entries (and own board) to a contributor', async () => {
    const auditor = await t.login('revisor@stockholm.example');
    const all = (await auditor.get('/api/audit?limit=200')).json();
    expect(new Set(all.map((e: { actorEmail: string }) => e.actorEmail)).size).toBeGreaterThan(1);
    const contributor = await t.login('enhetschef@stockholm.example');
    const own = (await contributor.get('/api/audit?limit=200')).json();
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e: { actorEmail: string }) => e.actorEmail === 'enhetschef@stockholm.example')).toBe(true);
  });

  it('pages backwards with ?before=', async () => {
    const auditor = await t.login('revisor@stockholm.example');
    const first = (await auditor.get('/api/audit?limit=5')).json();
    const next = (await auditor.get(`/api/audit?limit=5&before=${first[4].seq}`)).json();
    expect(next[0].seq).toBeLessThan(first[4].seq);
  });

  it('reports the first tampered entry when a row is changed directly in the database', async () => {
    const target = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'users.create').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await sql`update audit_log set summary = '{"email":"forged@example.se"}'::jsonb where seq = ${target.seq}`.execute(t.database.db);
    const admin = await t.login('admin@stockholm.example');
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: Number(target.seq), reason: 'hash_mismatch' });
  });

  it('refuses verification to roles other than admin and auditor', async () => {
    const c = await t.login('central@stockholm.example');
    expect((await c.get('/api/audit/verify')).statusCode).toBe(403);
  });
});

describe('[AUDIT] npm run varna -- audit verify', () => {
  it('exits 0 on an intact log and 1 naming the broken entry after tampering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varna-cli-'));
    try {
      const h = await openDatabase({ dataDir: dir });
      await migrateToLatest(h.db);
      await seedDemo(h.db);
      await h.close();
      const run = () =>
        promisify(execFile)('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env: { ...process.env, VARNA_DATA_DIR: dir, DATABASE_URL: '' } })
          .then((r) => ({ code: 0, out: r.stdout }))
          .catch((e) => ({ code: e.code as number, out: e.stdout as string }));
      const ok = await run();
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/intact: \d+ entries verified/);

      const h2 = await openDatabase({ dataDir: dir });
      await sql`update audit_log set actor_email = 'someone@else.se' where seq = 7`.execute(h2.db);
      await h2.close();
      const broken = await run();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain('BROKEN at entry 7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Seeds a whole demo database and starts the CLI twice: allow for a busy machine.
  }, 180_000);
});
