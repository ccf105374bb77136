import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { emailModeOf, type NotificationKind } from '../../domain/notifications/kinds.js';
import { dueDigests } from '../../domain/notifications/schedule.js';
import { composeDigest, type MailSettings } from './mail.js';
import { preferencesOf, receivesEmail } from './notify.js';

/** How far back a digest looks for notifications not yet e-mailed: a week and a day's slack. */
const DIGEST_WINDOW = sql`interval '15 days'`;

/**
 * The daily and weekly digests due at `now` (src/domain/notifications/schedule.ts): per user, the
 * notifications of the kinds they want in that digest, created before the digest's day and not yet
 * e-mailed. One outbox row per user and digest (its key holds the day), written in the same
 * transaction that marks the notifications as e-mailed, so two scans cannot both send them.
 */
export async function createDigests(db: Database, municipalityId: string, now: Date, mail: MailSettings): Promise<string[]> {
  const created: string[] = [];
  for (const digest of dueDigests(now)) {
    const ids = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .select(['n.id', 'n.user_id', 'n.kind', 'n.title', 'n.body', 'n.link', 'u.email'])
        .where('n.municipality_id', '=', municipalityId)
        .where('n.outbox_id', 'is', null)
        .where('u.active', '=', true)
        .where('n.created_at', '>', sql<Date>`now() - ${DIGEST_WINDOW}`)
        .where(sql<boolean>`(n.created_at at time zone 'Europe/Stockholm')::date < ${digest.period}::date`)
        .orderBy('n.created_at')
        .forUpdate()
        .execute();
      const prefs = await preferencesOf(trx, [...new Set(rows.map((r) => r.user_id))]);
      const mine = rows.filter((r) => receivesEmail(r.email) && emailModeOf(r.kind as NotificationKind, prefs.get(r.user_id)) === digest.mode);
      const byUser = new Map<string, typeof mine>();
      for (const r of mine) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
      const out: string[] = [];
      for (const [userId, items] of byUser) {
        const message = composeDigest(
          digest.mode,
          items.map((i) => ({ kind: i.kind as NotificationKind, title: i.title, body: i.body, link: i.link })),
          mail.publicUrl,
        );
        const row = await trx
          .insertInto('email_outbox')
          .values({
            municipality_id: municipalityId,
            user_id: userId,
            kind: `digest_${digest.mode}`,
            idempotency_key: `digest:${digest.mode}:${digest.period}:${userId}`,
            recipient: items[0].email,
            subject: message.subject,
            text_body: message.text,
            html_body: message.html,
          })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) continue;
        await trx
          .updateTable('notification')
          .set({ outbox_id: row.id })
          .where('id', 'in', items.map((i) => i.id))
          .execute();
        out.push(row.id);
      }
      return out;
    });
    created.push(...ids);
  }
  return created;
}

/** How long a sender may hold an e-mail before it is taken as lost in a crash. */
export const SENDING_TIMEOUT_MINUTES = 15;

/**
 * E-mails a sender claimed and never finished (the process died mid-send): the mail server may or
 * may not have taken them, so they are never sent again; the central coordinator sees them.
 */
export async function markUncertain(db: Database): Promise<number> {
  const r = await db
    .updateTable('email_outbox')
    .set({ status: 'uncertain', last_error: 'Avbröts under sändningen; okänt om e-postservern tog emot meddelandet.' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', sql<Date>`now() - make_interval(mins => ${SENDING_TIMEOUT_MINUTES})`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
