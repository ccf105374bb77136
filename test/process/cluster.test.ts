import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { createServerDatabase, testDatabaseKinds } from '../helpers/databases.js';
import { freePort, startServer, stop } from '../helpers/server-process.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { openDatabase } from '../../src/db/database.js';
import { verifyAudit } from '../../src/modules/audit/service.js';

const kinds = await testDatabaseKinds();

/** The Node processes under `pid` (the workers the primary forked; tsx's esbuild service is not one). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, comm]) => comm === 'node')
      .map(([child]) => Number(child));
  } catch {
    return [];
  }
};

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('[OPERATIONS] several processes on one port (VARNA_WORKERS)', () => {
  it('refuses more than one process on the embedded database, saying why', async () => {
    const server = startServer({ VARNA_WORKERS: '2', VARNA_DATA_DIR: 'memory', PORT: String(await freePort()) });
    await expect(server.ready).rejects.toThrow(/exited with 2/);
    expect(server.output()).toContain('VARNA_WORKERS above 1 needs a PostgreSQL server');
  }, 120_000);

  // Several processes need a database server; CI always has one (VARNA_REQUIRE_POSTGRES).
  if (kinds.includes('postgres')) {
    describe('on the PostgreSQL server', () => {
      let database: Awaited<ReturnType<typeof createServerDatabase>>;
      beforeAll(async () => {
        database = await createServerDatabase('varna_test_cluster');
      });
      afterAll(() => database?.drop());

      it('serves with two workers, replaces one that dies, and stops all of them on SIGTERM', async () => {
        const port = await freePort();
        const server = startServer({ DATABASE_URL: database.url, VARNA_DEMO: '1', VARNA_WORKERS: '2', PORT: String(port) });
        const base = `http://127.0.0.1:${port}`;
        let primary = 0;
        try {
          await server.ready;
          primary = Number(/with 2 processes \(primary pid (\d+)\)/.exec(server.output())?.[1]);
          expect(primary).toBeGreaterThan(0);
          const workers = childrenOf(primary);
          expect(workers).toHaveLength(2);
          // A session made by one process is good in the other: state lives in the database.
          const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'central@stockholm.example', password: DEMO_PASSWORD }) });
          expect(login.status).toBe(200);
          const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
          for (let i = 0; i < 10; i++) expect((await fetch(`${base}/api/me`, { headers: { cookie } })).status).toBe(200);

          process.kill(workers[0], 'SIGKILL');
          const replaced = await until('a new worker', () => {
            const now = childrenOf(primary);
            return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
          });
          expect(replaced).toContain(workers[1]);
          // The primary's warning travels through a pipe: it may arrive after the new worker is seen.
          const said = new RegExp(`worker ${workers[0]} stopped \\(SIGKILL\\); starting a new one`);
          await until('the primary to say so', () => (said.test(server.output()) ? true : undefined));
          await until('answers again', async () => ((await fetch(`${base}/api/health/ready`).catch(() => null))?.status === 200 ? true : undefined));
        } finally {
          await stop(server.child);
        }
        expect(server.child.exitCode).toBe(0);
        for (const pid of childrenOf(primary)) expect.fail(`worker ${pid} outlived the primary`);
      }, 300_000);

      it('two processes behind a load balancer share one rate limit: a client gets the limit once, not once per process', async () => {
        const [portA, portB] = [await freePort(), await freePort()];
        // A database of its own: the counts of the test above must not be in its window.
        const shared = await createServerDatabase('varna_test_ratelimit');
        // The first process migrates (and seeds the demo); the second starts on the same database.
        const a = startServer({ DATABASE_URL: shared.url, VARNA_DEMO: '1', VARNA_RATE_LIMIT: '30', PORT: String(portA) });
        let b: ReturnType<typeof startServer> | undefined;
        try {
          await a.ready;
          b = startServer({ DATABASE_URL: shared.url, VARNA_RATE_LIMIT: '30', PORT: String(portB) });
          await b.ready;
          // A load balancer's round robin: 40 requests from one client, half to each process.
          const statuses: number[] = [];
          for (let i = 0; i < 40; i++) statuses.push((await fetch(`http://127.0.0.1:${i % 2 ? portB : portA}/api/health`)).status);
          // Each process alone would have seen 20, under its limit of 30; together they count 40.
          expect(statuses.filter((s) => s === 200)).toHaveLength(30);
          expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
          const refused = await fetch(`http://127.0.0.1:${portB}/api/health`);
          expect(refused.status).toBe(429);
          expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        } finally {
          if (b) await stop(b.child);
          await stop(a.child);
          await shared.drop();
        }
      }, 300_000);

      it('two worker processes share the job queue: every waiting e-mail goes out once, over SMTP, and the audit chain holds', async () => {
        const port = await freePort();
        const jobs = await createServerDatabase('varna_test_jobs');
        const smtp = await startSmtpServer();
        const server = startServer({ DATABASE_URL: jobs.url, VARNA_DEMO: '1', VARNA_WORKERS: '2', PORT: String(port), VARNA_SMTP_URL: smtp.url, VARNA_JOBS_INTERVAL_SECONDS: '1' });
        const handle = await openDatabase({ databaseUrl: jobs.url });
        const db = handle.db;
        try {
          await server.ready;
          const user = await db.selectFrom('app_user').select(['id', 'municipality_id']).where('email', '=', 'central@stockholm.example').executeTakeFirstOrThrow();
          // 30 e-mails waiting in the outbox, as a scan leaves them; both processes' scans pick them up.
          const rows = Array.from({ length: 30 }, (_, i) => ({
            municipality_id: user.municipality_id,
            user_id: user.id,
            kind: 'followup_due',
            idempotency_key: `cluster-test:${i}`,
            recipient: `mottagare${i}@kommun.example`,
            subject: `Påminnelse ${i}`,
            text_body: 'Text',
            html_body: '<p>Text</p>',
          }));
          await db.insertInto('email_outbox').values(rows).execute();
          await until('every e-mail sent', async () => {
            const left = await db.selectFrom('email_outbox').select('id').where('idempotency_key', 'like', 'cluster-test:%').where('status', '<>', 'sent').execute();
            return left.length === 0 ? true : undefined;
          });
          await new Promise((r) => setTimeout(r, 3000)); // a second send would arrive now
          const received = smtp.received.map((m) => m.to[0]).filter((to) => to.startsWith('mottagare'));
          expect(received.sort()).toEqual(rows.map((r) => r.recipient).sort());
          const attempts = await db.selectFrom('email_outbox').select('attempts').where('idempotency_key', 'like', 'cluster-test:%').execute();
          expect(attempts.every((a) => a.attempts === 1)).toBe(true);
          expect(childrenOf(Number(/primary pid (\d+)/.exec(server.output())?.[1]))).toHaveLength(2);
          // The demo seed and the scans wrote to the audit log: one chain, no gaps.
          expect((await verifyAudit({ db, anchor: undefined })).ok).toBe(true);
        } finally {
          await stop(server.child);
          await handle.close();
          await smtp.close();
          await jobs.drop();
        }
      }, 300_000);
    });
  }
});
