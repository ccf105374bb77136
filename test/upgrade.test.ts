import { PGlite } from '@electric-sql/pglite';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { serveTestApp, type TestApp } from './helpers/app.js';
import { emptyDatabase, varna } from './helpers/cli.js';
import { testDatabaseKinds } from './helpers/databases.js';

/**
 * Upgrading a database written by the previous release: the first round's schema (migrations
 * 0001–0006) with its demo data, as `pg_dump --inserts` wrote it from a PostgreSQL server on
 * 2026-11-23 (test/fixtures/README.md says how it was made). It is loaded as an operator restores
 * a dump, then today's Värna migrates it and must keep every record, the audit chain and the logins.
 */
const DUMP = gunzipSync(readFileSync('test/fixtures/release-2026-11-23-demo.sql.gz')).toString('utf8');
const MIGRATIONS = readdirSync('src/db/migrations').filter((f) => f.endsWith('.ts')).length;
const SLOW = 600_000;

/** Every table of the schema with its row count. */
async function rowCounts(db: DatabaseHandle['db']): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { t } of tables.rows) counts[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0].n;
  return counts;
}

/** Loads the dump as psql would: one session, its SET statements included. */
async function loadDump(kind: 'pglite' | 'postgres', env: Record<string, string>) {
  if (kind === 'pglite') {
    const db = await PGlite.create(env.VARNA_DATA_DIR);
    await db.exec(DUMP);
    await db.close();
  } else {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(DUMP);
    } finally {
      await client.end();
    }
  }
}

describe.each(await testDatabaseKinds())('[OPERATIONS] upgrade from the previous release on %s', (kind) => {
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  let before: Record<string, number>;
  let plansBefore: { board: string; year: number; activities: number }[];
  let t: TestApp | undefined;

  beforeAll(async () => {
    target = await emptyDatabase(kind);
    await loadDump(kind, target.env);
    const h = await target.open();
    try {
      before = await rowCounts(h.db);
      plansBefore = (
        await sql<{ board: string; year: number; activities: number }>`
          select b.name as board, p.year, count(a.id)::int as activities
          from plan p join board b on b.id = p.board_id left join plan_activity a on a.plan_id = p.id
          group by b.name, p.year order by 1, 2`.execute(h.db)
      ).rows;
    } finally {
      await h.close();
    }
  }, SLOW);
  afterAll(async () => {
    await t?.close();
    await target.drop();
  });

  it('the dump is the previous release: six migrations, the demo municipality, plans and an audit log', () => {
    expect(before.kysely_migration).toBe(6);
    expect(before.attachment).toBeUndefined();
    expect(before.app_user).toBeGreaterThan(5);
    expect(before.audit_log).toBeGreaterThan(100);
    expect(plansBefore.length).toBeGreaterThan(2);
  });

  it('migrates to today’s schema keeping every record of the release', async () => {
    const h = await target.open();
    try {
      await migrateToLatest(h.db);
      const after = await rowCounts(h.db);
      expect(after.kysely_migration).toBe(MIGRATIONS);
      for (const [table, n] of Object.entries(before)) {
        if (table === 'kysely_migration') continue;
        expect({ table, n: after[table] }).toEqual({ table, n });
      }
    } finally {
      await h.close();
    }
  }, SLOW);

  it('the audit chain written by the previous release still verifies', async () => {
    const verify = await varna(target.env, ['audit', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, SLOW);

  it('the release’s users log in and read their plans; a new capability writes on top, and the chain goes on', async () => {
    const h = await target.open();
    t = await serveTestApp(h);
    const eav = await t.login('eav@stockholm.example');
    const plans = await eav.get('/api/plans');
    expect(plans.statusCode).toBe(200);
    const mine = (plans.json() as { id: string; boardName: string; year: number }[]).filter((p) => p.boardName === 'Enskede-Årsta-Vantör');
    const expected = plansBefore.filter((p) => p.board === 'Enskede-Årsta-Vantör');
    expect(mine.map((p) => p.year).sort()).toEqual(expected.map((p) => p.year).sort());
    for (const p of mine) {
      const detail = await eav.get(`/api/plans/${p.id}`);
      expect(detail.statusCode).toBe(200);
      expect((detail.json() as { activities: unknown[] }).activities.length).toBe(expected.find((e) => e.year === p.year)!.activities);
    }
    // Collaboration did not exist in the release: it works on the upgraded data.
    const boardId = await t.boardId('Enskede-Årsta-Vantör');
    const partner = await eav.post('/api/partners', { name: 'Lokalpolisområde Globen', type: 'police', boardIds: [boardId], contacts: [{ role: 'Kommunpolis', mailbox: 'kommunpolis.globen@exempel.se' }] });
    expect(partner.statusCode, partner.body).toBe(201);
    await t.close();
    t = undefined;
    const verify = await varna(target.env, ['audit', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, SLOW);
});
