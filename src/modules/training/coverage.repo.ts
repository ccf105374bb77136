import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { readMany } from '../../db/read-many.js';

export interface CoverageCount {
  board_id: string;
  /** Null on a trend row, and for people registered on the board without a unit. */
  unit_id: string | null;
  status: 'completed' | 'started';
  /** Null: counted as of the date, per unit. A date: counted up to it, per board (the trend). */
  through: string | null;
  n: number;
}

/**
 * People of the course as of `asOf`, counted in the database (issue 11): per board, unit and status
 * (`through` null), and per board and status up to each quarter end before `asOf` and up to `asOf`
 * itself (the trend's dates, trend.ts). Full quarters come from training_completion_count, which
 * triggers keep (migration 0012); the rest of asOf's quarter from the rows themselves. One row per
 * person and course, so the counts are distinct people.
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
  const sets = [detail.units ? sql`(board_id, unit_id, status)` : sql`(board_id, status)`, ...(detail.trend ? [sql`(board_id, status, through)`] : [])];
  const unit = detail.units ? sql`unit_id` : sql`null::uuid as unit_id`;
  const through = detail.trend ? sql`through` : sql`null::date as through`;
  // The trend counts completions only.
  const trendRows = detail.trend ? sql`and (grouping(through) = 1 or status = 'completed')` : sql``;
  const inScope = boards === 'all' ? sql`` : sql`and board_id = any(${boards}::uuid[])`;
  const quarterStart = sql`date_trunc('quarter', ${asOf}::timestamp)::date`;
  return sql<CoverageCount>`
    with counted as (
      select board_id, unit_id, status, (quarter + interval '3 months - 1 day')::date as through, n
      from training_completion_count
      where course_id = ${courseId} and quarter < ${quarterStart} ${inScope}
      union all
      select board_id, unit_id, status, ${asOf}::date, count(*)::int
      from training_completion
      where course_id = ${courseId} and completed_on >= ${quarterStart} and completed_on <= ${asOf}::date ${inScope}
      group by 1, 2, 3
    )
    select board_id, ${unit}, status, ${through}, sum(n)::int as n
    from counted
    group by grouping sets (${sql.join(sets)})
    having sum(n) > 0 ${trendRows}`;
}
