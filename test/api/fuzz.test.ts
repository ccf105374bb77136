import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

/**
 * Bad input at scale (issue #18): every route of the OpenAPI description gets malformed and
 * hostile requests — wrong types, missing fields, non-object bodies, broken JSON, huge and odd
 * strings, bad ids — from a user with wide rights. Every answer must be a 4xx with the JSON error
 * shape, and nothing may be written.
 */

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; format?: string };
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Probe {
  what: string;
  method: string;
  url: string;
  body?: string;
  contentType?: string;
}

const HUGE = 'å'.repeat(100_000);
const ODD_IDS = ['x', '0', '-1', "'; drop table plan; --", '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'ä'.repeat(300), '00000000-0000-0000-0000-000000000000', '1e309'];
const ODD_QUERY = ['abc', '-1', '1e309', '9'.repeat(40), 'x'.repeat(5000), '%00', '[]', 'null'];
const NOT_OBJECTS = ['[]', '"text"', '42', 'null', 'true', '{"unterminated": ', '{"a":1}}', '\u0000'];

const typesOf = (s: Schema | undefined): string[] => {
  if (!s) return [];
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  return s.type === undefined ? [] : [s.type].flat();
};

/** A value of a type the property does not take (undefined when it takes anything). */
function wrongValue(s: Schema): unknown {
  const types = typesOf(s);
  if (types.length === 0) return undefined;
  if (!types.includes('object')) return { nested: { deeper: [1, 2, 3] } };
  if (!types.includes('string')) return HUGE;
  if (!types.includes('array')) return 12345;
  return undefined;
}

function probes(spec: { paths: Record<string, Record<string, Operation>> }): Probe[] {
  const out: Probe[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const withIds = (id: string) => pathParams.reduce((url, p) => url.replace(`{${p.name}}`, encodeURIComponent(id)), path);
      const url = withIds('00000000-0000-0000-0000-000000000000');
      const M = method.toUpperCase();
      for (const id of pathParams.length ? ODD_IDS : []) out.push({ what: `path id ${JSON.stringify(id.slice(0, 20))}`, method: M, url: withIds(id), ...(op.requestBody ? { body: '{}', contentType: 'application/json' } : {}) });
      for (const q of queryParams) {
        const typed = typesOf(q.schema);
        if (typed.length === 0 || (typed.includes('string') && !q.schema?.enum && !q.schema?.format && !(q.schema as { pattern?: string })?.pattern)) continue;
        for (const v of ODD_QUERY) out.push({ what: `query ${q.name}=${v.slice(0, 12)}`, method: M, url: `${url}?${q.name}=${encodeURIComponent(v)}` });
      }
      const json = op.requestBody?.content['application/json'];
      if (op.requestBody && !json) {
        out.push({ what: 'JSON where a file upload is expected', method: M, url, body: '{"file":"x"}', contentType: 'application/json' });
        continue;
      }
      if (!json?.schema) continue;
      const schema = json.schema;
      for (const body of NOT_OBJECTS) out.push({ what: `body ${JSON.stringify(body.slice(0, 12))}`, method: M, url, body, contentType: 'application/json' });
      if (schema.required?.length) out.push({ what: 'empty object', method: M, url, body: '{}', contentType: 'application/json' });
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const wrong = wrongValue(prop);
        if (wrong === undefined) continue;
        out.push({ what: `${name} of the wrong type`, method: M, url, body: JSON.stringify({ [name]: wrong }), contentType: 'application/json' });
      }
      out.push({ what: 'text/plain body', method: M, url, body: 'hej', contentType: 'text/plain' });
    }
  }
  return out;
}

describe.each(await testDatabaseKinds())('[BAD INPUT] a thousand hostile requests on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
    admin = await t.login('admin@stockholm.example');
  });
  afterAll(() => t.close());

  /**
   * Rows in every table: a request that inserted or deleted anything changes it. The rate limit's
   * own counts (on a PostgreSQL server, one row per client and route) are bookkeeping, not data.
   */
  const rows = async () => {
    const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'rate_limit_window' order by 1`.execute(t.database.db);
    const counts: Record<string, number> = {};
    for (const { t: table } of tables.rows) counts[table] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0].n;
    return counts;
  };

  it('answers every malformed request with a 4xx and the JSON error shape, and writes nothing', async () => {
    const spec = (await central.get('/api/openapi.json')).json();
    const all = probes(spec);
    expect(all.length).toBeGreaterThanOrEqual(1000);
    const before = await rows();
    const wrong: string[] = [];
    const statuses = new Map<number, number>();
    for (const p of all) {
      const send = (who: Client) => who.request(p.method as 'GET', p.url, p.body, p.contentType ? { 'content-type': p.contentType } : {});
      // The central coordinator has the widest rights; the admin those she lacks (accounts, organisation).
      let res = await send(central);
      if (res.statusCode === 403) res = await send(admin);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      let shape = false;
      try {
        const e = res.json().error;
        shape = typeof e?.code === 'string' && typeof e?.message === 'string' && e.message.length > 0;
      } catch {
        shape = false;
      }
      if (res.statusCode < 400 || res.statusCode >= 500 || !shape) wrong.push(`${p.method} ${p.url.slice(0, 120)} (${p.what}): ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    const after = await rows();
    // Sessions are read, not written, by these requests; the two logins happened before.
    expect(after).toEqual(before);
    expect(wrong).toEqual([]);
    console.log(`fuzz on ${kind}: ${all.length} requests, ${[...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  }, 600_000);
});
