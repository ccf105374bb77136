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

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface StoredEntry extends ChainedFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Recomputes the chain from the start; reports the first entry whose link or content is wrong. */
export function verifyChain(entries: Iterable<StoredEntry>, startHash = GENESIS_HASH): ChainVerdict {
  let prev = startHash;
  let checked = 0;
  for (const e of entries) {
    if (e.prevHash !== prev) return { ok: false, checked, brokenAt: e.seq, reason: 'prev_hash_mismatch' };
    if (entryHash(prev, e) !== e.hash) return { ok: false, checked, brokenAt: e.seq, reason: 'hash_mismatch' };
    prev = e.hash;
    checked++;
  }
  return { ok: true, checked };
}
