import { LRUCache } from 'lru-cache';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { todayInSweden } from '../domain/calendar.js';
import type { Actor } from '../domain/policy/index.js';
import { AppError } from './errors.js';
import { freshRead } from './fresh-read.js';

/**
 * Expensive answers (the board and city reports, their documents and charts) go through one gate:
 *
 * - **Cached by data version.** Every write is in the audit log, in the same transaction, and the
 *   log's sequence only grows in commit order (its chain lock is held to commit). So "the highest
 *   sequence number" names the state of the data: an answer computed at version V is correct for
 *   everyone with the same rights until the next write. Keys carry that version, the day in Sweden
 *   (reports call things late relative to today) and the asker's grants, never another user's.
 * - **Shared while running.** Fifty people asking for the same report at once start one build.
 * - **Limited.** At most `concurrency` builds run at once; `queue` more wait; beyond that the
 *   answer is 503 with Retry-After, so a burst of reports never starves the rest of the API.
 */
export interface HeavyWorkOptions {
  /** Builds at once (VARNA_REPORT_CONCURRENCY, default 2). */
  concurrency: number;
  /** Builds waiting for a free slot before new ones are refused (VARNA_REPORT_QUEUE, default 100). */
  queue: number;
  /** Answers kept (VARNA_REPORT_CACHE_ENTRIES, default 64; 0 turns the cache off). */
  entries: number;
}

export interface HeavyWorkStats {
  hits: number;
  misses: number;
  shared: number;
  rejected: number;
  running: number;
  waiting: number;
}

export interface HeavyWork {
  /** The answer for `key`: from the cache, from a build already running, or built now in a slot. */
  run<T>(key: string, build: () => Promise<T>): Promise<T>;
  stats(): HeavyWorkStats;
}

export const RETRY_AFTER_SECONDS = 5;

export const busy = () =>
  new AppError(503, 'busy', `Servern tar fram många rapporter just nu. Försök igen om ${RETRY_AFTER_SECONDS} sekunder.`);

export function createHeavyWork(opts: HeavyWorkOptions): HeavyWork {
  const cache = opts.entries > 0 ? new LRUCache<string, { value: unknown }>({ max: opts.entries }) : null;
  const building = new Map<string, Promise<unknown>>();
  const waiting: (() => void)[] = [];
  const counts = { hits: 0, misses: 0, shared: 0, rejected: 0 };
  let running = 0;

  async function acquire(): Promise<void> {
    if (running < opts.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= opts.queue) {
      counts.rejected++;
      throw busy();
    }
    // The slot is handed over by release() with `running` unchanged, so no newcomer can slip in.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    run<T>(key: string, build: () => Promise<T>): Promise<T> {
      const hit = cache?.get(key);
      if (hit) {
        counts.hits++;
        return Promise.resolve(hit.value as T);
      }
      const pending = building.get(key);
      if (pending) {
        counts.shared++;
        return pending as Promise<T>;
      }
      counts.misses++;
      const promise = (async () => {
        await acquire();
        try {
          const value = await build();
          cache?.set(key, { value });
          return value;
        } finally {
          release();
        }
      })();
      building.set(key, promise);
      promise.then(
        () => building.delete(key),
        () => building.delete(key),
      );
      return promise;
    },
    stats: () => ({ ...counts, running, waiting: waiting.length }),
  };
}

/**
 * The state of the municipality's data: the audit log's newest sequence number, and the
 * suppression threshold, which is a setting changed outside the API (by an operator in the
 * database) and must take effect at once: a stricter threshold may never be answered from a
 * cache built under a looser one.
 */
export async function dataVersion(db: Database, municipalityId: string): Promise<string> {
  const r = await sql<{ v: string | null; t: number | null }>`
    select (select max(seq) from audit_log)::text as v,
           (select suppression_threshold from municipality where id = ${municipalityId}) as t`.execute(db);
  return `${r.rows[0]?.v ?? '0'}:${r.rows[0]?.t ?? ''}`;
}

/** Who is asking, as far as an answer can depend on it: the municipality and the grants. */
export function rightsKey(actor: Actor): string {
  const grants = actor.roles.map((g) => `${g.role}:${g.boardId ?? '*'}:${g.boardKind ?? ''}`).sort();
  return `${actor.municipalityId}|${grants.join(',')}`;
}

/**
 * The cache key of an answer that depends on `parts` (route and query), the asker's rights, the day
 * in Sweden and the data version.
 */
export async function gateKey(app: FastifyInstance, actor: Actor, parts: unknown[]): Promise<string> {
  return [...parts.map((p) => (p === undefined ? '' : String(p))), rightsKey(actor), todayInSweden(), await sharedDataVersion(app.db, actor.municipalityId)].join('|');
}

const versionReads = new WeakMap<Database, (municipalityId: string) => Promise<string>>();

/** dataVersion, read once for the requests that arrive together, each read begun after its request (fresh-read.ts). */
function sharedDataVersion(db: Database, municipalityId: string): Promise<string> {
  let read = versionReads.get(db);
  if (!read) versionReads.set(db, (read = freshRead((m) => dataVersion(db, m))));
  return read(municipalityId);
}

/** `build`'s answer through the gate: cached until the next write, shared, limited. */
export async function throughGate<T>(app: FastifyInstance, actor: Actor, parts: unknown[], build: () => Promise<T>): Promise<T> {
  return app.heavyWork.run(await gateKey(app, actor, parts), build);
}
