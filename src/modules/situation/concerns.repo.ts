import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export interface NewConcern {
  board_id: string;
  occurred_on: string;
  type: string;
  environment: string;
  area: string | null;
  reporting_unit_id: string | null;
  description: string;
  action_taken: string | null;
  forwarded_to_social_services: boolean;
  forwarded_to_police: boolean;
  filed_by: string | null;
}

export async function insertConcern(db: Database, c: NewConcern) {
  return db.insertInto('concern_report').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function insertConcerns(db: Database, rows: (NewConcern & { status?: string; relevance?: string | null; created_at?: Date })[]) {
  if (rows.length) await db.insertInto('concern_report').values(rows).execute();
}

/** Rows for the coordinator's list (no free text), with the board and unit names and the actor's read mark. */
export async function listConcerns(
  db: Database,
  opts: { municipalityId: string; boards: 'all' | string[]; userId: string; boardId?: string; status?: 'open' | 'closed'; year?: number; id?: string },
) {
  if (opts.boards !== 'all' && opts.boards.length === 0) return [];
  let q = db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .leftJoin('unit as u', 'u.id', 'c.reporting_unit_id')
    .leftJoin('concern_report_read as r', (j) => j.onRef('r.concern_id', '=', 'c.id').on('r.user_id', '=', opts.userId))
    .select([
      'c.id',
      'c.board_id',
      'b.name as board_name',
      'c.occurred_on',
      'c.type',
      'c.environment',
      'c.status',
      'c.relevance',
      'c.forwarded_to_social_services',
      'c.forwarded_to_police',
      'c.created_at',
      'u.name as unit_name',
      'r.first_read_at',
    ])
    .where('b.municipality_id', '=', opts.municipalityId);
  if (opts.boards !== 'all') q = q.where('c.board_id', 'in', opts.boards);
  if (opts.boardId) q = q.where('c.board_id', '=', opts.boardId);
  if (opts.id) q = q.where('c.id', '=', opts.id);
  if (opts.status) q = q.where('c.status', '=', opts.status);
  if (opts.year) q = q.where('c.occurred_on', '>=', `${opts.year}-01-01`).where('c.occurred_on', '<=', `${opts.year}-12-31`);
  return q.orderBy('c.created_at', 'desc').orderBy('c.id').limit(1000).execute();
}

export async function findConcern(db: Database, id: string) {
  return db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .leftJoin('unit as u', 'u.id', 'c.reporting_unit_id')
    .selectAll('c')
    .select(['b.name as board_name', 'b.municipality_id', 'u.name as unit_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function markRead(db: Database, concernId: string, userId: string) {
  await db.insertInto('concern_report_read').values({ concern_id: concernId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function isRead(db: Database, concernId: string, userId: string) {
  return !!(await db.selectFrom('concern_report_read').select('concern_id').where('concern_id', '=', concernId).where('user_id', '=', userId).executeTakeFirst());
}

/** Open reports per board that `userId` has not opened yet. */
export async function unreadPerBoard(db: Database, opts: { municipalityId: string; boards: 'all' | string[]; userId: string }) {
  if (opts.boards !== 'all' && opts.boards.length === 0) return [];
  let q = db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .select(['c.board_id', 'b.name as board_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('b.municipality_id', '=', opts.municipalityId)
    .where('c.status', '=', 'open')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('concern_report_read as r').select('r.concern_id').whereRef('r.concern_id', '=', 'c.id').where('r.user_id', '=', opts.userId))),
    );
  if (opts.boards !== 'all') q = q.where('c.board_id', 'in', opts.boards);
  return q.groupBy(['c.board_id', 'b.name']).orderBy('b.name').execute();
}

export async function notesOf(db: Database, concernId: string) {
  return db
    .selectFrom('concern_note as n')
    .leftJoin('app_user as a', 'a.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'a.name as author_name'])
    .where('n.concern_id', '=', concernId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

export async function insertNote(db: Database, n: { concern_id: string; author_id: string; body: string }) {
  return db.insertInto('concern_note').values(n).returningAll().executeTakeFirstOrThrow();
}

export async function classify(db: Database, id: string, c: { type: string; environment: string; relevance: string; classified_by: string }) {
  await db.updateTable('concern_report').set({ ...c, classified_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export async function close(db: Database, id: string, userId: string) {
  await db.updateTable('concern_report').set({ status: 'closed', closed_by: userId, closed_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** The counting basis: one row per report in the years asked, leaving out reports judged unrelated. */
export async function countable(db: Database, opts: { municipalityId: string; fromYear: number; toYear: number; boardId?: string }) {
  let q = db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .select(['c.board_id', 'c.occurred_on', 'c.type', 'c.environment'])
    .where('b.municipality_id', '=', opts.municipalityId)
    .where('c.occurred_on', '>=', `${opts.fromYear}-01-01`)
    .where('c.occurred_on', '<=', `${opts.toYear}-12-31`)
    .where((eb) => eb.or([eb('c.relevance', 'is', null), eb('c.relevance', '!=', 'not_vbe')]));
  if (opts.boardId) q = q.where('c.board_id', '=', opts.boardId);
  return q.execute();
}

export async function firstYear(db: Database, municipalityId: string): Promise<number | null> {
  const row = await db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .select((eb) => eb.fn.min('c.occurred_on').as('first'))
    .where('b.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row?.first ? Number(String(row.first).slice(0, 4)) : null;
}
