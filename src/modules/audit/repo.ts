import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

const CHAIN_LOCK = 7_270_001; // serialises appends so each entry links to the one before it

export async function lockChain(trx: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
}

/** The chain's last entry (call under the lock): the next entry links to it and takes the next seq. */
export async function lastHead(trx: Database): Promise<{ seq: number; hash: string } | undefined> {
  const row = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && { seq: Number(row.seq), hash: row.hash };
}

export async function insertEntry(
  trx: Database,
  row: {
    seq: number;
    at: string;
    municipality_id: string | null;
    board_id: string | null;
    actor_id: string | null;
    actor_email: string | null;
    action: string;
    entity: string;
    entity_id: string | null;
    summary: string;
    prev_hash: string;
    hash: string;
  },
): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  municipalityId: string;
  /** 'all' entries of the municipality, or those of these boards plus the actor's own. */
  boards: 'all' | string[];
  actorId: string;
  beforeSeq?: number;
  limit: number;
}

export async function listEntries(db: Database, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', f.municipalityId)
    .orderBy('seq', 'desc')
    .limit(f.limit);
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  if (f.boards !== 'all') {
    const boards = f.boards;
    q = q.where((eb) =>
      boards.length ? eb.or([eb('actor_id', '=', f.actorId), eb('board_id', 'in', boards)]) : eb('actor_id', '=', f.actorId),
    );
  }
  return q.execute();
}

/** The whole chain in order, in pages, so verification never holds the log in memory. */
export async function* allEntries(db: Database, pageSize = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = Number(rows[rows.length - 1].seq);
  }
}
