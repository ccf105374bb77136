/**
 * Grant vetting figures per board for a year, for the reports' collaboration section (issue #15):
 * applications received in the year, and of the decisions taken in the year those approved,
 * rejected, and rejected with a failed criterion (refused for not respecting democracy, gender
 * equality, non-discrimination or non-violence). The caller decides which boards the reader may
 * see; every board asked for is listed, with zeros when it had no applications.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { BoardScope } from '../../domain/policy/index.js';

export interface GrantFigures {
  boardId: string;
  boardName: string;
  /** Applications received in the year. */
  applications: number;
  /** Decided in the year: approved. */
  approved: number;
  /** Decided in the year: rejected, whatever the reason. */
  rejected: number;
  /** Of the rejected: those with at least one failed criterion. */
  refusedForFailedCriterion: number;
}

export async function grantFigures(db: Database, opts: { municipalityId: string; boardIds: BoardScope; year: number }): Promise<GrantFigures[]> {
  if (opts.boardIds !== 'all' && opts.boardIds.length === 0) return [];
  const from = `${opts.year}-01-01`;
  const to = `${opts.year}-12-31`;
  // The year's applications are counted first and joined to the boards after: the counting
  // touches only applications of the year, and every board is listed, with zeros when it had none.
  const inScope = opts.boardIds === 'all' ? sql`` : sql`and b.id = any(${opts.boardIds}::uuid[])`;
  const decidedInYear = sql`a.decided_on between ${from} and ${to}`;
  const { rows } = await sql<{ boardId: string; boardName: string; applications: number; approved: number; rejected: number; refusedForFailedCriterion: number }>`
    select b.id as "boardId", b.name as "boardName", coalesce(g.applications, 0)::int as applications, coalesce(g.approved, 0)::int as approved,
           coalesce(g.rejected, 0)::int as rejected, coalesce(g.refused, 0)::int as "refusedForFailedCriterion"
    from board b
    left join (
      select a.board_id,
             count(*) filter (where a.received_on between ${from} and ${to}) as applications,
             count(*) filter (where a.status = 'approved' and ${decidedInYear}) as approved,
             count(*) filter (where a.status = 'rejected' and ${decidedInYear}) as rejected,
             count(*) filter (where a.status = 'rejected' and ${decidedInYear}
               and exists (select 1 from grant_vetting v where v.application_id = a.id and v.result = 'fail')) as refused
      from grant_application a
      where a.received_on between ${from} and ${to} or ${decidedInYear}
      group by a.board_id
    ) g on g.board_id = b.id
    where b.municipality_id = ${opts.municipalityId} ${inScope}
    order by b.kind, b.name`.execute(db);
  return rows.map((r) => ({
    boardId: r.boardId,
    boardName: r.boardName,
    applications: Number(r.applications),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
    refusedForFailedCriterion: Number(r.refusedForFailedCriterion),
  }));
}
