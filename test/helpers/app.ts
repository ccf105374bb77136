import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { DatabaseHandle, DatabaseKind } from '../../src/db/database.js';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/seed.js';
import { sessionCookieName } from '../../src/http/session-cookie.js';
import { buildServer } from '../../src/server.js';
import { createTestDatabase } from './databases.js';

export { DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  kind: DatabaseKind;
  /** A client logged in as `email` (demo password unless given). */
  login(email: string, password?: string): Promise<Client>;
  anonymous: Client;
  boardId(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface Client {
  csrf: string | null;
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie: string | null, csrf: string | null): Client {
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
    del: (url) => request('DELETE', url),
  };
}

/** Värna in-process on a fresh database of `kind`, with the demo organisation and accounts. */
export async function startTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  await seedDemo(database.db);
  return serveTestApp(database, overrides);
}

/** Värna in-process on a database that already holds its data (migrated), e.g. one upgraded from a dump. */
export async function serveTestApp(database: DatabaseHandle, overrides: Partial<Config> = {}): Promise<TestApp> {
  const kind = database.kind;
  // Rate limits are lifted except where a test sets them: the role matrix alone logs in hundreds of times.
  const config = { ...loadConfig({}), rateLimit: { perMinute: 100_000, loginPerMinute: 100_000 }, ...overrides };
  const app = await buildServer({ config, database, logger: false });
  await app.ready();
  const anonymous = client(app, null, null);
  return {
    app,
    database,
    kind,
    anonymous,
    async login(email, password = DEMO_PASSWORD) {
      const res = await anonymous.post('/api/session', { email, password });
      if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === sessionCookieName(config.secureCookies))!;
      return client(app, `${c.name}=${c.value}`, res.json().csrfToken);
    },
    async boardId(name) {
      const b = await database.db.selectFrom('board').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      return b.id;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
