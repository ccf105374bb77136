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

/** Why verification failed; `brokenAt` is the first entry concerned. */
export type BreakReason =
  /** The entry does not link to the hash of the entry before it. */
  | 'prev_hash_mismatch'
  /** The entry's content no longer gives its stored hash. */
  | 'hash_mismatch'
  /** Entries are missing: the sequence is not continuous from 1 (`brokenAt` is the first missing seq). */
  | 'gap'
  /** The anchor recorded another hash for this entry: the log was rewritten from here on. */
  | 'anchor_mismatch'
  /** The log ends before the head recorded in the anchor (`brokenAt` is the first missing seq). */
  | 'truncated';

export type ChainVerdict =
  /** `anchoredTo`: the highest anchored entry the log was checked against; null without an anchor. */
  | { ok: true; checked: number; anchoredTo: number | null }
  /** `anchoredTo` on 'truncated': the anchored head the log no longer reaches. */
  | { ok: false; checked: number; brokenAt: number; reason: BreakReason; anchoredTo?: number };

/** What is wrong with `e` given the hash of the entry before it, or null when it is intact. */
export function checkLink(prevHash: string, e: StoredEntry): 'prev_hash_mismatch' | 'hash_mismatch' | null {
  if (e.prevHash !== prevHash) return 'prev_hash_mismatch';
  if (entryHash(prevHash, e) !== e.hash) return 'hash_mismatch';
  return null;
}

// ---- The anchor ---------------------------------------------------------------------------------

/**
 * The chain's head as the anchor file records it. The anchor is an append-only file kept outside
 * the database (VARNA_AUDIT_ANCHOR) that receives the head after every committed audit write. The
 * hash of entry `seq` covers every entry before it through the prev_hash links, so a log that still
 * holds entry `seq` with this hash also holds everything before it unchanged; a log that ends
 * before `seq`, or holds another hash there, was cut or rewritten.
 */
export interface AnchorHead {
  seq: number;
  hash: string;
}

/** One line of the anchor file: `seq hash recorded-at`, newline-terminated. */
export function formatAnchorLine(head: AnchorHead, recordedAt: Date): string {
  return `${head.seq} ${head.hash} ${recordedAt.toISOString()}\n`;
}

const ANCHOR_LINE = /^(\d+) ([0-9a-f]{64})(?: \S+)?$/;

/** The heads in an anchor file, or the number (1-based) of the first line that is not one. */
export function parseAnchor(text: string): { ok: true; heads: AnchorHead[] } | { ok: false; line: number } {
  const heads: AnchorHead[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = ANCHOR_LINE.exec(line);
    if (!m || !Number.isSafeInteger(Number(m[1])) || Number(m[1]) < 1) return { ok: false, line: i + 1 };
    heads.push({ seq: Number(m[1]), hash: m[2] });
  }
  return { ok: true, heads };
}

/**
 * Recomputes the chain from the start and reports the first entry that is missing, wrong or
 * unlinked. Entries must come in seq order. The sequence must run 1, 2, 3, … without gaps: entries
 * are numbered under the chain's lock in the transaction that writes them, so a gap means a
 * deletion. With `anchor` (the heads from the anchor file), every anchored entry must be in the log
 * with the anchored hash, and the log must not end before the highest one.
 *
 * Without an anchor, cutting entries off the end of the log cannot be seen: what is left is a
 * valid, shorter chain.
 */
export async function verifyChain(
  entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>,
  anchor?: readonly AnchorHead[],
): Promise<ChainVerdict> {
  const anchored = new Map<number, string[]>();
  for (const h of anchor ?? []) anchored.set(h.seq, [...(anchored.get(h.seq) ?? []), h.hash]);
  let prev = GENESIS_HASH;
  let checked = 0;
  for await (const e of entries) {
    const expected = checked + 1;
    if (e.seq !== expected) return { ok: false, checked, brokenAt: expected, reason: 'gap' };
    const reason = checkLink(prev, e);
    if (reason) return { ok: false, checked, brokenAt: e.seq, reason };
    // A seq anchored twice with different hashes cannot match both: that is a rewrite too.
    if (anchored.get(e.seq)?.some((h) => h !== e.hash)) return { ok: false, checked, brokenAt: e.seq, reason: 'anchor_mismatch' };
    prev = e.hash;
    checked++;
  }
  if (!anchor) return { ok: true, checked, anchoredTo: null };
  let head = 0;
  for (const seq of anchored.keys()) if (seq > head) head = seq;
  if (head > checked) return { ok: false, checked, brokenAt: checked + 1, reason: 'truncated', anchoredTo: head };
  return { ok: true, checked, anchoredTo: head };
}
