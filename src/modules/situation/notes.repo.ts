import type { Database } from '../../db/database.js';

export async function listNotes(db: Database, boardId: string, year?: number) {
  let q = db
    .selectFrom('situation_note as n')
    .leftJoin('app_user as a', 'a.id', 'n.created_by')
    .select(['n.id', 'n.board_id', 'n.noted_on', 'n.source', 'n.body', 'n.created_at', 'a.name as author_name'])
    .where('n.board_id', '=', boardId);
  if (year) q = q.where('n.noted_on', '>=', `${year}-01-01`).where('n.noted_on', '<=', `${year}-12-31`);
  return q.orderBy('n.noted_on', 'desc').orderBy('n.created_at', 'desc').execute();
}

export async function findNote(db: Database, id: string) {
  return db.selectFrom('situation_note').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNote(db: Database, n: { board_id: string; noted_on: string; source: string; body: string; created_by: string | null }) {
  return db.insertInto('situation_note').values(n).returning(['id']).executeTakeFirstOrThrow();
}

export async function insertNotes(db: Database, rows: { board_id: string; noted_on: string; source: string; body: string; created_by: string | null }[]) {
  if (rows.length) await db.insertInto('situation_note').values(rows).execute();
}

export async function deleteNote(db: Database, id: string) {
  await db.deleteFrom('situation_note').where('id', '=', id).execute();
}
