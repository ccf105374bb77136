import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/database.js';
import { AppError } from './errors.js';
import { queueFigures } from '../modules/notifications/queue-figures.js';

/**
 * GET /metrics in Prometheus text format (prom-client): requests and their latency by route pattern
 * (never the raw URL, so ids do not multiply the series), errors by status class, the PostgreSQL
 * pool, the job queue and e-mail outbox, and the Node process (CPU, memory, event loop lag, handles).
 *
 * Who may read it: a scraper on this machine (the socket and the client are both loopback and no
 * proxy forwarded the request), or anyone with `Authorization: Bearer $VARNA_METRICS_TOKEN`.
 */
export function registerMetrics(app: FastifyInstance, opts: { database: DatabaseHandle; token: string | undefined }): void {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'varna_' });
  const labelNames = ['method', 'route', 'status_class'] as const;
  const requests = new Counter({ name: 'varna_http_requests_total', help: 'HTTP requests answered, by route pattern and status class', labelNames, registers: [register] });
  const errors = new Counter({ name: 'varna_http_errors_total', help: 'HTTP answers with status 4xx or 5xx, by route pattern and status class', labelNames, registers: [register] });
  const latency = new Histogram({
    name: 'varna_http_request_duration_seconds',
    help: 'Time from request received to answer sent, by route pattern',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
    registers: [register],
  });
  const pool = opts.database.pool;
  if (pool) {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [register], collect() { this.set(read()); } });
    gauge('varna_db_pool_total', 'PostgreSQL connections open in the pool', () => pool.totalCount);
    gauge('varna_db_pool_idle', 'PostgreSQL connections open and idle', () => pool.idleCount);
    gauge('varna_db_pool_waiting', 'Queries waiting for a free connection', () => pool.waitingCount);
  }

  const work = () => app.heavyWork.stats();
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({ name, help, registers: [register], collect() { this.reset(); this.inc(read()); } });
  counter('varna_report_cache_hits_total', 'Reports and documents answered from the cache', () => work().hits);
  counter('varna_report_builds_total', 'Reports and documents built (cache misses)', () => work().misses);
  counter('varna_report_shared_total', 'Requests that shared a build already running', () => work().shared);
  counter('varna_report_rejected_total', 'Report requests answered 503 because the queue was full', () => work().rejected);
  new Gauge({ name: 'varna_report_builds_running', help: 'Report builds running now', registers: [register], collect() { this.set(work().running); } });
  new Gauge({ name: 'varna_report_builds_waiting', help: 'Report builds waiting for a slot', registers: [register], collect() { this.set(work().waiting); } });

  // The job queue and the outbox: one read of the database per scrape (a few rows) feeds both
  // gauges; the route starts it before prom-client collects.
  let scrape: ReturnType<typeof queueFigures> | null = null;
  const figures = () => scrape ?? queueFigures(opts.database.db);
  new Gauge({
    name: 'varna_jobs',
    help: 'Background jobs (reminder scans, e-mails) per queue and state, in the PostgreSQL-backed queue',
    labelNames: ['queue', 'state'],
    registers: [register],
    async collect() {
      this.reset();
      for (const j of (await figures()).jobs) this.set({ queue: j.queue, state: j.state }, j.n);
    },
  });
  new Gauge({
    name: 'varna_email_outbox',
    help: 'E-mails in the outbox per status (pending, sending, sent, failed, uncertain)',
    labelNames: ['status'],
    registers: [register],
    async collect() {
      this.reset();
      for (const e of (await figures()).emails) this.set({ status: e.status }, e.n);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: routeOf(request), status_class: `${Math.floor(reply.statusCode / 100)}xx` };
    requests.inc(labels);
    if (reply.statusCode >= 400) errors.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayRead(request, opts.token)) {
      if (opts.token) throw new AppError(401, 'unauthenticated', 'Mätvärdena kräver rätt token (Authorization: Bearer).');
      throw new AppError(403, 'forbidden', 'Mätvärdena kan bara läsas från den här datorn, eller med VARNA_METRICS_TOKEN.');
    }
    // Read before collecting, so the pool gauges see the pool at rest; a failed read fails this
    // scrape in the gauges that await it.
    scrape = queueFigures(opts.database.db);
    await scrape.catch(() => undefined);
    try {
      return reply.header('cache-control', 'no-store').type(register.contentType).send(await register.metrics());
    } finally {
      scrape = null;
    }
  });
}

/** The route pattern the request matched; the web app's hashed files as one route. */
function routeOf(request: FastifyRequest): string {
  const url = request.routeOptions.url;
  if (!url) return 'unmatched';
  return url.startsWith('/assets/') ? '/assets/*' : url;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  const auth = request.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  // Through a reverse proxy on this machine the socket is loopback but the reader is not.
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(request.socket.remoteAddress ?? '') && LOOPBACK.test(request.ip);
}
