import type { Database } from '../../db/database.js';
import type { MailSettings } from './mail.js';
import { pendingEmails } from './notify.js';
import { runReminders } from './reminders.service.js';
import { deliver } from './sender.js';

/**
 * `npm run varna -- reminders run`, for cron-style operation: the scan the server runs on its
 * schedule, then every e-mail waiting in the outbox, sent here. Safe beside a running server on
 * the same PostgreSQL: the scan creates nothing twice and each e-mail is claimed by one sender.
 * A refused e-mail stays waiting for the next run or the server's queue.
 */
export async function remindersRunCommand(opts: { db: Database; mail: MailSettings | undefined; out?: (line: string) => void }): Promise<number> {
  const out = opts.out ?? console.log;
  const run = await runReminders({ db: opts.db, mail: opts.mail });
  out(`Reminders: ${run.notifications} new notification(s), ${run.emails.length} e-mail(s) queued.`);
  if (!opts.mail) {
    out('VARNA_SMTP_URL is not set: notifications are in-app only.');
    return 0;
  }
  const counts = { sent: 0, skipped: 0, retry: 0, failed: 0 };
  for (const id of await pendingEmails(opts.db)) counts[await deliver(opts.db, opts.mail, id, { lastAttempt: false })]++;
  out(`E-mail: ${counts.sent} sent, ${counts.retry} refused by the mail server (left for the next run).`);
  return counts.retry ? 1 : 0;
}
