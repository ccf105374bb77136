import type { Database } from '../../db/database.js';

/** The account bound to an OpenID Connect issuer and subject, if any. */
export async function findBoundUser(db: Database, issuer: string, subject: string) {
  return db
    .selectFrom('user_identity')
    .innerJoin('app_user', 'app_user.id', 'user_identity.user_id')
    .select(['app_user.id', 'app_user.email', 'app_user.municipality_id', 'app_user.active'])
    .where('user_identity.issuer', '=', issuer)
    .where('user_identity.subject', '=', subject)
    .executeTakeFirst();
}

/** The subject an account is bound to under `issuer`, or null when it has none there yet. */
export async function boundSubjectOf(db: Database, userId: string, issuer: string): Promise<string | null> {
  const row = await db.selectFrom('user_identity').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
  return row?.subject ?? null;
}

/**
 * Binds (issuer, subject) to an account. Returns false when another login won the race: the
 * subject was bound meanwhile, or the account got another subject under this issuer.
 */
export async function insertIdentity(db: Database, i: { userId: string; issuer: string; subject: string; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto('user_identity')
    .values({ user_id: i.userId, issuer: i.issuer, subject: i.subject, created_at: i.now, last_login_at: i.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export async function touchIdentity(db: Database, issuer: string, subject: string, now: Date): Promise<void> {
  await db.updateTable('user_identity').set({ last_login_at: now }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}
