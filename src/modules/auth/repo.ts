import type { Database } from '../../db/database.js';

export async function insertSession(db: Database, s: { token_hash: string; csrf_token: string; user_id: string; now: Date }) {
  return db
    .insertInto('session')
    .values({ token_hash: s.token_hash, csrf_token: s.csrf_token, user_id: s.user_id, created_at: s.now, last_seen_at: s.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findSessionByTokenHash(db: Database, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.csrf_token',
      'session.created_at',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.email',
      'app_user.name',
      'app_user.municipality_id',
      'app_user.active',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Database, id: string, now: Date) {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Database, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Database, userId: string) {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
