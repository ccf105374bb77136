import { sql } from 'kysely';
import type { Database } from '../db/database.js';

type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, result?: Counted) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

/** How often each process clears windows that have ended (the table only grows by clients seen). */
const SWEEP_MS = 60_000;

/**
 * A @fastify/rate-limit store in PostgreSQL, so that every Värna process on one server counts the
 * same requests: behind a load balancer a client gets the limit once, not once per process. One
 * upsert per request on an UNLOGGED table (migration 0020): the window starts with the first hit
 * and its count resets once it has ended, as in the plugin's own LocalStore.
 *
 * The embedded database has one process, which keeps the plugin's in-memory store.
 */
export function postgresRateLimitStore(db: Database): { Store: new (options: unknown) => unknown; stop(): void } {
  const sweep = setInterval(() => {
    sql`delete from rate_limit_window where ends_at < now()`.execute(db).catch(() => undefined);
  }, SWEEP_MS);
  sweep.unref();

  class PostgresRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'all:',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      hit(db, this.prefix + key, timeWindow).then(
        (counted) => cb(null, counted),
        (err: Error) => cb(err),
      );
    }

    /** A route with its own limit (login) counts apart from the global one. */
    child(route: RouteOptions) {
      const method = [route.routeInfo?.method ?? ''].flat().join(',');
      return new PostgresRateLimitStore(route, `${method}${route.routeInfo?.url ?? ''}:`);
    }
  }
  return { Store: PostgresRateLimitStore, stop: () => clearInterval(sweep) };
}

async function hit(db: Database, key: string, windowMs: number): Promise<Counted> {
  const { rows } = await sql<{ hits: number; ttl: number }>`
    insert into rate_limit_window as w (key, hits, ends_at)
    values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when w.ends_at <= now() then 1 else w.hits + 1 end,
      ends_at = case when w.ends_at <= now() then excluded.ends_at else w.ends_at end
    returning hits, greatest(0, ceil(extract(epoch from (ends_at - now())) * 1000))::int as ttl`.execute(db);
  return { current: rows[0].hits, ttl: rows[0].ttl };
}
