import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { readMany } from '../../db/read-many.js';

/** A count as of the date per board and unit (the unit null for people registered without one), or the trend's count up to a date for all the boards. */
export type CoverageCount =
  | { board_id: string; unit_id: string | null; status: 'completed' | 'started'; through: null; n: number }
  | { board_id: null; unit_id: null; status: 'completed'; through: string; n: number };

/**
 * People of the course as of `asOf`, counted in the database (issue 11): per board, unit and status
 * (`through` null), and for all the boards together up to each quarter end before `asOf` and up to
 * `asOf` itself (the trend's dates, trend.ts; completions only). Full quarters come from the counts
 * that triggers keep (migrations 0012 and 0022): per unit from training_completion_count, per board
 * (the trend, and the figures without units) from training_completion_board_count, a tenth of the
 * rows; the rest of asOf's quarter from the rows themselves. One row per person and course, so the
 * counts are distinct people.
 */
export async function coverageCounts(db: Database, courseId: string, boards: 'all' | string[], asOf: string, detail: CountDetail = FULL): Promise<CoverageCount[]> {
  if (boards !== 'all' && !boards.length) return [];
  return readMany(db, coverageCountsStatement(courseId, boards, asOf, detail), ['board_id', 'unit_id', 'status', 'through', 'n']);
}

/** Per unit or only per board (unit_id null); with or without the trend's rows. */
export interface CountDetail {
  units: boolean;
  trend: boolean;
}
const FULL: CountDetail = { units: true, trend: true };

/** The statement of coverageCounts, for the bench to time bare and EXPLAIN (boards: at least one). */
export function coverageCountsStatement(courseId: string, boards: 'all' | string[], asOf: string, detail: CountDetail = FULL) {
  const inScope = boards === 'all' ? sql`` : sql`and board_id = any(${boards}::uuid[])`;
  const quarterStart = sql`date_trunc('quarter', ${asOf}::timestamp)::date`;
  const fullQuarters = (table: string) => sql`from ${sql.table(table)} where course_id = ${courseId} and quarter < ${quarterStart} ${inScope}`;
  const figures = detail.units
    ? sql`select board_id, unit_id, status, sum(n)::int as n from (
        select board_id, unit_id, status, n ${fullQuarters('training_completion_count')}
        union all select board_id, unit_id, status, n from this_quarter) c
      group by 1, 2, 3`
    : sql`select board_id, null::uuid as unit_id, status, sum(n)::int as n from (
        select board_id, status, n ${fullQuarters('training_completion_board_count')}
        union all select board_id, status, n from this_quarter) c
      group by 1, 3`;
  // The trend counts completions only, all the boards together up to each date (a board's trend is
  // read with `boards` that board alone).
  const trend = sql`
    union all
    select null::uuid, null::uuid, 'completed', through, n from (
      select (quarter + interval '3 months - 1 day')::date as through, sum(n)::int as n ${fullQuarters('training_completion_board_count')} and status = 'completed' group by quarter
      union all select ${asOf}::date, sum(n)::int from this_quarter where status = 'completed') t
    where n > 0`;
  return sql<CoverageCount>`
    with this_quarter as (
      select board_id, unit_id, status, count(*)::int as n
      from training_completion
      where course_id = ${courseId} and completed_on >= ${quarterStart} and completed_on <= ${asOf}::date ${inScope}
      group by 1, 2, 3
    )
    select board_id, unit_id, status, null::date as through, n from (${figures}) f where n > 0
    ${detail.trend ? trend : sql``}`;
}
