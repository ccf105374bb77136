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
  let q = db
    .selectFrom('board as b')
    .leftJoin('grant_application as a', 'a.board_id', 'b.id')
    .select((eb) => [
      'b.id as boardId',
      'b.name as boardName',
      eb.fn.count<number>(sql`case when a.received_on between ${from} and ${to} then 1 end`).as('applications'),
      eb.fn.count<number>(sql`case when a.status = 'approved' and a.decided_on between ${from} and ${to} then 1 end`).as('approved'),
      eb.fn.count<number>(sql`case when a.status = 'rejected' and a.decided_on between ${from} and ${to} then 1 end`).as('rejected'),
      eb.fn
        .count<number>(
          sql`case when a.status = 'rejected' and a.decided_on between ${from} and ${to}
            and exists (select 1 from grant_vetting v where v.application_id = a.id and v.result = 'fail') then 1 end`,
        )
        .as('refusedForFailedCriterion'),
    ])
    .where('b.municipality_id', '=', opts.municipalityId)
    .groupBy(['b.id', 'b.name', 'b.kind'])
    .orderBy('b.kind')
    .orderBy('b.name');
  if (opts.boardIds !== 'all') q = q.where('b.id', 'in', opts.boardIds);
  const rows = await q.execute();
  return rows.map((r) => ({
    boardId: r.boardId,
    boardName: r.boardName,
    applications: Number(r.applications),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
    refusedForFailedCriterion: Number(r.refusedForFailedCriterion),
  }));
}
