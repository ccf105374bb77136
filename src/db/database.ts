import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from './pglite-dialect.js';
import { withAuditAnchor } from './audit-anchor.js';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { mkdirSync } from 'node:fs';
import { copyTemplateTo, readTemplate } from './template.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** The server's connection pool (PostgreSQL only), for the /metrics gauges. */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL server's driver, loaded only when a server is used: the embedded database starts
 * without it. pg returns int8 (COUNT, SUM) and numeric as strings; PGlite returns numbers. They are
 * normalised here, once, so every repository sees numbers on both databases.
 */
async function serverDriver(): Promise<typeof pg> {
  const driver = (await import('pg')).default;
  driver.types.setTypeParser(20, (v) => Number(v));
  driver.types.setTypeParser(1700, (v) => Number(v));
  // DATE columns stay 'YYYY-MM-DD' strings, as in the API, instead of midnight-local Date objects.
  driver.types.setTypeParser(1082, (v) => v);
  return driver;
}

/**
 * Värna's own sessions carry this application_name; the audit log's guard trigger (migration 0007)
 * refuses UPDATE, DELETE and TRUNCATE of the log to them whatever role they run as.
 */
export const APPLICATION_NAME = 'varna';

/**
 * Opens PostgreSQL: a server when `databaseUrl` is given, else embedded PGlite in `dataDir` (or
 * memory). With `auditAnchor`, the audit chain's head is appended to that file after every
 * committed audit write (src/db/audit-anchor.ts). With `fromTemplate`, an embedded database that
 * does not exist yet (a new or empty data folder, or memory) starts as a copy of the build's
 * migrated template (src/db/template.ts).
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string | 'memory'; auditAnchor?: string; fromTemplate?: boolean }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new (await serverDriver()).Pool({ connectionString: opts.databaseUrl, max: 10, application_name: APPLICATION_NAME });
    // An idle client dropped by the server (restart, admin terminate) emits 'error' on the pool;
    // unhandled it would crash the process. The pool replaces the client on next use.
    pool.on('error', (err) => console.warn(`PostgreSQL idle client error: ${err.message}`));
    const db = new Kysely<DB>({ dialect: withAuditAnchor(new PostgresDialect({ pool }), opts.auditAnchor) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const dir = opts.dataDir && opts.dataDir !== 'memory' ? opts.dataDir : undefined;
  // A new or empty data folder is copied from the template when there is one; memory loads its tarball.
  if (dir && opts.fromTemplate) copyTemplateTo(dir);
  if (dir) mkdirSync(dir, { recursive: true });
  const loadDataDir = !dir && opts.fromTemplate ? readTemplate() : undefined;
  const pglite = await PGlite.create(dir, {
    parsers: { 1082: (v: string) => v },
    ...(loadDataDir && { loadDataDir }),
  });
  await pglite.exec(`set application_name = '${APPLICATION_NAME}'`);
  const db = new Kysely<DB>({ dialect: withAuditAnchor(new PGliteDialect({ pglite }), opts.auditAnchor) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
