import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/2026_11_23_0001_organisations_accounts_audit.js';
import * as m0003 from './migrations/2026_11_23_0003_situation.js';
import * as m0004 from './migrations/2026_11_23_0004_training.js';
import * as m0002 from './migrations/2026_11_23_0002_plans.js';
import * as m0005 from './migrations/2026_11_23_0005_followup.js';
import * as m0006 from './migrations/2026_11_23_0006_login_failures.js';
import * as m0007 from './migrations/2026_12_02_0007_audit_log_guard.js';
import * as m0008 from './migrations/2026_12_02_0008_user_identity.js';
import * as m0009 from './migrations/2026_12_02_0009_login_throttle_secret.js';
import * as m0010 from './migrations/2026_12_02_0010_audit_tracking_attachments.js';
import * as m0011 from './migrations/2026_12_02_0011_plan_decisions_revision.js';
import * as m0012 from './migrations/2026_12_02_0012_training_coverage_indexes.js';
import * as m0013 from './migrations/2026_12_02_0013_report_summary.js';
import * as m0015 from './migrations/2026_12_02_0015_followup_deadlines.js';
import * as m0017 from './migrations/2026_12_03_0017_grant_vetting.js';
import * as m0018 from './migrations/2026_12_03_0018_collaboration.js';
import * as m0019 from './migrations/2026_12_04_0019_public_hub.js';
import * as m0020 from './migrations/2026_12_04_0020_rate_limit_window.js';
import * as m0021 from './migrations/2026_12_04_0021_notifications.js';
import * as m0022 from './migrations/2026_12_04_0022_training_board_counts.js';
import * as m0023 from './migrations/2026_12_05_0023_report_counts.js';

/**
 * Migrations are listed explicitly (not read from a folder) so they work the same from source,
 * from tests and from a bundled build. Add new ones at the end; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '2026_11_23_0001_organisations_accounts_audit': m0001,
  '2026_11_23_0003_situation': m0003,
  '2026_11_23_0004_training': m0004,
  '2026_11_23_0002_plans': m0002,
  '2026_11_23_0005_followup': m0005,
  '2026_11_23_0006_login_failures': m0006,
  '2026_12_02_0007_audit_log_guard': m0007,
  '2026_12_02_0008_user_identity': m0008,
  '2026_12_02_0009_login_throttle_secret': m0009,
  '2026_12_02_0010_audit_tracking_attachments': m0010,
  '2026_12_02_0011_plan_decisions_revision': m0011,
  '2026_12_02_0012_training_coverage_indexes': m0012,
  '2026_12_02_0013_report_summary': m0013,
  '2026_12_02_0015_followup_deadlines': m0015,
  '2026_12_03_0017_grant_vetting': m0017,
  '2026_12_03_0018_collaboration': m0018,
  '2026_12_04_0019_public_hub': m0019,
  '2026_12_04_0020_rate_limit_window': m0020,
  '2026_12_04_0021_notifications': m0021,
  '2026_12_04_0022_training_board_counts': m0022,
  '2026_12_05_0023_report_counts': m0023,
};

/** The migrations this code knows, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

class ListedMigrations implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

/**
 * True when the database has applied exactly the migrations this code knows: the usual start, told
 * by two small reads instead of the migrator's own set-up (its catalogue checks and lock took a
 * quarter of a second of every start on the embedded database). Anything else, a new database, a
 * pending migration or one this code does not know, goes through the migrator, which applies or
 * refuses as before.
 */
async function appliedExactly(db: Database): Promise<boolean> {
  const table = await sql<{ t: string | null }>`select to_regclass('public.kysely_migration')::text as t`.execute(db);
  if (!table.rows[0]?.t) return false;
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return applied.rows.length === MIGRATION_NAMES.length && applied.rows.every((r, i) => r.name === MIGRATION_NAMES[i]);
}

export async function migrateToLatest(db: Database): Promise<void> {
  if (await appliedExactly(db)) return;
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` in ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

/**
 * Names of the migrations this code knows that the database has not applied (the readiness check,
 * which a load balancer asks every few seconds: the usual answer, none, costs the same two reads).
 */
export async function pendingMigrations(db: Database): Promise<string[]> {
  if (await appliedExactly(db)) return [];
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
