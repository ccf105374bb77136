import { sql, type Expression } from 'kysely';
import type { Database } from './database.js';
import { isEmbedded } from './pglite-dialect.js';

/**
 * Many small rows, read the way each database hands them over fastest (issue 11). The server's
 * driver decodes rows quickly; PGlite decodes every field of every row in JavaScript, which for a
 * city's headcount history cost more than the query itself. On PGlite the rows therefore come as
 * one JSON array per column, a single text value, and are zipped back into the same rows, in the
 * query's order. Columns must survive JSON unchanged: text, uuid, integers, booleans and dates
 * (read as 'YYYY-MM-DD' on both databases). The suite runs every caller on both.
 */
export async function readMany<R extends object>(db: Database, query: Expression<R>, columns: readonly (keyof R & string)[]): Promise<R[]> {
  if (!isEmbedded(db)) return (await sql<R>`select * from (${query}) as x`.execute(db)).rows;
  const arrays = sql.join(columns.map((c) => sql`json_agg(${sql.ref(`x.${c}`)})`));
  const { rows } = await sql<{ columns: string }>`select json_build_array(${arrays})::text as columns from (${query}) as x`.execute(db);
  const values = JSON.parse(rows[0].columns) as (unknown[] | null)[];
  const length = values[0]?.length ?? 0;
  const result: R[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]] = values[c]![i];
    result[i] = row as R;
  }
  return result;
}
