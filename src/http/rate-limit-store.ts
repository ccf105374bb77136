import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { nextRunFor } from './fresh-read.js';

type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, result?: Counted) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/** How often each process clears windows that have ended (the table only grows by clients seen). */
const SWEEP_MS = 60_000;

/**
 * A @fastify/rate-limit store class over `count` (hits of a key in a window of `timeWindow` ms): the
 * global limit counts under 'all:', a route with its own limit (login) under its method and URL.
 */
function storeClass(count: (key: string, timeWindow: number) => Promise<Counted>): new (options: unknown) => unknown {
  class RateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'all:',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      count(this.prefix + key, timeWindow).then(
        (counted) => cb(null, counted),
        (err: Error) => cb(err),
      );
    }

    child(route: RouteOptions) {
      const method = [route.routeInfo?.method ?? ''].flat().join(',');
      return new RateLimitStore(route, `${method}${route.routeInfo?.url ?? ''}:`);
    }
  }
  return RateLimitStore;
}

/**
 * A store in PostgreSQL, so that every Värna process on one server counts the same requests: behind
 * a load balancer a client gets the limit once, not once per process. One upsert on an UNLOGGED
 * table (migration 0020) counts the hits: the window starts with the first hit and its count resets
 * once it has ended, as in the plugin's own LocalStore.
 *
 * Hits of one key (one client address) that arrive while its upsert is under way are counted
 * together by the next one (fresh-read.ts), with one hit number each, so the count stays exact: 50
 * requests at once from one address (a municipality's network often has one) wait here for two
 * round trips instead of queueing for the row's lock with a pool connection each (issue 11).
 */
export function postgresRateLimitStore(db: Database): { Store: new (options: unknown) => unknown; stop(): void } {
  const sweep = setInterval(() => {
    sql`delete from rate_limit_window where ends_at < now()`.execute(db).catch(() => undefined);
  }, SWEEP_MS);
  sweep.unref();
  const count = nextRunFor<number, Counted>(async (key, windows) => {
    const counted = await hit(db, key, windows[0], windows.length);
    return windows.map((_, i) => ({ current: counted.current - windows.length + 1 + i, ttl: counted.ttl }));
  });
  return { Store: storeClass(count), stop: () => clearInterval(sweep) };
}

/** Counts `n` hits of `key`; the count after them and the window's time left. */
async function hit(db: Database, key: string, windowMs: number, n: number): Promise<Counted> {
  const { rows } = await sql<{ hits: number; ttl: number }>`
    insert into rate_limit_window as w (key, hits, ends_at)
    values (${key}, ${n}, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when w.ends_at <= now() then excluded.hits else w.hits + excluded.hits end,
      ends_at = case when w.ends_at <= now() then excluded.ends_at else w.ends_at end
    returning hits, greatest(0, ceil(extract(epoch from (ends_at - now())) * 1000))::int as ttl`.execute(db);
  return { current: rows[0].hits, ttl: rows[0].ttl };
}

/** Windows kept in memory before the oldest are forgotten (the plugin's own LocalStore keeps 5,000). */
const MEMORY_KEYS = 10_000;

/**
 * The same counting in memory, for the embedded database's one process. The plugin's LocalStore
 * hands every hit of a key the same mutable object, so a burst of requests from one address all
 * read the count after the last of them and every one was refused, not only those over the limit.
 * Here each hit gets its own number.
 */
export function memoryRateLimitStore(): { Store: new (options: unknown) => unknown; stop(): void } {
  const windows = new Map<string, { hits: number; endsAt: number }>();
  const count = async (key: string, timeWindow: number): Promise<Counted> => {
    const now = Date.now();
    let w = windows.get(key);
    if (!w || w.endsAt <= now) {
      windows.delete(key);
      if (windows.size >= MEMORY_KEYS) windows.delete(windows.keys().next().value!);
      windows.set(key, (w = { hits: 0, endsAt: now + timeWindow }));
    }
    w.hits += 1;
    return { current: w.hits, ttl: w.endsAt - now };
  };
  return { Store: storeClass(count), stop: () => windows.clear() };
}
