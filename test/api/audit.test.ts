import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { parseAnchor } from '../../src/domain/audit-chain.js';
import { recordAudit, verifyAudit } from '../../src/modules/audit/service.js';

const count = async (db: Database) => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const lastSeq = async (db: Database) => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirstOrThrow()).s);

/**
 * What someone with the database's superuser password (or the embedded database's files) can do
 * in a session of their own: the guard trigger lets them through, as they could drop it anyway.
 * This is the attacker `audit verify` and the anchor are for.
 */
async function asOutsideSuperuser(db: Database, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    await sql`set local application_name = 'psql'`.execute(trx);
    await statement.execute(trx);
  });
}

const system = { system: 'test', municipalityId: null };
const write = (db: Database, n: number) => db.transaction().execute((trx) => recordAudit(trx, system, { action: 'test.write', entity: 'test', summary: { n } }));

describe.each(await testDatabaseKinds())('[AUDIT] audit log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('chains every entry to the one before it, numbered 1…n, and verifies intact after the demo seed and logins', async () => {
    await t.login('central@stockholm.example');
    const auditor = await t.login('revisor@stockholm.example');
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const n = await count(t.database.db);
    expect(res.json()).toEqual({ ok: true, checked: n, anchoredTo: null });
    expect(await lastSeq(t.database.db)).toBe(n);
    expect(n).toBeGreaterThan(100);
  });

  it('leaves no gap in the numbering when a write that was audited is rolled back', async () => {
    const before = await lastSeq(t.database.db);
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, system, { action: 'test.write', entity: 'test', summary: {} });
        throw new Error('the change failed after it was audited');
      }),
    ).rejects.toThrow('the change failed');
    await write(t.database.db, 1);
    expect(await lastSeq(t.database.db)).toBe(before + 1);
    expect((await verifyAudit({ db: t.database.db })).ok).toBe(true);
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

  it('names the actor and the board of each entry, for the log page\'s sentences', async () => {
    const auditor = await t.login('revisor@stockholm.example');
    const entries = (await auditor.get('/api/audit?limit=200')).json() as { actorEmail: string | null; actorName: string | null; boardId: string | null; boardName: string | null }[];
    const own = entries.find((e) => e.actorEmail === 'revisor@stockholm.example');
    expect(own?.actorName).toBe('Rut Revisor');
    const onBoard = entries.find((e) => e.boardId);
    expect(onBoard?.boardName).toEqual(expect.any(String));
  });

  it('pages backwards with ?before=', async () => {
    const auditor = await t.login('revisor@stockholm.example');
    const first = (await auditor.get('/api/audit?limit=5')).json();
    const next = (await auditor.get(`/api/audit?limit=5&before=${first[4].seq}`)).json();
    expect(next[0].seq).toBeLessThan(first[4].seq);
  });

  describe('entries about concern reports', () => {
    let reportId: string;
    const entryOf = async (reader: Client, action: string) => {
      const res = await reader.get('/api/audit?limit=200');
      expect(res.statusCode).toBe(200);
      return res.json().find((e: { action: string; entityId: string }) => e.action === action && e.entityId === reportId) as
        | { boardId: string; actorEmail: string; summary: Record<string, unknown>; redacted: boolean }
        | undefined;
    };

    beforeAll(async () => {
      const eavBoard = await t.boardId('Enskede-Årsta-Vantör');
      const filer = await t.login('enhetschef@stockholm.example');
      const occurredOn = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
      const res = await filer.post('/api/concerns', {
        boardId: eavBoard,
        occurredOn,
        type: 'graffiti',
        environment: 'white_power',
        description: 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
      });
      expect(res.statusCode).toBe(201);
      reportId = res.json().id;
      expect((await (await t.login('eav@stockholm.example')).get(`/api/concerns/${reportId}`)).statusCode).toBe(200);
    });

    it('show the admin and the auditor who did what and when, but not the report’s type, environment or date', async () => {
      for (const email of ['revisor@stockholm.example', 'admin@stockholm.example']) {
        const reader = await t.login(email);
        for (const action of ['concerns.create', 'concerns.read']) {
          const e = await entryOf(reader, action);
          expect(e, `${email} sees ${action}`).toBeDefined();
          expect(e!.redacted).toBe(true);
          expect(JSON.stringify(e!.summary)).not.toMatch(/graffiti|white_power|occurredOn|type|environment|forwarded/);
        }
        expect((await entryOf(reader, 'concerns.create'))!.actorEmail).toBe('enhetschef@stockholm.example');
      }
    });

    it('show them whole inside the board, to whoever may list the board’s reports, and to the filer', async () => {
      for (const email of ['eav@stockholm.example', 'central@stockholm.example', 'enhetschef@stockholm.example']) {
        const e = await entryOf(await t.login(email), 'concerns.create');
        expect(e, email).toMatchObject({ redacted: false, summary: { type: 'graffiti', environment: 'white_power' } });
      }
    });

    it('keep the stored entry whole, so the chain still verifies', async () => {
      const row = await t.database.db.selectFrom('audit_log').select('summary').where('entity_id', '=', reportId).where('action', '=', 'concerns.create').executeTakeFirstOrThrow();
      const summary = typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary;
      expect(summary).toMatchObject({ type: 'graffiti', environment: 'white_power' });
      expect((await verifyAudit({ db: t.database.db })).ok).toBe(true);
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log to Värna’s own session, and nothing changes', async () => {
    const db = t.database.db;
    const n = await count(db);
    await expect(sql`update audit_log set actor_email = 'someone@else.se' where seq = 3`.execute(db)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`delete from audit_log where seq > ${n - 3}`.execute(db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await count(db)).toBe(n);
    expect((await verifyAudit({ db })).ok).toBe(true);
  });

  it('refuses them to a role that is not a superuser even in a session not marked as Värna’s', async () => {
    const role = `audit_test_${randomBytes(4).toString('hex')}`;
    // Everything happens in one transaction that the refusal rolls back, the role included.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await sql.raw(`create role ${role}`).execute(trx);
        await sql.raw(`grant select, update, delete on audit_log to ${role}`).execute(trx);
        await sql.raw(`set local role ${role}`).execute(trx);
        await sql`set local application_name = 'psql'`.execute(trx);
        await sql`delete from audit_log where seq = 1`.execute(trx);
      }),
    ).rejects.toThrow(/append-only: DELETE/);
    expect((await verifyAudit({ db: t.database.db })).ok).toBe(true);
  });

  it('names an entry deleted from the middle as a gap, even by someone the trigger does not stop', async () => {
    const db = t.database.db;
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 10).executeTakeFirstOrThrow();
    await asOutsideSuperuser(db, sql`delete from audit_log where seq = 10`);
    const admin = await t.login('admin@stockholm.example');
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: 10, reason: 'gap' });
    // Put it back as it was: the chain is whole again.
    await db.insertInto('audit_log').values({ ...row, summary: JSON.stringify(row.summary) }).execute();
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('reports the first tampered entry when a row is changed directly in the database', async () => {
    const target = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'users.create').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await asOutsideSuperuser(t.database.db, sql`update audit_log set summary = '{"email":"forged@example.se"}'::jsonb where seq = ${target.seq}`);
    const admin = await t.login('admin@stockholm.example');
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: Number(target.seq), reason: 'hash_mismatch' });
  });

  it('refuses verification to roles other than admin and auditor', async () => {
    const c = await t.login('central@stockholm.example');
    expect((await c.get('/api/audit/verify')).statusCode).toBe(403);
  });
});

describe.each(await testDatabaseKinds())('[AUDIT] the anchor outside the database on %s', (kind) => {
  let dir: string;
  let anchor: string;
  let h: DatabaseHandle;
  const heads = () => {
    const parsed = parseAnchor(readFileSync(anchor, 'utf8'));
    if (!parsed.ok) throw new Error(`anchor line ${parsed.line} unreadable`);
    return parsed.heads;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'varna-anchor-'));
    anchor = join(dir, 'anchor', 'audit-head');
    h = await createTestDatabase(kind, { auditAnchor: anchor });
    for (let i = 1; i <= 8; i++) await write(h.db, i);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('receives the chain’s head after each committed audit write, and verify checks the log against it', async () => {
    const head = await h.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(heads().at(-1)).toEqual({ seq: Number(head.seq), hash: head.hash });
    expect(heads().map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await verifyAudit({ db: h.db, anchor })).toEqual({ ok: true, checked: 8, anchoredTo: 8 });
  });

  it('never receives the head of a write that was rolled back', async () => {
    const before = heads();
    await expect(
      h.db.transaction().execute(async (trx) => {
        await recordAudit(trx, system, { action: 'test.write', entity: 'test', summary: {} });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(heads()).toEqual(before);
    expect(await verifyAudit({ db: h.db, anchor })).toMatchObject({ ok: true, checked: 8 });
  });

  it('catches the last entries cut off, which the chain alone cannot', async () => {
    await asOutsideSuperuser(h.db, sql`delete from audit_log where seq > 5`);
    expect(await verifyAudit({ db: h.db })).toEqual({ ok: true, checked: 5, anchoredTo: null });
    expect(await verifyAudit({ db: h.db, anchor })).toEqual({ ok: false, checked: 5, brokenAt: 6, reason: 'truncated', anchoredTo: 8 });
  });

  it('catches a cut end written over by new entries with the same numbers', async () => {
    await write(h.db, 60);
    await write(h.db, 70);
    await write(h.db, 80);
    expect(await lastSeq(h.db)).toBe(8);
    expect(await verifyAudit({ db: h.db, anchor })).toMatchObject({ ok: false, brokenAt: 6, reason: 'anchor_mismatch' });
  });

  it('fails when the configured anchor is missing while the log has entries', async () => {
    expect(await verifyAudit({ db: h.db, anchor: join(dir, 'no-such-anchor') })).toEqual({ ok: false, checked: 0, reason: 'anchor_missing' });
  });
});

describe('[AUDIT] npm run varna -- audit verify', () => {
  it('exits 0 on an intact log; with the anchor, exits 1 after the last 3 entries were deleted; without, says what it cannot show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varna-cli-'));
    const data = join(dir, 'data');
    const anchor = join(dir, 'audit-anchor');
    try {
      const h = await openDatabase({ dataDir: data, auditAnchor: anchor });
      await migrateToLatest(h.db);
      for (let i = 1; i <= 12; i++) await write(h.db, i);
      await h.close();
      expect(existsSync(anchor)).toBe(true);
      const run = (env: Record<string, string>) =>
        promisify(execFile)('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env: { ...process.env, VARNA_DATA_DIR: data, DATABASE_URL: '', VARNA_AUDIT_ANCHOR: '', ...env } })
          .then((r) => ({ code: 0, out: r.stdout }))
          .catch((e) => ({ code: e.code as number, out: e.stdout as string }));
      const ok = await run({ VARNA_AUDIT_ANCHOR: anchor });
      expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/intact: 12 entries verified[^]*anchor .* \(entry 12\)/) });

      // As the acceptance check does: a plain session on the embedded database's files.
      const raw = new PGlite(data);
      await raw.query('delete from audit_log where seq > (select max(seq) - 3 from audit_log)');
      await raw.close();

      const cut = await run({ VARNA_AUDIT_ANCHOR: anchor });
      expect(cut.code).toBe(1);
      expect(cut.out).toContain('BROKEN at entry 10 (truncated)');
      const blind = await run({});
      expect(blind.code).toBe(0);
      expect(blind.out).toContain('No anchor configured (VARNA_AUDIT_ANCHOR): that the end of the log has not been cut off cannot be shown.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Starts the CLI three times: allow for a busy machine.
  }, 180_000);
});
