/**
 * Värna's background jobs on pg-boss, a PostgreSQL-backed job queue (issue #17): they survive
 * restarts (the queue is tables in the schema `pgboss`), retry with back-off, and run once when
 * several Värna processes share one PostgreSQL server (pg-boss hands each job to one worker with
 * SKIP LOCKED). On the embedded database the single process runs them through the same
 * connection as everything else.
 *
 * - `varna-reminders`: the reminder scan. Every process asks for one each interval with the same
 *   singleton key and slot, so one scan runs per interval however many processes there are.
 * - `varna-email`: sends one outbox e-mail; retried with exponential back-off when the mail server
 *   refuses. 'stately' with the outbox id as singleton key: one job per e-mail waits at a time, however
 *   often a restart or a scan asks for it. The outbox row's claim (sender.ts) makes a second send impossible even if a job ran twice.
 */
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database, DatabaseKind } from '../../db/database.js';
import { scriptQuery } from '../../db/pglite-dialect.js';
import type { MailSettings } from './mail.js';
import { pendingEmails } from './notify.js';
import { runReminders } from './reminders.service.js';
import { deliver } from './sender.js';

export const REMINDER_QUEUE = 'varna-reminders';
export const EMAIL_QUEUE = 'varna-email';

export interface JobOptions {
  db: Database;
  kind: DatabaseKind;
  mail: MailSettings | undefined;
  /** Seconds between reminder scans (VARNA_JOBS_INTERVAL_SECONDS). */
  intervalSeconds: number;
  /** First retry delay in seconds, doubled each time (pg-boss retryBackoff); tests shorten it. */
  retryDelaySeconds?: number;
  retryLimit?: number;
  /** Seconds between a worker's polls for new jobs. */
  pollingSeconds?: number;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * pg-boss on our own database handle: it runs its SQL through Kysely, so on PGlite it shares the
 * one connection safely. Some of its statements are scripts with their own BEGIN … COMMIT; one that
 * fails midway would leave its connection in an aborted transaction, so the connection is rolled
 * back before it goes back to the pool.
 */
export function createBoss(db: Database): PgBoss {
  return new PgBoss({
    db: {
      executeSql: (text: string, values?: unknown[]) =>
        db.connection().execute(async (conn) => {
          try {
            const r = await conn.executeQuery(values?.length ? CompiledQuery.raw(text, values) : scriptQuery(text));
            return { rows: r.rows, rowCount: Number(r.numAffectedRows ?? r.rows.length) };
          } catch (e) {
            if (!values?.length) await conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
            throw e;
          }
        }),
    },
    schema: 'pgboss',
    // Keep finished jobs for a week: enough to see what ran, small enough to stay cheap.
    deleteAfterDays: 7,
    archiveCompletedAfterSeconds: 3600,
  } as PgBoss.ConstructorOptions);
}

/** A PostgreSQL advisory lock key of our own: processes starting together set up the queue one at a time. */
const SETUP_LOCK = 7_310_017;

/** Runs `setup` while holding the setup lock on a PostgreSQL server; on PGlite there is one process and nothing to hold. */
async function oneAtATime<T>(db: Database, kind: DatabaseKind, setup: () => Promise<T>): Promise<T> {
  if (kind === 'pglite') return setup();
  return db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw(`select pg_advisory_lock(${SETUP_LOCK})`));
    try {
      return await setup();
    } finally {
      await conn.executeQuery(CompiledQuery.raw(`select pg_advisory_unlock(${SETUP_LOCK})`));
    }
  });
}

/** Creates a queue unless it exists (under the setup lock, so processes do not race). */
async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}

export interface Jobs {
  boss: PgBoss;
  /** Asks for a reminder scan now (deduplicated with the other processes' requests in this interval). */
  requestScan(): Promise<void>;
  /** Puts outbox e-mails on the queue. */
  enqueueEmails(ids: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** Starts pg-boss, the workers and the scan timer. `stop()` lets running jobs finish first. */
export async function startJobs(opts: JobOptions): Promise<Jobs> {
  const boss = createBoss(opts.db);
  boss.on('error', (error) => opts.log.error({ err: error }, 'job queue error'));
  const retryLimit = opts.retryLimit ?? 6;
  const retryDelay = opts.retryDelaySeconds ?? 60;
  await oneAtATime(opts.db, opts.kind, async () => {
    await boss.start();
    await ensureQueue(boss, REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 30, expireInSeconds: 600 });
    await ensureQueue(boss, EMAIL_QUEUE, { name: EMAIL_QUEUE, policy: 'stately', retryLimit, retryDelay, retryBackoff: true, expireInSeconds: 120 });
  });

  const enqueueEmails = async (ids: string[]) => {
    if (!ids.length || !opts.mail) return;
    // Retry settings on each job: a queue keeps the options it was first created with.
    await boss.insert(ids.map((id) => ({ name: EMAIL_QUEUE, data: { outboxId: id }, singletonKey: id, retryLimit, retryDelay, retryBackoff: true })));
  };

  const pollingIntervalSeconds = opts.pollingSeconds ?? 2;
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds }, async () => {
    const run = await runReminders({ db: opts.db, mail: opts.mail });
    // Also e-mails still waiting from before a restart or from `reminders run` without a server.
    const waiting = (await pendingEmails(opts.db)).filter((id) => !run.emails.includes(id));
    await enqueueEmails([...run.emails, ...waiting]);
    if (run.notifications || run.emails.length) opts.log.info({ notifications: run.notifications, emails: run.emails.length }, 'reminders created');
  });
  if (opts.mail) {
    const mail = opts.mail;
    await boss.work<{ outboxId: string }>(EMAIL_QUEUE, { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 }, async ([job]) => {
      const outcome = await deliver(opts.db, mail, job.data.outboxId, { lastAttempt: job.retryCount >= job.retryLimit });
      if (outcome === 'retry') throw new Error('the mail server refused the message; retrying with back-off');
      if (outcome === 'failed') opts.log.error({ outboxId: job.data.outboxId }, 'e-mail failed after the last retry');
    });
  }

  const interval = Math.max(1, opts.intervalSeconds);
  const requestScan = async () => {
    await boss.send(REMINDER_QUEUE, {}, { singletonKey: 'scan', singletonSeconds: interval });
  };
  const timer = setInterval(() => requestScan().catch((err) => opts.log.error({ err }, 'could not queue the reminder scan')), interval * 1000);
  timer.unref();
  // E-mails left waiting by a restart go out now, without waiting for the next scan's slot.
  await enqueueEmails(await pendingEmails(opts.db));
  await requestScan();

  return {
    boss,
    requestScan,
    enqueueEmails,
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
    },
  };
}
