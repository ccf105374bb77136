import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from './pglite-dialect.js';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// pg returns int8 (COUNT, SUM) and numeric as strings; PGlite returns numbers. Normalise here,
// once, so every repository sees numbers on both databases.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// DATE columns stay 'YYYY-MM-DD' strings, as in the API, instead of midnight-local Date objects.
pg.types.setTypeParser(1082, (v) => v);

/** Opens PostgreSQL: a server when `databaseUrl` is given, else embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string | 'memory' }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, admin terminate) emits 'error' on the pool;
    // unhandled it would crash the process. The pool replaces the client on next use.
    pool.on('error', (err) => console.warn(`PostgreSQL idle client error: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = opts.dataDir && opts.dataDir !== 'memory' ? opts.dataDir : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, {
    parsers: { 1082: (v: string) => v },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
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
