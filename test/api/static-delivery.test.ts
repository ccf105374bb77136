import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { buildServer } from '../../src/server.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';

/**
 * How the web app reaches a phone: text compressed, hashed assets cached for a year, the page shell
 * revalidated. Needs a built web app (`npm test` builds it first).
 */
const DIST = new URL('../../web/dist/', import.meta.url);
const shell = readFileSync(new URL('index.html', DIST), 'utf8');
const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell)![1];
const style = /href="(\/assets\/[^"]+\.css)"/.exec(shell)![1];

describe('[STATIC] compression and caching of the web app and the API', () => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  beforeAll(async () => {
    // Static delivery reads no table: an unmigrated in-memory database answers the health ping.
    database = await openDatabase({ dataDir: 'memory' });
    app = await buildServer({ config: loadConfig({}), database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('serves the hashed script brotli-compressed, much smaller, identical once decompressed, cached as immutable', async () => {
    const plain = readFileSync(new URL(script.slice(1), DIST));
    const res = await get(script, 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(res.rawPayload).equals(plain)).toBe(true);
  });

  it('falls back to gzip for a client without brotli, and sends the file as it is to a client that accepts neither', async () => {
    const plain = readFileSync(new URL(style.slice(1), DIST));
    const gz = await get(style, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const none = await get(style);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(plain)).toBe(true);
  });

  it('revalidates the page shell on every load, at / and at any route of the web app, so a new build is seen at once', async () => {
    for (const url of ['/', '/index.html', '/planer/123']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      // The shell is under a kilobyte: compressing it saves nothing, so it may come as is.
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload;
      expect(body.toString(), url).toContain(script);
    }
  });

  it('compresses large API answers but leaves tiny ones alone', async () => {
    const doc = await get('/api/openapi.json', 'br');
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(doc.rawPayload).toString()).openapi).toBe('3.0.3');
    // Above 64 KB the answer is compressed on the thread pool, still in one piece with its length.
    const plain = await get('/api/openapi.json', 'identity');
    expect(plain.rawPayload.length).toBeGreaterThan(64 * 1024);
    expect(Number(doc.headers['content-length'])).toBe(doc.rawPayload.length);
    expect(brotliDecompressSync(doc.rawPayload).toString()).toBe(plain.body);
    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const health = await get('/api/health', 'br');
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json().status).toBe('ok');
  });

  it('does not serve the build stamp', async () => {
    const res = await get('/.build-stamp');
    expect(res.body).not.toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('[STATIC] an API answer of a few kilobytes', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const res = await t.anonymous.post('/api/session', { email: 'central@stockholm.example', password: DEMO_PASSWORD });
    cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  });
  afterAll(() => t?.close());
  const me = (encoding: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie, 'accept-encoding': encoding } });

  it('is compressed in one piece, with its length, and reads the same once decompressed (brotli, else gzip, else as it is)', async () => {
    const plain = await me('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await me('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    const gz = await me('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });
});
