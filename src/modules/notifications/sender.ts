import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { sendMail, type Composed, type MailSettings } from './mail.js';

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

/** Short, one-line reason from an SMTP or network error, for the central coordinator's list. */
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

/**
 * Sends one outbox e-mail, at most once: the row is claimed by moving it from 'pending' to
 * 'sending' in one statement, so of two senders (two processes, a job retried while the first
 * still runs) only one gets it, and a row already sent is skipped. A refusal puts it back to
 * 'pending' for the queue's retry ('retry'), or, on the last attempt, marks it 'failed'.
 */
export async function deliver(db: Database, mail: MailSettings, outboxId: string, opts: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
  const row = await db
    .updateTable('email_outbox')
    .set({ status: 'sending', attempts: sql`attempts + 1`, claimed_at: sql`now()` })
    .where('id', '=', outboxId)
    .where('status', '=', 'pending')
    .returning(['recipient', 'subject', 'text_body', 'html_body'])
    .executeTakeFirst();
  if (!row) return 'skipped';
  const message: Composed = { subject: row.subject, text: row.text_body, html: row.html_body };
  try {
    await sendMail(mail, row.recipient, message);
  } catch (e) {
    await db
      .updateTable('email_outbox')
      .set({ status: opts.lastAttempt ? 'failed' : 'pending', last_error: reason(e), claimed_at: null })
      .where('id', '=', outboxId)
      .execute();
    return opts.lastAttempt ? 'failed' : 'retry';
  }
  await db.updateTable('email_outbox').set({ status: 'sent', sent_at: sql`now()`, last_error: null }).where('id', '=', outboxId).execute();
  return 'sent';
}
