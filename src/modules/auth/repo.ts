import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/database.js';

export async function insertSession(db: Database, s: { token_hash: string; csrf_token: string; user_id: string; now: Date }) {
  return db
    .insertInto('session')
    .values({ token_hash: s.token_hash, csrf_token: s.csrf_token, user_id: s.user_id, created_at: s.now, last_seen_at: s.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * The session, its user with the profile GET /api/me shows, and the user's role grants (each with
 * its board's kind and name) in one round trip: every request with a session cookie runs this, so
 * it is one query, not one per table, and /api/me needs no other.
 */
export async function findSessionByTokenHash(db: Database, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('municipality', 'municipality.id', 'app_user.municipality_id')
    .select((eb) => [
      'session.id',
      'session.csrf_token',
      'session.created_at',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.email',
      'app_user.name',
      'app_user.language',
      'app_user.unit_id',
      'app_user.municipality_id',
      'municipality.name as municipality_name',
      'app_user.active',
      jsonArrayFrom(
        eb
          .selectFrom('user_role')
          .leftJoin('board', 'board.id', 'user_role.board_id')
          .select(['user_role.role', 'user_role.board_id', 'board.kind', 'board.name as board_name', 'board.municipality_id as board_municipality_id'])
          .whereRef('user_role.user_id', '=', 'app_user.id'),
      ).as('grants'),
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export type Profile = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

/** GET /api/me's profile, municipality and the names of the boards the user has roles on, in one query. */
export async function findProfile(db: Database, municipalityId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('municipality', 'municipality.id', 'app_user.municipality_id')
    .select((eb) => [
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.language',
      'app_user.unit_id',
      'municipality.id as municipality_id',
      'municipality.name as municipality_name',
      jsonArrayFrom(
        eb
          .selectFrom('user_role')
          .innerJoin('board', 'board.id', 'user_role.board_id')
          .select(['board.id', 'board.name'])
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .whereRef('board.municipality_id', '=', 'app_user.municipality_id'),
      ).as('boards'),
    ])
    .where('app_user.id', '=', userId)
    .where('app_user.municipality_id', '=', municipalityId)
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

/** Failures per key hash since `since` (keys without failures are absent). */
export async function countLoginFailures(db: Database, keyHashes: string[], since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('login_failure')
    .select(['key_hash', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key_hash', 'in', keyHashes)
    .where('failed_at', '>', since)
    .groupBy('key_hash')
    .execute();
  return new Map(rows.map((r) => [r.key_hash, Number(r.n)]));
}

/** Records one failure per key and drops failures that have left the window (nothing else needs them). */
export async function recordLoginFailure(db: Database, keyHashes: string[], now: Date, windowStart: Date) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failure').where('failed_at', '<=', windowStart).execute();
    await trx
      .insertInto('login_failure')
      .values(keyHashes.map((key_hash) => ({ key_hash, failed_at: now })))
      .execute();
  });
}

export async function clearLoginFailures(db: Database, keyHashes: string[]) {
  await db.deleteFrom('login_failure').where('key_hash', 'in', keyHashes).execute();
}

/** The secret stored under `name`, created from `fresh` by whichever process asks first. */
export async function getOrCreateSecret(db: Database, name: string, fresh: string): Promise<string> {
  await db.insertInto('instance_secret').values({ name, value: fresh }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('instance_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
