import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { MIGRATION_NAMES, migrateToLatest, pendingMigrations } from '../src/db/migrate.js';

/**
 * Every start calls migrateToLatest. On a database that has applied exactly this code's migrations
 * it returns after two small reads; anything else must still reach the migrator, which applies what
 * is pending and refuses a database a newer version has migrated.
 */

let open: DatabaseHandle | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function migrated(): Promise<DatabaseHandle> {
  open = await openDatabase({ dataDir: 'memory', fromTemplate: true });
  await migrateToLatest(open.db);
  return open;
}

describe('migrations at start', () => {
  it('an up-to-date database starts as it is, again and again', async () => {
    const { db } = await migrated();
    await migrateToLatest(db);
    await migrateToLatest(db);
    expect(await pendingMigrations(db)).toEqual([]);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows.rows.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
  });

  it('a pending migration is run, not skipped', async () => {
    const { db } = await migrated();
    const last = MIGRATION_NAMES[MIGRATION_NAMES.length - 1];
    // The record of the last migration is gone while what it made is still there: the migrator runs
    // it again and it fails on its own objects, which shows it was not skipped.
    await sql`delete from kysely_migration where name = ${last}`.execute(db);
    expect(await pendingMigrations(db)).toEqual([last]);
    await expect(migrateToLatest(db)).rejects.toThrow(`Migration failed in ${last}`);
  });

  it('a database migrated by a newer version of Värna is refused', async () => {
    const { db } = await migrated();
    await sql`insert into kysely_migration (name, timestamp) values ('2099_01_01_0999_from_a_newer_version', now()::text)`.execute(db);
    await expect(migrateToLatest(db)).rejects.toThrow(/2099_01_01_0999_from_a_newer_version/);
  });
});
