import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** The server the suite also runs against: TEST_DATABASE_URL, else DATABASE_URL, else the local one. */
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || 5432);
  const open = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: u.hostname, port, timeout: 1000 }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
  if (!open) return false;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let cached: DatabaseKind[] | undefined;

/**
 * PGlite always; the PostgreSQL server too when it answers. CI sets VARNA_REQUIRE_POSTGRES=1 so a
 * server that is down fails the run instead of quietly testing one database.
 */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  if (cached) return cached;
  const ok = await reachable(PG_ADMIN_URL);
  if (!ok && process.env.VARNA_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL server required but not reachable at ${PG_ADMIN_URL}`);
  cached = ok ? ['pglite', 'postgres'] : ['pglite'];
  return cached;
}

/** An empty database on the PostgreSQL server, under a unique name; `drop` removes it. */
export async function createServerDatabase(prefix = 'varna_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the server dropped on close.
 * PGlite starts from the build's template, as `npm start` does on an empty folder (a second, not
 * three, per database; test/database-template.test.ts proves the copy equals initdb plus the
 * migrations, and the server databases still run every migration).
 * `auditAnchor` anchors its audit writes in that file (src/db/audit-anchor.ts).
 */
export async function createTestDatabase(kind: DatabaseKind, opts: { auditAnchor?: string } = {}): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const h = await openDatabase({ dataDir: 'memory', auditAnchor: opts.auditAnchor, fromTemplate: true });
    await migrateToLatest(h.db);
    return h;
  }
  const server = await createServerDatabase();
  const h = await openDatabase({ databaseUrl: server.url, auditAnchor: opts.auditAnchor });
  await migrateToLatest(h.db);
  return {
    ...h,
    close: async () => {
      await h.close();
      await server.drop();
    },
  };
}
