import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest, pendingMigrations } from '../src/db/migrate.js';
import { copyTemplateTo, expectedManifest, readTemplate, TEMPLATE_DIR } from '../src/db/template.js';

/**
 * `npm start` on an empty data folder copies the build's migrated template (dist/database, built
 * by test/global-setup.ts as by npm start) instead of running initdb and the migrations. The copy
 * must be the database initdb and the migrations make, hold nothing else, and never replace a
 * folder that has a database.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'varna-template-'));
  dirs.push(d);
  return d;
}

/** Everything the migrations define: columns, constraints, indexes, triggers and functions, as text. */
async function schemaOf(db: Database): Promise<string[]> {
  const parts = await Promise.all([
    sql<{ x: string }>`select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as x
      from information_schema.columns where table_schema = 'public'`.execute(db),
    sql<{ x: string }>`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as x
      from pg_constraint where connamespace = 'public'::regnamespace`.execute(db),
    sql<{ x: string }>`select indexdef as x from pg_indexes where schemaname = 'public'`.execute(db),
    sql<{ x: string }>`select tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) as x from pg_trigger where not tgisinternal`.execute(db),
    sql<{ x: string }>`select proname || ' ' || md5(prosrc) as x from pg_proc where pronamespace = 'public'::regnamespace`.execute(db),
  ]);
  return parts.flatMap((p) => p.rows.map((r) => r.x)).sort();
}

describe('a new embedded database starts from the build’s template', () => {
  it('is the database that initdb and the migrations make, with every migration recorded and no data', async () => {
    const dir = join(tempDir(), 'data');
    const copy = await openDatabase({ dataDir: dir, fromTemplate: true });
    const made = await openDatabase({ dataDir: 'memory' });
    try {
      expect(await pendingMigrations(copy.db)).toEqual([]);
      await migrateToLatest(made.db);
      const schema = await schemaOf(copy.db);
      expect(schema.length).toBeGreaterThan(300);
      expect(schema).toEqual(await schemaOf(made.db));
      // No municipality, account, audit entry or instance secret: nothing shared between installations.
      const counts = await sql<{ n: number }>`select (select count(*) from municipality) + (select count(*) from app_user)
        + (select count(*) from audit_log) + (select count(*) from instance_secret) as n`.execute(copy.db);
      expect(Number(counts.rows[0].n)).toBe(0);
      // And it works as a database: a write survives closing and opening the folder again.
      await copy.db.insertInto('municipality').values({ name: 'Mallstad' }).execute();
    } finally {
      await copy.close();
      await made.close();
    }
    const again = await openDatabase({ dataDir: dir, fromTemplate: true });
    try {
      expect((await again.db.selectFrom('municipality').select('name').execute()).map((m) => m.name)).toEqual(['Mallstad']);
    } finally {
      await again.close();
    }
  });

  it('fills an empty folder, and never one that holds anything', () => {
    const parent = tempDir();
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    expect(copyTemplateTo(empty)).toBe(true);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
    // Nothing left beside it from the copy.
    expect(readdirSync(parent)).toEqual(['empty']);
    const used = join(parent, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'mine');
    expect(copyTemplateTo(used)).toBe(false);
    expect(readdirSync(used)).toEqual(['notes.txt']);
  });

  it('is used only when it was built by the installed PGlite for exactly the migrations this code knows', () => {
    expect(readTemplate()).toBeInstanceOf(Blob);
    const dir = join(tempDir(), 'template');
    cpSync(TEMPLATE_DIR, dir, { recursive: true });
    const write = (manifest: object) => writeFileSync(join(dir, 'template.json'), JSON.stringify(manifest));
    const target = () => join(tempDir(), 'data');
    const expected = expectedManifest();
    write(expected);
    expect(readTemplate(dir)).toBeInstanceOf(Blob);
    expect(copyTemplateTo(target(), dir)).toBe(true);
    for (const manifest of [
      { ...expected, pglite: '0.0.1' },
      { ...expected, migrations: expected.migrations.slice(0, -1) },
      { ...expected, migrations: [...expected.migrations, '2099_01_01_9999_from_the_future'] },
    ]) {
      write(manifest);
      expect(readTemplate(dir)).toBeUndefined();
      const data = target();
      expect(copyTemplateTo(data, dir)).toBe(false);
      expect(existsSync(data)).toBe(false);
    }
    writeFileSync(join(dir, 'template.json'), '{ not json');
    expect(readTemplate(dir)).toBeUndefined();
    rmSync(join(dir, 'template.json'));
    expect(readTemplate(dir)).toBeUndefined();
    expect(copyTemplateTo(target(), dir)).toBe(false);
  });
});
