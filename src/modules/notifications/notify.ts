import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { emailModeOf, isNotificationKind, type EmailMode, type NotificationKind } from '../../domain/notifications/kinds.js';
import { DEMO_EMAILS } from '../../demo/accounts.js';
import { composeOne, type MailSettings } from './mail.js';

/** One notification for one user; `key` makes it once-only for that user (see migration 0021). */
export interface NewNotification {
  userId: string;
  municipalityId: string;
  kind: NotificationKind | string;
  key: string;
  title: string;
  body: string;
  link: string;
  boardId?: string | null;
}

/**
 * The demo accounts (README, printed at start-up) have made-up addresses and a shared password:
 * they get their notifications in Värna, never by e-mail.
 */
export const receivesEmail = (address: string): boolean => !DEMO_EMAILS.includes(address.toLowerCase());

/** The users' own e-mail choices, by user and kind. */
export async function preferencesOf(db: Database, userIds: string[]): Promise<Map<string, Map<string, EmailMode>>> {
  const out = new Map<string, Map<string, EmailMode>>();
  if (!userIds.length) return out;
  const rows = await db.selectFrom('notification_preference').select(['user_id', 'kind', 'email']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    if (!out.has(r.user_id)) out.set(r.user_id, new Map());
    out.get(r.user_id)!.set(r.kind, r.email);
  }
  return out;
}

/**
 * Creates the notifications not already there (one per user and key) and, for those whose user
 * wants that kind by e-mail at once, the e-mail in the outbox: both in one transaction, so a
 * notification never exists without its e-mail or the other way round. Deactivated accounts get
 * nothing; demo accounts no e-mail. Without mail settings (no VARNA_SMTP_URL) the notifications are in-app only.
 * Returns the ids of the e-mails created, for the sender.
 */
export async function notifyAll(db: Database, items: NewNotification[], mail?: MailSettings): Promise<{ created: number; emails: string[] }> {
  if (!items.length) return { created: 0, emails: [] };
  return db.transaction().execute(async (trx) => {
    const users = await trx
      .selectFrom('app_user')
      .select(['id', 'email'])
      .where('id', 'in', [...new Set(items.map((i) => i.userId))])
      .where('active', '=', true)
      .execute();
    const email = new Map(users.map((u) => [u.id, u.email]));
    const wanted = items.filter((i) => email.has(i.userId) && isNotificationKind(i.kind));
    if (!wanted.length) return { created: 0, emails: [] };
    const inserted = await trx
      .insertInto('notification')
      .values(
        wanted.map((i) => ({
          municipality_id: i.municipalityId,
          user_id: i.userId,
          kind: i.kind,
          dedupe_key: i.key,
          board_id: i.boardId ?? null,
          title: i.title,
          body: i.body,
          link: i.link,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning(['id', 'user_id', 'kind', 'title', 'body', 'link', 'municipality_id'])
      .execute();
    if (!mail || !inserted.length) return { created: inserted.length, emails: [] };
    const prefs = await preferencesOf(trx, [...new Set(inserted.map((n) => n.user_id))]);
    const immediate = inserted.filter((n) => receivesEmail(email.get(n.user_id)!) && emailModeOf(n.kind as NotificationKind, prefs.get(n.user_id)) === 'immediate');
    if (!immediate.length) return { created: inserted.length, emails: [] };
    // Two statements for any number of e-mails: the outbox rows, then each notification's link to its row.
    const rows = await trx
      .insertInto('email_outbox')
      .values(
        immediate.map((n) => {
          const message = composeOne({ kind: n.kind as NotificationKind, title: n.title, body: n.body, link: n.link }, mail.publicUrl);
          return {
            municipality_id: n.municipality_id,
            user_id: n.user_id,
            kind: n.kind,
            idempotency_key: `notification:${n.id}`,
            recipient: email.get(n.user_id)!,
            subject: message.subject,
            text_body: message.text,
            html_body: message.html,
          };
        }),
      )
      .returning('id')
      .execute();
    await sql`update notification n set outbox_id = o.id from email_outbox o
      where o.idempotency_key = 'notification:' || n.id::text and n.id in (${sql.join(immediate.map((n) => n.id))})`.execute(trx);
    return { created: inserted.length, emails: rows.map((r) => r.id) };
  });
}

/** In-app notifications only (no e-mail): how many were new. */
export async function notify(db: Database, items: NewNotification[]): Promise<number> {
  return (await notifyAll(db, items)).created;
}

/** The e-mail outbox rows still waiting to be sent (for the sender to pick up after a restart). */
export async function pendingEmails(db: Database, limit = 500): Promise<string[]> {
  const rows = await db.selectFrom('email_outbox').select('id').where('status', '=', 'pending').orderBy('created_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

export const unreadCount = async (db: Database, userId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('notification')
        .select(sql<number>`count(*)`.as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
