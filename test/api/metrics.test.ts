import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { buildServer } from '../../src/server.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

const TOKEN = 'scraper-token-0123456789abcdef';
const ID = '4b6f1c2e-8d3a-4f5b-9c7d-0123456789ab';

describe.each(await testDatabaseKinds())('[METRICS] Prometheus metrics on %s', (kind) => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await buildServer({ config: { ...loadConfig({}), metricsToken: TOKEN }, database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const get = (url: string, more: Partial<InjectOptions> = {}) => app.inject({ method: 'GET', url, ...more });
  const metrics = async () => {
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('counts requests and their latency by route pattern, never by raw URL, and errors by status class', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/api/health')).statusCode).toBe(200);
    expect((await get(`/api/concerns/${ID}`)).statusCode).toBe(401);
    expect((await get('/api/no-such-thing')).statusCode).toBe(404);
    const res = await get('/metrics');
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain('# TYPE varna_http_request_duration_seconds histogram');
    expect(text).toMatch(/^varna_http_requests_total\{method="GET",route="\/api\/health",status_class="2xx"\} 3$/m);
    expect(text).toMatch(/^varna_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_class="2xx"\} 3$/m);
    expect(text).toMatch(/^varna_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/health",status_class="2xx"\} 3$/m);
    expect(text).toMatch(/^varna_http_errors_total\{method="GET",route="\/api\/concerns\/:id",status_class="4xx"\} 1$/m);
    expect(text).toMatch(/^varna_http_errors_total\{method="GET",route="[^"]*",status_class="4xx"\} 1$/m);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('no-such-thing');
    expect(text).not.toMatch(/varna_http_errors_total\{[^}]*route="\/api\/health"/);
  });

  it('reports the Node process (CPU, memory, event loop lag) and, on a PostgreSQL server, the connection pool', async () => {
    const text = await metrics();
    for (const name of ['varna_process_cpu_user_seconds_total', 'varna_process_resident_memory_bytes', 'varna_nodejs_eventloop_lag_seconds', 'varna_nodejs_heap_size_used_bytes']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    if (kind === 'postgres') {
      expect(text).toMatch(/^varna_db_pool_total \d+$/m);
      expect(text).toMatch(/^varna_db_pool_idle \d+$/m);
      expect(text).toMatch(/^varna_db_pool_waiting 0$/m);
      expect(Number(/^varna_db_pool_total (\d+)$/m.exec(text)![1])).toBeGreaterThan(0);
    } else {
      expect(text).not.toContain('varna_db_pool_total');
    }
  });

  it('is readable only from this machine or with the bearer token', async () => {
    const remote = await get('/metrics', { remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(401);
    expect(remote.json().error.code).toBe('unauthenticated');
    expect(remote.body).not.toContain('varna_http');
    const wrong = await get('/metrics', { remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    // A reverse proxy on this machine forwards outsiders from a loopback socket: not local.
    const proxied = await get('/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(401);
    const scraper = await get('/metrics', { remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraper.statusCode).toBe(200);
    expect(scraper.body).toContain('# TYPE varna_http_requests_total counter');
  });
});

describe('[METRICS] without VARNA_METRICS_TOKEN', () => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  beforeAll(async () => {
    // An unmigrated in-memory database: /metrics answers without the tables it counts.
    database = await openDatabase({ dataDir: 'memory' });
    app = await buildServer({ config: loadConfig({}), database, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('refuses every reader but this machine with 403 saying how to allow one', async () => {
    const remote = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.1.20', headers: { authorization: 'Bearer anything' } });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.message).toMatch(/VARNA_METRICS_TOKEN/);
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
  });
});
