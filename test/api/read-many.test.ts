import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { isEmbedded } from '../../src/db/pglite-dialect.js';
import { readMany } from '../../src/db/read-many.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

/**
 * readMany (src/db/read-many.ts) hands back the rows a plain read gives, on both databases: PGlite
 * takes the JSON-per-column path, the server the plain one, and the coverage figures depend on both
 * giving the same values (nulls, dates, integers, uuids) in the same order.
 */
interface Row {
  id: string;
  label: string | null;
  n: number;
  on: string;
  done: boolean;
}
const COLUMNS = ['id', 'label', 'n', 'on', 'done'] as const;

describe.each(await testDatabaseKinds())('readMany on %s', (kind) => {
  let handle: DatabaseHandle;
  const rows = (where: string) =>
    sql<Row>`select md5(g::text)::uuid as id, case when g % 3 = 0 then null else 'Enhet ' || g || ' – "å"' end as label,
               (g * 7919 % 1000)::int as n, (date '2019-01-01' + g)::date as "on", g % 2 = 0 as done
             from generate_series(1, 500) g where ${sql.raw(where)} order by n desc, id`;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('takes the path meant for the database', () => {
    expect(isEmbedded(handle.db)).toBe(kind === 'pglite');
  });

  it('gives the same rows, values and order as a plain read', async () => {
    const plain = (await rows('true').execute(handle.db)).rows;
    const read = await readMany(handle.db, rows('true'), COLUMNS);
    expect(read).toHaveLength(500);
    expect(read).toEqual(plain);
    expect(read[0]).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), label: null, n: 999, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), done: false });
    expect(read.find((r) => r.label !== null)?.label).toMatch(/^Enhet \d+ – "å"$/);
  });

  it('gives no rows for an empty result', async () => {
    expect(await readMany(handle.db, rows('false'), COLUMNS)).toEqual([]);
  });

  it('reads the same inside a transaction', async () => {
    const plain = (await rows('g < 50').execute(handle.db)).rows;
    await handle.db.transaction().execute(async (trx) => {
      expect(isEmbedded(trx)).toBe(kind === 'pglite');
      expect(await readMany(trx, rows('g < 50'), COLUMNS)).toEqual(plain);
    });
  });
});
