import type { Database } from '../../db/database.js';
import { boardScope, type Actor } from '../../domain/policy/index.js';
import { GENESIS_HASH, entryHash, verifyChain, type ChainedFields, type StoredEntry } from '../../domain/audit-chain.js';
import * as repo from './repo.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  boardId?: string | null;
  /** What changed, without secrets or free text that may hold personal data. */
  summary: Record<string, unknown>;
}

/** Who did it: a logged-in actor, or the system (demo seed, CLI) within a municipality. */
export type AuditActor = Actor | { system: string; municipalityId: string | null };

/** Appends one entry to the hash chain. Call inside the transaction that makes the change. */
export async function recordAudit(trx: Database, actor: AuditActor, input: AuditInput): Promise<void> {
  await repo.lockChain(trx);
  const prev = (await repo.lastHash(trx)) ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: new Date().toISOString(),
    municipalityId: actor.municipalityId,
    boardId: input.boardId ?? null,
    actorId: 'userId' in actor ? actor.userId : null,
    actorEmail: 'userId' in actor ? actor.email : `system:${actor.system}`,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    summary: input.summary,
  };
  await repo.insertEntry(trx, {
    at: fields.at,
    municipality_id: fields.municipalityId,
    board_id: fields.boardId,
    actor_id: fields.actorId,
    actor_email: fields.actorEmail,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    summary: JSON.stringify(fields.summary),
    prev_hash: prev,
    hash: entryHash(prev, fields),
  });
}

type Row = Awaited<ReturnType<typeof repo.listEntries>>[number];

function toStored(r: Row): StoredEntry {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    municipalityId: r.municipality_id,
    boardId: r.board_id,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    summary: typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function presentAuditEntry(r: Row) {
  const e = toStored(r);
  return {
    seq: e.seq,
    at: e.at,
    actorEmail: e.actorEmail,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    boardId: e.boardId,
    summary: e.summary as Record<string, unknown>,
  };
}

/**
 * The entries an actor may see: admins, auditors and central coordinators see the whole
 * municipality; local coordinators and viewers their boards' entries; everyone their own.
 */
export async function listAudit(opts: { db: Database; actor: Actor; beforeSeq?: number; limit?: number }) {
  const boards = boardScope(opts.actor, ['admin', 'auditor', 'central_coordinator', 'local_coordinator', 'viewer']);
  const wide = boardScope(opts.actor, ['admin', 'auditor', 'central_coordinator']);
  const rows = await repo.listEntries(opts.db, {
    municipalityId: opts.actor.municipalityId,
    boards: wide === 'all' ? 'all' : boards,
    actorId: opts.actor.userId,
    beforeSeq: opts.beforeSeq,
    limit: Math.min(opts.limit ?? 50, 200),
  });
  return rows.map(presentAuditEntry);
}

/** Recomputes the whole chain. Used by `npm run varna -- audit verify` and the admin page. */
export async function verifyAudit(opts: { db: Database }) {
  async function* stored() {
    for await (const r of repo.allEntries(opts.db)) yield toStored(r);
  }
  return verifyChain(stored());
}
