/**
 * Every upload path that takes a file passes it through the archive guard before any parser:
 * a zip bomb answers 413, a workbook that lies about its sizes (zip64 included) or carries an
 * entity expansion answers 422, nothing is written, and the server's memory stays flat (without
 * the guard, a 1.7 GB workbook took the process from 0.8 to 2.3–3.3 GB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { billionLaughs, workbookZip, xlsxBomb } from '../../src/domain/uploads/test-zips.js';
import { xlsxFile } from '../../src/domain/training/test-files.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';

const MB = 1024 * 1024;

function multipart(bytes: Uint8Array, filename: string) {
  const boundary = `----varna${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The process's resident memory, sampled every few milliseconds while `run` goes on. */
async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; growthMB: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMB: (peak - before) / MB };
  } finally {
    clearInterval(timer);
  }
}

// Built once: the bombs cost a few megabytes each to send.
const honestBomb = xlsxBomb(1700); // 7 MB that inflate to 1.7 GB, sizes declared truthfully
const lyingZip64Bomb = xlsxBomb(1700, { zip64: true, declaredSize: 20 * MB }); // zip64 sizes that understate it
const fiftyMB = xlsxBomb(50, { declaredSize: 50 * MB }); // 50 MB of rows: under the size caps, far over the ratio
const laughs = workbookZip({ content: `${billionLaughs()}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>` });

describe.each(await testDatabaseKinds())('[UPLOADS] archive guard on every upload path on %s', (kind) => {
  let t: TestApp;
  let planId: string;
  let courseId: string;
  const cookies = new Map<string, { cookie: string; csrf: string }>();

  async function post(email: string, url: string, bytes: Uint8Array, filename = 'fil.xlsx') {
    if (!cookies.has(email)) {
      const res = await t.anonymous.post('/api/session', { email, password: DEMO_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
      cookies.set(email, { cookie: `${c.name}=${c.value}`, csrf: res.json().csrfToken });
    }
    const s = cookies.get(email)!;
    const { payload, contentType } = multipart(bytes, filename);
    return t.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType } });
  }

  async function written() {
    const n = async (table: 'plan_activity' | 'training_headcount' | 'training_completion' | 'training_import' | 'context_indicator' | 'audit_log') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return Promise.all((['plan_activity', 'training_headcount', 'training_completion', 'training_import', 'context_indicator', 'audit_log'] as const).map(n));
  }

  // Each upload path, with who may use it and a real file it takes.
  const paths = [
    {
      name: 'plan activity import',
      email: 'eav@stockholm.example',
      url: () => `/api/plans/${planId}/activities/import`,
      real: () => xlsxFile([['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning'], ['Utbildning för personal', 'Förvaltningen', 'Polisen', '2031', 'Antal utbildade']]),
    },
    {
      name: 'training headcounts',
      email: 'central@stockholm.example',
      url: () => '/api/training/headcounts',
      real: () => xlsxFile([['Förvaltning', 'Enhet', 'Antal anställda', 'Per datum'], ['Enskede-Årsta-Vantör', 'Förskoleavdelningen', 1104, '2026-09-01']]),
    },
    {
      name: 'training participants',
      email: 'central@stockholm.example',
      url: () => `/api/training/courses/${courseId}/participants`,
      real: () => xlsxFile([['Anst.nr', 'Förvaltning', 'Slutförd'], ['100001', 'Enskede-Årsta-Vantör', '2026-03-02']]),
    },
    {
      name: 'context indicators',
      email: 'central@stockholm.example',
      url: () => '/api/followup/context-indicators',
      real: () => xlsxFile([['KPI id', 'Kommun', 'År', 'Värde'], ['N00003', 'Stockholm', 2025, 5]]),
    },
  ];

  beforeAll(async () => {
    t = await startTestApp(kind);
    const eav = await t.login('eav@stockholm.example');
    const plan = await eav.post('/api/plans', { boardId: await t.boardId('Enskede-Årsta-Vantör'), year: 2033 });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
    courseId = (await (await t.login('central@stockholm.example')).get('/api/training/courses')).json()[0].id;
  });
  afterAll(() => t.close());

  describe.each(paths)('$name', (path) => {
    it('reads a real workbook (preview)', async () => {
      const res = await post(path.email, `${path.url()}?dryRun=1`, await path.real());
      expect(res.statusCode, res.body).toBe(200);
    });

    it('refuses a 1.7 GB bomb with 413 and a 50 MB one with 413, writing nothing and staying under 150 MB of growth', async () => {
      const before = await written();
      const { result, growthMB } = await peakRss(async () => [await post(path.email, path.url(), honestBomb), await post(path.email, `${path.url()}?dryRun=1`, fiftyMB)]);
      const [big, fifty] = result;
      expect(big.statusCode, big.body).toBe(413);
      expect(big.json().error).toEqual({
        code: 'too_large',
        message: 'Filen blir större än 64 MB när den packas upp och är för stor för att läsas. Spara bara det som behövs i en ny fil och försök igen.',
        fields: [{ field: 'file', message: expect.stringContaining('64 MB') }],
      });
      expect(fifty.statusCode, fifty.body).toBe(413);
      expect(fifty.json().error.message).toMatch(/zip-bomb/);
      expect(growthMB).toBeLessThan(150);
      expect(await written()).toEqual(before);
    });

    it('refuses a zip64 bomb whose headers understate its size, and a billion laughs, with 422', async () => {
      const before = await written();
      const { result, growthMB } = await peakRss(async () => [await post(path.email, path.url(), lyingZip64Bomb), await post(path.email, path.url(), laughs)]);
      const [lying, entity] = result;
      expect(lying.statusCode, lying.body).toBe(422);
      expect(lying.json().error).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('manipulerad') });
      expect(entity.statusCode, entity.body).toBe(422);
      expect(entity.json().error).toMatchObject({ code: 'invalid_file', message: expect.stringContaining('DOCTYPE- eller ENTITY-deklarationer') });
      expect(growthMB).toBeLessThan(150);
      expect(await written()).toEqual(before);
    });
  });

  it('the server still answers after every bomb', async () => {
    expect((await t.anonymous.get('/api/health')).statusCode).toBe(200);
  });
});
