import { readFileSync } from 'node:fs';
import type { Database } from '../../db/database.js';
import { boardScope, type Actor } from '../../domain/policy/index.js';
import { GENESIS_HASH, entryHash, parseAnchor, verifyChain, type ChainedFields, type StoredEntry } from '../../domain/audit-chain.js';
import { redactForReader } from './redact.js';
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

/**
 * Appends one entry to the hash chain. Call inside the transaction that makes the change. The
 * entry takes the next seq under the chain's lock, held to commit or rollback, so the sequence has
 * no gaps unless entries are deleted (a rolled-back entry takes its number with it).
 */
export async function recordAudit(trx: Database, actor: AuditActor, input: AuditInput): Promise<void> {
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordAudit(t, actor, input));
  await repo.lockChain(trx);
  const head = await repo.lastHead(trx);
  const prev = head?.hash ?? GENESIS_HASH;
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
    seq: (head?.seq ?? 0) + 1,
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

/**
 * An entry as `reader` may see it. The stored entry is never changed (the chain hashes it); what
 * the reader may not see of it is left out here: categories of concern reports and survey answers
 * outside the boards where the reader sees such counts exactly (./redact.ts).
 */
export function presentAuditEntry(r: Row, reader: Actor) {
  const e = toStored(r);
  const shown = redactForReader(reader, { actorId: e.actorId, action: e.action, entity: e.entity, boardId: e.boardId, summary: e.summary as Record<string, unknown> });
  return {
    seq: e.seq,
    at: e.at,
    actorEmail: e.actorEmail,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    boardId: e.boardId,
    summary: shown.summary,
    redacted: shown.redacted,
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
  // Names for the log's sentences ("Anna Andersson skickade handlingsplanen 2026 för …"): the
  // account's current name and the board's, looked up for the page, not stored in the chain.
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [actorIds, boardIds] = [ids(rows.map((r) => r.actor_id)), ids(rows.map((r) => r.board_id))];
  const people = actorIds.length ? await opts.db.selectFrom('app_user').select(['id', 'name']).where('id', 'in', actorIds).execute() : [];
  const boardRows = boardIds.length ? await opts.db.selectFrom('board').select(['id', 'name']).where('id', 'in', boardIds).execute() : [];
  const nameOf = new Map([...people, ...boardRows].map((x) => [x.id, x.name]));
  return rows.map((r) => ({
    ...presentAuditEntry(r, opts.actor),
    actorName: (r.actor_id && nameOf.get(r.actor_id)) || null,
    boardName: (r.board_id && nameOf.get(r.board_id)) || null,
  }));
}

export type AuditVerdict =
  | Awaited<ReturnType<typeof verifyChain>>
  /** An anchor is configured but cannot be read: nothing can be said about the end of the log. */
  | { ok: false; checked: 0; reason: 'anchor_missing' | 'anchor_unreadable'; anchorLine?: number };

/**
 * Recomputes the whole chain: links, hashes, a sequence without gaps, and with `anchor` (the
 * VARNA_AUDIT_ANCHOR file) every recorded head. Used by `npm run varna -- audit verify` and the
 * admin page. A configured anchor that is missing or holds no head while the log has entries
 * fails: an anchor that was removed must not read as "nothing to compare with".
 */
export async function verifyAudit(opts: { db: Database; anchor?: string }): Promise<AuditVerdict> {
  async function* stored() {
    for await (const r of repo.allEntries(opts.db)) yield toStored(r);
  }
  if (!opts.anchor) return verifyChain(stored());
  let text: string;
  try {
    text = readFileSync(opts.anchor, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    text = '';
  }
  const parsed = parseAnchor(text);
  if (!parsed.ok) return { ok: false, checked: 0, reason: 'anchor_unreadable', anchorLine: parsed.line };
  if (parsed.heads.length === 0 && (await repo.lastHead(opts.db))) return { ok: false, checked: 0, reason: 'anchor_missing' };
  return verifyChain(stored(), parsed.heads);
}
