import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export async function listPictures(db: Database, boardId: string, publishedOnly: boolean) {
  let q = db.selectFrom('situation_picture').select(['board_id', 'year', 'status', 'compiled_on', 'published_at']).where('board_id', '=', boardId);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('year', 'desc').execute();
}

export async function findPicture(db: Database, boardId: string, year: number) {
  return db.selectFrom('situation_picture').selectAll().where('board_id', '=', boardId).where('year', '=', year).executeTakeFirst();
}

/** The latest published picture of the board for `year` or before. */
export async function latestPublished(db: Database, boardId: string, year: number) {
  return db
    .selectFrom('situation_picture')
    .select(['year', 'compiled_on'])
    .where('board_id', '=', boardId)
    .where('status', '=', 'published')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function upsertPicture(db: Database, p: { board_id: string; year: number; body: string; compiled_on: string; updated_by: string | null; status?: string; published_at?: Date | null }) {
  return db
    .insertInto('situation_picture')
    .values(p)
    .onConflict((oc) =>
      oc.columns(['board_id', 'year']).doUpdateSet({ body: p.body, compiled_on: p.compiled_on, updated_by: p.updated_by, updated_at: sql<Date>`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function publish(db: Database, boardId: string, year: number, compiledOn: string, userId: string) {
  return db
    .updateTable('situation_picture')
    .set({ status: 'published', published_at: sql<Date>`now()`, compiled_on: compiledOn, updated_by: userId, updated_at: sql<Date>`now()` })
    .where('board_id', '=', boardId)
    .where('year', '=', year)
    .returningAll()
    .executeTakeFirstOrThrow();
}
