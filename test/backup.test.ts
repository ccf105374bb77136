import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { emptyDatabase, varna } from './helpers/cli.js';
import { testDatabaseKinds } from './helpers/databases.js';

const PDF = Buffer.from('%PDF-1.4\n% protokollsutdrag\n%%EOF\n');

// Each step starts the CLI as its own process (tsx, migrations): allow for a busy machine.
const SLOW = 600_000;

/** Every table of the schema with its row count: what a restore must give back. */
async function rowCounts(h: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' order by 1`.execute(h.db);
  const counts: Record<string, number> = {};
  for (const { t } of tables.rows) counts[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(h.db)).rows[0].n;
  return counts;
}

describe.each(await testDatabaseKinds())('[OPERATIONS] backup and restore on %s', (kind) => {
  let source: Awaited<ReturnType<typeof emptyDatabase>>;
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  let before: Record<string, number>;
  let attachmentId: string;
  const dir = mkdtempSync(join(tmpdir(), 'varna-backup-'));
  const file = join(dir, 'varna.backup');

  beforeAll(async () => {
    source = await emptyDatabase(kind);
    target = await emptyDatabase(kind);
    const h = await source.open();
    try {
      await migrateToLatest(h.db);
      await seedDemo(h.db);
      // An attached file: the attachment store is part of every backup.
      const m = await h.db.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
      const a = await h.db.insertInto('attachment').values({ municipality_id: m.id, name: 'protokoll.pdf', content_type: 'application/pdf', size: PDF.length, sha256: 'x' }).returning('id').executeTakeFirstOrThrow();
      await h.db.insertInto('attachment_content').values({ attachment_id: a.id, bytes: PDF }).execute();
      attachmentId = a.id;
      before = await rowCounts(h);
    } finally {
      await h.close();
    }
  }, SLOW);
  afterAll(async () => {
    await source.drop();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup and restores it into an empty database: every row back, the audit chain intact', async () => {
    expect(before.audit_log).toBeGreaterThan(0);
    expect(before.app_user).toBeGreaterThan(0);
    const backup = await varna(source.env, ['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`written to ${file}`);
    const restore = await varna(target.env, ['restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    const h = await target.open();
    try {
      expect(await rowCounts(h)).toEqual(before);
      // The demo holds files of its own (the library's): read back the one written above.
      const file = await h.db.selectFrom('attachment_content').select('bytes').where('attachment_id', '=', attachmentId).executeTakeFirstOrThrow();
      expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
    } finally {
      await h.close();
    }
    const verify = await varna(target.env, ['audit', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, SLOW);

  it('never restores over data: a database that is not empty is refused and left as it was', async () => {
    const again = await varna(target.env, ['restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/inte tom/);
    const h = await target.open();
    try {
      expect(await rowCounts(h)).toEqual(before);
    } finally {
      await h.close();
    }
  }, SLOW);

  it('refuses a file that is no backup, and a backup of the other kind of database, saying which it is', async () => {
    const fresh = await emptyDatabase(kind);
    try {
      const junk = join(dir, 'junk.txt');
      writeFileSync(junk, 'inte en säkerhetskopia');
      const bad = await varna(fresh.env, ['restore', junk]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('ingen säkerhetskopia från Värna');
      const other = join(dir, 'other.backup');
      writeFileSync(other, kind === 'pglite' ? 'PGDMP-rest-of-a-dump' : Buffer.from([0x1f, 0x8b, 8, 0]));
      const wrongKind = await varna(fresh.env, ['restore', other]);
      expect(wrongKind.code).toBe(1);
      expect(wrongKind.stderr).toContain(kind === 'pglite' ? 'PostgreSQL-server' : 'den inbyggda databasen');
    } finally {
      await fresh.drop();
    }
  }, SLOW);
});
