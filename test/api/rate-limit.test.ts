import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

/**
 * The limit per client address holds exactly when many requests come at once from one address (a
 * municipality's network often has one): on a PostgreSQL server the hits that arrive while one is
 * being counted are counted together (src/http/rate-limit-store.ts), each with its own number; in
 * memory, each hit gets its own number too (the plugin's store once refused the whole burst).
 */
describe.each(await testDatabaseKinds())('[RATE] the request limit per address under concurrent requests on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { rateLimit: { perMinute: 30, loginPerMinute: 1_000 } });
  });
  afterAll(() => t?.close());

  it('50 requests at once: exactly 30 answered and 20 refused, with a message and when to try again', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.anonymous.get('/api/health')));
    const ok = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(ok).toHaveLength(30);
    expect(refused).toHaveLength(20);
    expect(refused[0].json().error.message).toMatch(/För många förfrågningar/);
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
    if (kind === 'postgres') {
      const { rows } = await sql<{ hits: number }>`select hits from rate_limit_window`.execute(t.database.db);
      expect(rows.map((r) => r.hits)).toEqual([50]);
    }
  });
});
