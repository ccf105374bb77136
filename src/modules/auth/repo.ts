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
