import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/**
 * The job queue and the e-mail outbox in figures, for /metrics: jobs per queue and state (pg-boss's
 * own table, when this database has it: pg-boss creates it when a process first runs jobs) and
 * e-mails per status.
 */
export async function queueFigures(db: Database): Promise<{ jobs: { queue: string; state: string; n: number }[]; emails: { status: string; n: number }[] }> {
  // A database not migrated yet (or before any process ran jobs) has neither table: no figures, no error.
  const tables = (await sql<{ jobs: string | null; outbox: string | null }>`select to_regclass('pgboss.job')::text as jobs, to_regclass('email_outbox')::text as outbox`.execute(db)).rows[0];
  const jobs = tables?.jobs ? (await sql<{ queue: string; state: string; n: number }>`select name as queue, state::text as state, count(*)::int as n from pgboss.job group by 1, 2`.execute(db)).rows : [];
  const emails = tables?.outbox ? await db.selectFrom('email_outbox').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute() : [];
  return { jobs, emails };
}
