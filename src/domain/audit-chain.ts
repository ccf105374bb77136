import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash covers, in a stable form. */
export interface ChainedFields {
  at: string;
  municipalityId: string | null;
  boardId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Only the chained fields, whatever else the object carries (seq, stored hashes). */
function chained(f: ChainedFields): ChainedFields {
  const { at, municipalityId, boardId, actorId, actorEmail, action, entity, entityId, summary } = f;
  return { at, municipalityId, boardId, actorId, actorEmail, action, entity, entityId, summary };
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(chained(fields))).digest('hex');
}

export interface StoredEntry extends ChainedFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** What is wrong with `e` given the hash of the entry before it, or null when it is intact. */
export function checkLink(prevHash: string, e: StoredEntry): 'prev_hash_mismatch' | 'hash_mismatch' | null {
  if (e.prevHash !== prevHash) return 'prev_hash_mismatch';
  if (entryHash(prevHash, e) !== e.hash) return 'hash_mismatch';
  return null;
}

/** Recomputes the chain from the start; reports the first entry whose link or content is wrong. */
export async function verifyChain(entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const e of entries) {
    const reason = checkLink(prev, e);
    if (reason) return { ok: false, checked, brokenAt: e.seq, reason };
    prev = e.hash;
    checked++;
  }
  return { ok: true, checked };
}
