/** Queries of the public pages, the helpline log, the library, the directory and news (Kysely, no rules). */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { BoardScope } from '../../domain/policy/index.js';

// ---------------------------------------------------------------- public information

export async function municipalityName(db: Database, id: string) {
  return (await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function boardsWithInfo(db: Database, municipalityId: string) {
  return db
    .selectFrom('board')
    .leftJoin('board_public_info as i', 'i.board_id', 'board.id')
    .select(['board.id', 'board.name', 'board.kind', 'i.board_id as info'])
    .where('board.municipality_id', '=', municipalityId)
    .orderBy('board.name')
    .execute();
}

export async function findPublicInfo(db: Database, boardId: string) {
  return db.selectFrom('board_public_info').selectAll().where('board_id', '=', boardId).executeTakeFirst();
}

export async function upsertPublicInfo(db: Database, row: { board_id: string; text: string; contacts: unknown[]; updated_by: string | null }) {
  const values = { ...row, contacts: JSON.stringify(row.contacts), updated_at: new Date() };
  await db
    .insertInto('board_public_info')
    .values(values)
    .onConflict((oc) => oc.column('board_id').doUpdateSet({ text: values.text, contacts: values.contacts, updated_by: values.updated_by, updated_at: values.updated_at }))
    .execute();
}

/** The board's approved plans, newest year first: only the id and year leave the database. */
export async function approvedPlans(db: Database, boardId: string) {
  return db.selectFrom('plan').select(['id', 'year']).where('board_id', '=', boardId).where('status', '=', 'approved').orderBy('year', 'desc').execute();
}

/** Every approved plan of the municipality with its board, by board name and newest year first. */
export async function approvedPlansOfMunicipality(db: Database, municipalityId: string) {
  return db
    .selectFrom('plan')
    .innerJoin('board', 'board.id', 'plan.board_id')
    .select(['plan.id', 'plan.year', 'board.id as board_id', 'board.name as board_name'])
    .where('board.municipality_id', '=', municipalityId)
    .where('plan.status', '=', 'approved')
    .orderBy('board.name')
    .orderBy('plan.year', 'desc')
    .execute();
}

/** A plan's status, board and municipality: all the public PDF route needs to decide. */
export async function planStatus(db: Database, id: string) {
  return db
    .selectFrom('plan')
    .innerJoin('board', 'board.id', 'plan.board_id')
    .select(['plan.id', 'plan.board_id', 'plan.status', 'board.municipality_id'])
    .where('plan.id', '=', id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- helpline

export async function insertContact(db: Database, row: {
  municipality_id: string;
  board_id: string | null;
  contacted_on: string;
  caller_type: string;
  topic: string;
  environment: string;
  referred_to: string | null;
  note: string | null;
  created_by: string | null;
}) {
  return db.insertInto('helpline_contact').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findContact(db: Database, id: string) {
  return db.selectFrom('helpline_contact').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteContact(db: Database, id: string) {
  await db.deleteFrom('helpline_contact').where('id', '=', id).execute();
}

/** Contacts of a year within the boards given (`cityOwn`: and the city's own, without a board). */
export async function contactsOfYear(db: Database, municipalityId: string, year: number, opts: { boardIds: string[] | 'all'; cityOwn: boolean }) {
  let q = db
    .selectFrom('helpline_contact as h')
    .leftJoin('board as b', 'b.id', 'h.board_id')
    .select(['h.id', 'h.board_id', 'b.name as board_name', 'h.contacted_on', 'h.caller_type', 'h.topic', 'h.environment', 'h.referred_to', 'h.note', 'h.created_at'])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.contacted_on', '>=', `${year}-01-01`)
    .where('h.contacted_on', '<=', `${year}-12-31`);
  const { boardIds, cityOwn } = opts;
  q = q.where((eb) => {
    const ors = [];
    if (boardIds === 'all') ors.push(eb('h.board_id', 'is not', null));
    else if (boardIds.length) ors.push(eb('h.board_id', 'in', boardIds));
    if (cityOwn) ors.push(eb('h.board_id', 'is', null));
    return ors.length ? eb.or(ors) : eb.val(false);
  });
  return q.orderBy('h.contacted_on', 'desc').orderBy('h.created_at', 'desc').execute();
}

export async function boardsOf(db: Database, municipalityId: string, scope: BoardScope) {
  let q = db.selectFrom('board').select(['id', 'name']).where('municipality_id', '=', municipalityId);
  if (scope !== 'all') q = scope.length ? q.where('id', 'in', scope) : q.where(sql<boolean>`false`);
  return q.orderBy('name').execute();
}

// ---------------------------------------------------------------- library

export async function insertItem(db: Database, row: { municipality_id: string; title: string; category: string; audience: string; description: string | null; document_text: string; created_by: string | null }) {
  return db.insertInto('library_item').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findItem(db: Database, id: string) {
  return db.selectFrom('library_item').select(['id', 'municipality_id', 'title', 'category', 'audience', 'description', 'updated_at']).where('id', '=', id).executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export async function lockItem(db: Database, id: string) {
  await db.selectFrom('library_item').select('id').where('id', '=', id).forUpdate().execute();
}

export async function setItemText(db: Database, id: string, documentText: string) {
  await db.updateTable('library_item').set({ document_text: documentText, updated_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Items of the audiences given, best match first when `q` has words: Swedish stemming over the
 * title, the description and the newest version's text (websearch syntax: words, "phrases", -not).
 */
export async function searchItems(db: Database, municipalityId: string, opts: { audiences: string[]; q?: string; category?: string }) {
  let q = db
    .selectFrom('library_item')
    .select(['id', 'municipality_id', 'title', 'category', 'audience', 'description', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('audience', 'in', opts.audiences);
  if (opts.category) q = q.where('category', '=', opts.category);
  if (opts.q) {
    const query = sql`websearch_to_tsquery('swedish', ${opts.q})`;
    q = q.where(sql<boolean>`search @@ ${query}`).orderBy(sql`ts_rank(search, ${query})`, 'desc');
  }
  return q.orderBy('title').execute();
}

export async function nextVersionNumber(db: Database, itemId: string) {
  const row = await db.selectFrom('library_version').select((eb) => eb.fn.max('number').as('n')).where('item_id', '=', itemId).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertVersion(db: Database, row: { item_id: string; number: number; attachment_id: string; note: string | null; created_by: string | null }) {
  return db.insertInto('library_version').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Versions of the items with their files, newest first. */
export async function versionsOf(db: Database, itemIds: string[]) {
  if (!itemIds.length) return [];
  return db
    .selectFrom('library_version as v')
    .innerJoin('attachment as a', 'a.id', 'v.attachment_id')
    .select(['v.id', 'v.item_id', 'v.number', 'v.note', 'v.created_at', 'a.id as file_id', 'a.name', 'a.content_type', 'a.size', 'a.sha256', 'a.uploaded_at'])
    .where('v.item_id', 'in', itemIds)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function findVersion(db: Database, id: string) {
  return db.selectFrom('library_version').select(['id', 'item_id']).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------- directory

/** Active coordinators with their board (null: municipality-wide). */
export async function coordinators(db: Database, municipalityId: string) {
  return db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.name', 'u.email', 'r.role', 'r.board_id'])
    .where('u.municipality_id', '=', municipalityId)
    .where('u.active', '=', true)
    .where('r.role', 'in', ['local_coordinator', 'central_coordinator'])
    .orderBy('u.name')
    .execute();
}

// ---------------------------------------------------------------- news

export async function insertNews(db: Database, row: { municipality_id: string; title: string; body: string; published_on: string; created_by: string | null }) {
  return db.insertInto('news_item').values(row).returningAll().executeTakeFirstOrThrow();
}
export async function listNews(db: Database, municipalityId: string, upTo: string) {
  return db.selectFrom('news_item').selectAll().where('municipality_id', '=', municipalityId).where('published_on', '<=', upTo).orderBy('published_on', 'desc').orderBy('created_at', 'desc').limit(50).execute();
}
export async function findNews(db: Database, id: string) {
  return db.selectFrom('news_item').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function deleteNews(db: Database, id: string) {
  await db.deleteFrom('news_item').where('id', '=', id).execute();
}
