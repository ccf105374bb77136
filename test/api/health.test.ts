import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { buildServer } from '../../src/server.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

describe.each(await testDatabaseKinds())('[HEALTH] liveness and readiness on %s', (kind) => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await buildServer({ config: loadConfig({}), database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close().catch(() => undefined);
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('says alive with the same answer as before, to anyone', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: expect.any(String) });
  });

  it('says ready when the database answers and every migration is applied', async () => {
    const res = await get('/api/health/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: kind, version: expect.any(String) });
  });

  it('says not ready (503) and names the migration when one is missing, and ready again once it is back', async () => {
    const { rows } = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(database.db);
    const last = rows[0];
    await sql`delete from kysely_migration where name = ${last.name}`.execute(database.db);
    try {
      const res = await get('/api/health/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toEqual({ code: 'not_ready', message: expect.stringMatching(/migrering/), pendingMigrations: [last.name] });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(database.db);
    }
    expect((await get('/api/health/ready')).statusCode).toBe(200);
  });

  it('says not ready (503) without revealing the database error when the database is gone', async () => {
    await database.close();
    const res = await get('/api/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'not_ready', message: 'Databasen svarar inte.' } });
  });
});
