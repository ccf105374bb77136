import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startJobs, type Jobs } from '../../src/modules/notifications/jobs.js';
import type { MailSettings } from '../../src/modules/notifications/mail.js';
import { notifyAll } from '../../src/modules/notifications/notify.js';
import { remindersRunCommand } from '../../src/modules/notifications/run-command.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import type { DatabaseKind } from '../../src/db/database.js';
import { boardWithPeople, type BoardWithPeople } from '../helpers/factories.js';
import { eventually, startSmtpServer } from '../helpers/smtp.js';

/**
 * E-mail through a real SMTP exchange and the pg-boss job queue (issue #17): the server's jobs
 * send what the scan puts in the outbox, a refusal is retried with back-off, the last refusal is
 * shown to the central coordinator, two processes on one PostgreSQL server send each e-mail once,
 * and `reminders run` sends nothing twice.
 */
const quiet = { info: () => undefined, error: () => undefined };
const kinds = await testDatabaseKinds();
const settings = (smtpUrl: string): MailSettings => ({ smtpUrl, from: 'Värna <varna@stockholm.example>', publicUrl: 'https://varna.stockholm.example' });

interface Context {
  t: TestApp;
  central: Client;
  board: BoardWithPeople;
  /** Notifications for the test's contributor, e-mailed at once (their kind's default). */
  remind(mail: MailSettings, titles: string[]): Promise<{ emails: string[] }>;
  outbox(ids: string[]): Promise<{ id: string; status: string; attempts: number; last_error: string | null }[]>;
}

/** Värna on a fresh database of `kind` with a board whose contributor gets the test's e-mails. */
async function context(kind: DatabaseKind): Promise<Context> {
  const t = await startTestApp(kind);
  const central = await t.login('central@stockholm.example');
  const board = await boardWithPeople(t, { people: { cb: 'contributor' } });
  const user = await t.database.db.selectFrom('app_user').select(['id', 'municipality_id']).where('email', '=', board.emails.cb).executeTakeFirstOrThrow();
  let serial = 0;
  return {
    t,
    central,
    board,
    remind: (mail, titles) =>
      notifyAll(
        t.database.db,
        titles.map((title) => ({ userId: user.id, municipalityId: user.municipality_id, kind: 'followup_due', key: `test:${++serial}`, title, body: `Rapportera för ${title}.`, link: '/uppfoljning/mina' })),
        mail,
      ),
    outbox: (ids) => t.database.db.selectFrom('email_outbox').select(['id', 'status', 'attempts', 'last_error']).where('id', 'in', ids).execute(),
  };
}

describe.each(kinds)('[NOTIFICATIONS] e-mail over SMTP and the job queue on %s', (kind) => {
  let c: Context;
  let t: TestApp;
  beforeAll(async () => {
    c = await context(kind);
    t = c.t;
  });
  afterAll(() => t.close());
  const remind = (mail: MailSettings, titles: string[]) => c.remind(mail, titles);
  const outbox = (ids: string[]) => c.outbox(ids);

  it('the server’s jobs send a reminder over SMTP: text and HTML in Swedish, the link into Värna and the link to change what is sent', async () => {
    const smtp = await startSmtpServer();
    let jobs: Jobs | undefined;
    try {
      const mail = settings(smtp.url);
      const { emails } = await remind(mail, ['Utbildning för fritidsgårdarnas personal']);
      jobs = await startJobs({ db: t.database.db, kind, mail, intervalSeconds: 3600, pollingSeconds: 0.5, log: quiet });
      await eventually(() => smtp.received.length >= 1, 'the e-mail');
      const [{ to, mail: m }] = smtp.received;
      expect(to).toEqual([c.board.emails.cb]);
      expect(m.from?.value).toEqual([{ name: 'Värna', address: 'varna@stockholm.example' }]);
      expect(m.subject).toBe('Värna: Utbildning för fritidsgårdarnas personal');
      expect(m.text).toContain('Rapportera för Utbildning för fritidsgårdarnas personal.');
      expect(m.text).toContain('https://varna.stockholm.example/uppfoljning/mina');
      expect(m.text).toContain('https://varna.stockholm.example/aviseringar/installningar');
      expect(m.html).toContain('<a href="https://varna.stockholm.example/aviseringar/installningar">');
      await eventually(async () => (await outbox(emails))[0].status === 'sent', 'the outbox row marked sent');
      expect((await outbox(emails))[0].attempts).toBe(1);
      // The operator sees the queue and the outbox in /metrics.
      const metrics = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      // pg-boss marks the job completed just after the handler has marked the e-mail sent.
      await eventually(async () => /^varna_jobs\{queue="varna-email",state="completed"\} [1-9]\d*$/m.test(await metrics()), 'the e-mail job completed in /metrics');
      expect(await metrics()).toMatch(/^varna_jobs\{queue="varna-reminders",state="(created|active|completed)"\} 1$/m);
      expect(await metrics()).toMatch(/^varna_email_outbox\{status="sent"\} 1$/m);
    } finally {
      await jobs?.stop();
      await smtp.close();
    }
  });

  it('a mail server that refuses once gets the e-mail on the retry, once', async () => {
    const smtp = await startSmtpServer({ refuse: (n) => n === 1 });
    let jobs: Jobs | undefined;
    try {
      const mail = settings(smtp.url);
      const { emails } = await remind(mail, ['Dialogmöten med föreningslivet']);
      jobs = await startJobs({ db: t.database.db, kind, mail, intervalSeconds: 3600, pollingSeconds: 0.5, retryDelaySeconds: 1, log: quiet });
      await eventually(async () => (await outbox(emails))[0].status === 'sent', 'the retried e-mail sent');
      expect(smtp.offered()).toBe(2);
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Värna: Dialogmöten med föreningslivet']);
      expect((await outbox(emails))[0]).toMatchObject({ attempts: 2, last_error: null });
    } finally {
      await jobs?.stop();
      await smtp.close();
    }
  });

  it('after the last refusal the e-mail is failed, with the mail server’s answer, for the central coordinator to see', async () => {
    const smtp = await startSmtpServer({ refuse: () => true });
    let jobs: Jobs | undefined;
    try {
      const mail = settings(smtp.url);
      const { emails } = await remind(mail, ['Föräldraträffar om nätet']);
      jobs = await startJobs({ db: t.database.db, kind, mail, intervalSeconds: 3600, pollingSeconds: 0.5, retryDelaySeconds: 1, retryLimit: 1, log: quiet });
      await eventually(async () => (await outbox(emails))[0].status === 'failed', 'the e-mail marked failed');
      expect(smtp.received).toEqual([]);
      const res = await c.central.get('/api/notifications/deliveries');
      const failed = res.json().failed.find((f: { id: string }) => f.id === emails[0]);
      expect(failed).toMatchObject({ recipient: c.board.emails.cb, attempts: 2, status: 'failed', kindLabel: 'Uppföljning att rapportera' });
      expect(failed.error).toContain('Mailbox busy');
    } finally {
      await jobs?.stop();
      await smtp.close();
    }
  });

  it('a failed e-mail sent again by the central coordinator goes out with the next run, once', async () => {
    const smtp = await startSmtpServer();
    try {
      const mail = settings(smtp.url);
      await t.database.db.updateTable('email_outbox').set({ status: 'failed' }).where('status', '=', 'pending').execute();
      const { emails } = await remind(mail, ['Samverkansmöte med polisen']);
      await t.database.db.updateTable('email_outbox').set({ status: 'failed', last_error: '451 Mailbox busy' }).where('id', '=', emails[0]).execute();
      expect(await remindersRunCommand({ db: t.database.db, mail, out: () => undefined })).toBe(0);
      expect(smtp.received).toEqual([]);
      expect((await c.central.post(`/api/notifications/deliveries/${emails[0]}/retry`)).statusCode).toBe(200);
      expect(await remindersRunCommand({ db: t.database.db, mail, out: () => undefined })).toBe(0);
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Värna: Samverkansmöte med polisen']);
      expect((await outbox(emails))[0]).toMatchObject({ status: 'sent', last_error: null });
      expect(await remindersRunCommand({ db: t.database.db, mail, out: () => undefined })).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('`reminders run` sends what waits, and run again sends nothing twice', async () => {
    const smtp = await startSmtpServer();
    try {
      const mail = settings(smtp.url);
      // Nothing else waits: e-mails the earlier tests left are not this test's.
      await t.database.db.updateTable('email_outbox').set({ status: 'failed' }).where('status', '=', 'pending').execute();
      await remind(mail, ['Lokal lägesbild med polisen']);
      const lines: string[] = [];
      expect(await remindersRunCommand({ db: t.database.db, mail, out: (l) => lines.push(l) })).toBe(0);
      expect(smtp.received.map((r) => r.mail.subject)).toEqual(['Värna: Lokal lägesbild med polisen']);
      expect(lines.join('\n')).toMatch(/E-mail: 1 sent/);
      expect(await remindersRunCommand({ db: t.database.db, mail, out: () => undefined })).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const sent = await c.central.get('/api/notifications/deliveries');
      expect(sent.json().sent.some((s: { kind: string; recipients: number }) => s.kind === 'followup_due' && s.recipients >= 1)).toBe(true);
    } finally {
      await smtp.close();
    }
  });
  // Several processes need a PostgreSQL server: the embedded database belongs to one process.
  if (kind === 'postgres')
    it('two Värna processes on one PostgreSQL server: one scan per interval, every e-mail sent once', async () => {
    const smtp = await startSmtpServer();
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const second = await openDatabase({ databaseUrl: url });
    const jobs: Jobs[] = [];
    try {
      const mail = settings(smtp.url);
      const titles = Array.from({ length: 24 }, (_, i) => `Insats nummer ${i + 1}`);
      const { emails } = await remind(mail, titles);
      const before = Number((await t.database.db.selectFrom('pgboss.job' as never).select((eb) => eb.fn.countAll<number>().as('n')).where('name' as never, '=', 'varna-reminders' as never).executeTakeFirst().catch(() => ({ n: 0 })))?.n ?? 0);
      jobs.push(
        ...(await Promise.all([t.database.db, second.db].map((db) => startJobs({ db, kind, mail, intervalSeconds: 3600, pollingSeconds: 0.5, log: quiet })))),
      );
      await eventually(async () => (await outbox(emails)).every((r) => r.status === 'sent'), 'all 24 e-mails sent', 60_000);
      await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive now
      expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(titles.map((x) => `Värna: ${x}`).sort());
      expect((await outbox(emails)).every((r) => r.attempts === 1)).toBe(true);
      const scans = Number((await t.database.db.selectFrom('pgboss.job' as never).select((eb) => eb.fn.countAll<number>().as('n')).where('name' as never, '=', 'varna-reminders' as never).executeTakeFirstOrThrow()).n);
      expect(scans - before).toBeLessThanOrEqual(1);
    } finally {
      await Promise.all(jobs.map((j) => j.stop()));
      await second.close();
      await smtp.close();
    }
  });
});
