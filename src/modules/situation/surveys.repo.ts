import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

export async function listSurveys(db: Database, opts: { municipalityId: string; boards: 'all' | string[]; boardId?: string; year?: number }) {
  if (opts.boards !== 'all' && opts.boards.length === 0) return [];
  let q = db
    .selectFrom('survey as s')
    .innerJoin('board as b', 'b.id', 's.board_id')
    .select([
      's.id',
      's.board_id',
      'b.name as board_name',
      's.year',
      's.title',
      's.status',
      's.created_at',
      's.sent_at',
      (eb) => eb.selectFrom('survey_recipient as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.survey_id', '=', 's.id').as('sent'),
      (eb) => eb.selectFrom('survey_response as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.survey_id', '=', 's.id').as('answered'),
    ])
    .where('b.municipality_id', '=', opts.municipalityId);
  if (opts.boards !== 'all') q = q.where('s.board_id', 'in', opts.boards);
  if (opts.boardId) q = q.where('s.board_id', '=', opts.boardId);
  if (opts.year) q = q.where('s.year', '=', opts.year);
  return q.orderBy('s.year', 'desc').orderBy('s.created_at', 'desc').execute();
}

export async function findSurvey(db: Database, id: string) {
  return db
    .selectFrom('survey as s')
    .innerJoin('board as b', 'b.id', 's.board_id')
    .selectAll('s')
    .select(['b.name as board_name', 'b.municipality_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function insertSurvey(
  db: Database,
  s: { board_id: string; year: number; title: string; intro: string | null; questions: string; created_by: string | null; status?: string; sent_at?: Date | null; closed_at?: Date | null; created_at?: Date },
) {
  return db.insertInto('survey').values(s).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateSurvey(db: Database, id: string, patch: { title?: string; intro?: string | null; questions?: string }) {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length) await db.updateTable('survey').set(set).where('id', '=', id).execute();
}

export async function setStatus(db: Database, id: string, status: 'sent' | 'closed') {
  await db
    .updateTable('survey')
    .set(status === 'sent' ? { status, sent_at: sql<Date>`coalesce(sent_at, now())` } : { status, closed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteSurvey(db: Database, id: string) {
  await db.deleteFrom('survey').where('id', '=', id).execute();
}

export async function recipients(db: Database, surveyId: string) {
  return db.selectFrom('survey_recipient').selectAll().where('survey_id', '=', surveyId).orderBy('created_at').orderBy('label').execute();
}

export async function insertRecipients(
  db: Database,
  rows: { survey_id: string; label: string; recipient_group: string; unit_id: string | null; token_hash: string; expires_at: Date; answered_at?: Date | null }[],
) {
  if (!rows.length) return [];
  return db.insertInto('survey_recipient').values(rows).returningAll().execute();
}

export async function findRecipient(db: Database, id: string) {
  return db.selectFrom('survey_recipient').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function renewRecipient(db: Database, id: string, tokenHash: string, expiresAt: Date) {
  return db.updateTable('survey_recipient').set({ token_hash: tokenHash, expires_at: expiresAt }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The link behind a token, with its survey, board and municipality. */
export async function findByToken(db: Database, tokenHash: string) {
  return db
    .selectFrom('survey_recipient as r')
    .innerJoin('survey as s', 's.id', 'r.survey_id')
    .innerJoin('board as b', 'b.id', 's.board_id')
    .innerJoin('municipality as m', 'm.id', 'b.municipality_id')
    .select([
      'r.id as recipient_id',
      'r.recipient_group',
      'r.expires_at',
      'r.answered_at',
      's.id as survey_id',
      's.title',
      's.intro',
      's.questions',
      's.status',
      's.board_id',
      'b.name as board_name',
      'm.id as municipality_id',
      'm.name as municipality_name',
    ])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Uses the link: succeeds for exactly one request, however many arrive at once (the row is
 * updated only while unanswered and unexpired).
 */
export async function claimLink(db: Database, recipientId: string): Promise<boolean> {
  const row = await db
    .updateTable('survey_recipient')
    .set({ answered_at: sql<Date>`now()` })
    .where('id', '=', recipientId)
    .where('answered_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function insertResponse(db: Database, r: { survey_id: string; recipient_group: string; answers: string; submitted_on: string }) {
  await db.insertInto('survey_response').values(r).execute();
}

export async function insertResponses(db: Database, rows: { survey_id: string; recipient_group: string; answers: string; submitted_on: string }[]) {
  if (rows.length) await db.insertInto('survey_response').values(rows).execute();
}

export async function responses(db: Database, surveyId: string) {
  return db.selectFrom('survey_response').select(['recipient_group', 'answers']).where('survey_id', '=', surveyId).execute();
}
