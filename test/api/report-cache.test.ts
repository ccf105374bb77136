import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

const metric = async (t: TestApp, name: string) => {
  const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
};

describe.each(await testDatabaseKinds())('[REPORTS] the report gate on %s', (kind) => {
  describe('cache', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind);
    });
    afterAll(() => t?.close());

    it('a second reader of the same report with the same rights gets it from the cache, identical', async () => {
      const [central, colleague] = [await t.login('central@stockholm.example'), await t.login('central@stockholm.example')];
      const first = await central.get('/api/reports/city?year=2026');
      expect(first.statusCode).toBe(200);
      const hits = await metric(t, 'varna_report_cache_hits_total');
      const again = await colleague.get('/api/reports/city?year=2026');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(await metric(t, 'varna_report_cache_hits_total')).toBeGreaterThan(hits);
    });

    it('the JSON comes brotli- or gzip-compressed or plain, each reading the same, and a second reader gets the very same bytes', async () => {
      const central = await t.login('central@stockholm.example');
      const get = (encoding: string) => central.request('GET', '/api/reports/city?year=2026', undefined, { 'accept-encoding': encoding });
      const [br, again, gz, plain] = [await get('gzip, deflate, br'), await get('br'), await get('gzip'), await get('identity')];
      expect(br.headers['content-encoding']).toBe('br');
      expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
      expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
      expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    });

    it('a write is in the next report at once: a new board is counted', async () => {
      const central = await t.login('central@stockholm.example');
      const before = (await central.get('/api/reports/city?year=2026')).json();
      const admin = await t.login('admin@stockholm.example');
      expect((await admin.post('/api/boards', { name: 'Cachenämnden', kind: 'district_board' })).statusCode).toBe(201);
      const after = (await central.get('/api/reports/city?year=2026')).json();
      expect(after.totals.boards).toBe(before.totals.boards + 1);
      expect(after.boards.map((b: { name: string }) => b.name)).toContain('Cachenämnden');
    });

    it('a cached city report is never given to someone with other rights: a one-board auditor is refused, then gets only its board', async () => {
      const central = await t.login('central@stockholm.example');
      expect((await central.get('/api/reports/city?year=2026')).statusCode).toBe(200);
      const admin = await t.login('admin@stockholm.example');
      const eav = await t.boardId('Enskede-Årsta-Vantör');
      const created = await admin.post('/api/users', { email: 'cache-revisor@stockholm.example', name: 'Cache Revisor', password: 'varna-demo-losenord', roles: [{ role: 'auditor', boardId: eav }] });
      expect(created.statusCode, created.body).toBe(201);
      const auditor = await t.login('cache-revisor@stockholm.example', 'varna-demo-losenord');
      expect((await auditor.get('/api/reports/city?year=2026')).statusCode).toBe(403);
      const other = await t.boardId('Skärholmen');
      expect((await central.get(`/api/reports/boards/${other}?year=2026`)).statusCode).toBe(200);
      expect((await auditor.get(`/api/reports/boards/${other}?year=2026`)).statusCode).toBe(403);
      const own = await auditor.get(`/api/reports/boards/${eav}?year=2026`);
      expect(own.statusCode).toBe(200);
      expect(own.json().boards.map((b: { boardId: string }) => b.boardId)).toEqual([eav]);
    });

    it('training coverage goes through the same gate: the second read is a cache hit with the same figures', async () => {
      const central = await t.login('central@stockholm.example');
      const first = await central.get('/api/training/coverage');
      expect(first.statusCode).toBe(200);
      expect(first.json().length).toBeGreaterThan(0);
      const hits = await metric(t, 'varna_report_cache_hits_total');
      const again = await central.get('/api/training/coverage');
      expect(again.json()).toEqual(first.json());
      expect(await metric(t, 'varna_report_cache_hits_total')).toBe(hits + 1);
    });

    it('the Word report is built once per version and served again with the same bytes', async () => {
      const central = await t.login('central@stockholm.example');
      const first = await central.get('/api/reports/city?year=2026&format=docx');
      expect(first.statusCode).toBe(200);
      const builds = await metric(t, 'varna_report_builds_total');
      const again = await central.get('/api/reports/city?year=2026&format=docx');
      expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
      expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
      expect(await metric(t, 'varna_report_builds_total')).toBe(builds);
    });
  });

  describe('limit', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { heavyWork: { concurrency: 1, queue: 0, entries: 0 } });
    });
    afterAll(() => t?.close());

    it('beyond the slots and the queue a report is refused with 503, Retry-After and a Swedish message, while the rest of the API answers', async () => {
      const central = await t.login('central@stockholm.example');
      const reports = [2024, 2025, 2026].map((year) => central.get(`/api/reports/city?year=${year}`));
      const me = await central.get('/api/me');
      expect(me.statusCode).toBe(200);
      const answers = await Promise.all(reports);
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      const busy = answers.find((r) => r.statusCode === 503)!;
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json().error).toEqual({ code: 'busy', message: expect.stringMatching(/^Servern tar fram många rapporter just nu\. Försök igen om 5 sekunder\.$/) });
      // Nothing stays taken: once the burst is over the same report is built.
      expect((await central.get('/api/reports/city?year=2024')).statusCode).toBe(200);
    });
  });
});
