import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import eav from '../../src/demo/data/eav-handlingsplan-2018.json' with { type: 'json' };
import { textFile, toDelimited, xlsxFile } from '../../src/domain/training/test-files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';

const HEADER = ['Insats', 'Ansvarig aktör', 'Samverkan', 'Tidsplan', 'Uppföljning'];
const EAV_ROWS = eav.activities.map((a) => [a.title, a.responsible, a.partners, a.timeline, a.followUp]);
const csv = (rows: string[][]) => textFile(toDelimited(rows, ';'), 'utf8-bom');

interface Session {
  cookie: string;
  csrf: string;
}

/** A multipart upload of one file in the field `file` (the test client only sends JSON). */
function multipart(bytes: Uint8Array, filename: string, field = 'file') {
  const boundary = '----varna' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(await testDatabaseKinds())('[PLANS] export and import of plans on %s', (kind) => {
  let t: TestApp;
  let board: string;
  let planId: string;
  const sessions = new Map<string, Session>();

  async function session(email: string): Promise<Session> {
    if (!sessions.has(email)) {
      const res = await t.anonymous.post('/api/session', { email, password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
      sessions.set(email, { cookie: `${c.name}=${c.value}`, csrf: res.json().csrfToken });
    }
    return sessions.get(email)!;
  }

  async function upload(email: string | null, plan: string, bytes: Uint8Array, filename: string, query = '', field = 'file') {
    const { payload, contentType } = multipart(bytes, filename, field);
    const s = email ? await session(email) : null;
    return t.app.inject({
      method: 'POST',
      url: `/api/plans/${plan}/activities/import${query}`,
      headers: { 'content-type': contentType, ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
      payload,
    });
  }

  async function download(email: string | null, plan: string, query = '?format=docx') {
    const s = email ? await session(email) : null;
    return t.app.inject({ method: 'GET', url: `/api/plans/${plan}/export${query}`, headers: s ? { cookie: s.cookie } : {} });
  }

  async function activityCount(plan: string): Promise<number> {
    const r = await t.database.db.selectFrom('plan_activity').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', plan).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function newPlan(year: number, email = 'eav@stockholm.example'): Promise<string> {
    const c = await t.login(email);
    const res = await c.post('/api/plans', { boardId: board, year });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    board = await t.boardId('Enskede-Årsta-Vantör');
    planId = await newPlan(2031);
  });
  afterAll(() => t.close());

  // ------------------------------------------------------------------ import

  it('previews the EÅV table (dryRun) with rows to add, and writes nothing', async () => {
    const res = await upload('eav@stockholm.example', planId, csv([HEADER, ...EAV_ROWS]), 'eav.csv', '?dryRun=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, errors: [], duplicates: [], toAdd: 13, added: [] });
    expect(body.rows.map((r: { line: number }) => r.line)).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
    expect(body.rows[0].activity).toEqual({ title: EAV_ROWS[0][0], responsible: EAV_ROWS[0][1], timeline: EAV_ROWS[0][3], followUp: EAV_ROWS[0][4] });
    expect(await activityCount(planId)).toBe(0);
  });

  it('refuses a file with bad rows: 422 naming every bad line, nothing written', async () => {
    const rows = [HEADER, EAV_ROWS[0], ['', 'Chef', '', '2031', 'Möte'], EAV_ROWS[1], ['Utan ansvarig', '', '', '2031', 'Möte'], ['x'.repeat(600), 'Chef', '', '2031', 'Möte']];
    const preview = await upload('eav@stockholm.example', planId, csv(rows), 'bad.csv', '?dryRun=1');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().errors.map((e: { line: number }) => e.line)).toEqual([3, 5, 6]);
    expect(preview.json().toAdd).toBe(2);

    const res = await upload('eav@stockholm.example', planId, csv(rows), 'bad.csv');
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('invalid_rows');
    expect(error.message).toBe('3 rader i filen har fel. Ingenting har importerats. Rätta raderna och försök igen.');
    expect(error.fields).toEqual([
      { field: 'line 3', message: 'Insatsen saknar namn (kolumnen Insats är tom).' },
      { field: 'line 5', message: 'Ansvarig aktör saknas.' },
      { field: 'line 6', message: 'Insatsen får vara högst 500 tecken.' },
    ]);
    expect(await activityCount(planId)).toBe(0);
  });

  it('refuses a file that cannot be read as a whole (wrong columns, renamed file), naming where', async () => {
    const wrong = await upload('eav@stockholm.example', planId, csv([['Namn', 'Datum'], ['a', 'b']]), 'w.csv');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('invalid_file');
    expect(wrong.json().error.fields).toEqual([{ field: 'line 1', message: expect.stringContaining('Kolumnerna för insats') }]);
    expect(wrong.json().error.message).toMatch(/^Kolumnerna för insats.*Ingenting har importerats\.$/);
    const renamed = await upload('eav@stockholm.example', planId, csv([HEADER, ...EAV_ROWS]), 'plan.xlsx');
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error.fields).toEqual([{ field: 'file', message: expect.stringContaining('ingen Excel-arbetsbok') }]);
    expect(await activityCount(planId)).toBe(0);
  });

  it('imports all rows of an XLSX file in one go, in file order, and logs it', async () => {
    const res = await upload('eav@stockholm.example', planId, await xlsxFile([HEADER, ...EAV_ROWS]), 'eav.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dryRun: false, toAdd: 13 });
    expect(res.json().added).toHaveLength(13);
    const plan = (await (await t.login('eav@stockholm.example')).get(`/api/plans/${planId}`)).json();
    expect(plan.activities.map((a: { title: string }) => a.title)).toEqual(eav.activities.map((a) => a.title));
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'summary']).where('action', '=', 'plans.activities.import').where('entity_id', '=', planId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ count: 13 });
  });

  it('a second import of the same file adds nothing: every row is a duplicate of the plan', async () => {
    const res = await upload('eav@stockholm.example', planId, csv([HEADER, ...EAV_ROWS, EAV_ROWS[0]]), 'again.csv', '?dryRun=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().toAdd).toBe(0);
    expect(res.json().duplicates).toHaveLength(14);
    expect(res.json().duplicates[0]).toEqual({ line: 2, title: EAV_ROWS[0][0], of: 'plan', firstLine: null });
  });

  it('refuses the wrong people and the wrong requests', async () => {
    const file = csv([HEADER, EAV_ROWS[0]]);
    expect((await upload(null, planId, file, 'a.csv')).statusCode).toBe(401);
    expect((await upload('enhetschef@stockholm.example', planId, file, 'a.csv')).statusCode).toBe(403);
    expect((await upload('admin@stockholm.example', planId, file, 'a.csv')).statusCode).toBe(403);
    expect((await upload('skarholmen@stockholm.example', planId, file, 'a.csv')).statusCode).toBe(404);
    expect((await upload('eav@stockholm.example', '00000000-0000-4000-8000-000000000000', file, 'a.csv')).statusCode).toBe(404);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/activities/import`,
      headers: { cookie: (await session('eav@stockholm.example')).cookie, 'content-type': multipart(file, 'a.csv').contentType },
      payload: multipart(file, 'a.csv').payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    const c = await t.login('eav@stockholm.example');
    const json = await c.post(`/api/plans/${planId}/activities/import`, { rows: [] });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload('eav@stockholm.example', planId, file, 'a.csv', '', 'fil');
    expect(wrongField.statusCode).toBe(400);
    expect((await upload('eav@stockholm.example', planId, file, 'a.csv', '?dryRun=kanske')).statusCode).toBe(400);
    expect(await activityCount(planId)).toBe(13);
  });

  it('refuses an import into a plan that is no longer editable (409), also in the preview', async () => {
    const other = await newPlan(2032);
    const c = await t.login('eav@stockholm.example');
    await c.post(`/api/plans/${other}/activities`, { title: 'x', responsible: 'y', timeline: '2032', followUp: 'z' });
    const moved = await c.post(`/api/plans/${other}/transitions`, { to: 'board_decided', decidedOn: new Date().toISOString().slice(0, 10), paragraph: '§ 3' });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const q of ['', '?dryRun=1']) {
      const res = await upload('eav@stockholm.example', other, csv([HEADER, EAV_ROWS[0]]), 'a.csv', q);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('Beslutad i nämnd');
    }
    expect(await activityCount(other)).toBe(1);
  });

  it('refuses a file over the upload limit with 413', async () => {
    const res = await upload('eav@stockholm.example', planId, new Uint8Array(51 * 1024 * 1024), 'stor.csv');
    expect(res.statusCode).toBe(413);
  });

  // ------------------------------------------------------------------ export

  it('exports DOCX and PDF with Swedish file names, the right types and every activity in them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'varna-export-'));
    for (const format of ['docx', 'pdf'] as const) {
      const res = await download('eav@stockholm.example', planId, `?format=${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers['content-disposition']).toBe(`attachment; filename="handlingsplan-enskede-arsta-vantor-2031.${format}"`);
      expect(res.headers['cache-control']).toBe('no-store');
      writeFileSync(join(dir, `plan.${format}`), res.rawPayload);
    }
    expect((await download('eav@stockholm.example', planId, '')).headers['content-type']).toContain('wordprocessingml');
    // Reading order keeps each table cell together; the acceptance suite's layout mode is checked in the renderer tests.
    const text = execFileSync('pdftotext', [join(dir, 'plan.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Enskede-Årsta-Vantör');
    expect(text).toContain('Lokal handlingsplan mot våldsbejakande extremism 2031');
    for (const a of eav.activities) expect(text).toContain(a.title);
  });

  it('lets every reader of the plan export it, and nobody else', async () => {
    expect((await download(null, planId)).statusCode).toBe(401);
    expect((await download('admin@stockholm.example', planId)).statusCode).toBe(403);
    expect((await download('skarholmen@stockholm.example', planId)).statusCode).toBe(404);
    for (const email of ['central@stockholm.example', 'enhetschef@stockholm.example', 'politiker@stockholm.example', 'revisor@stockholm.example']) {
      expect((await download(email, planId, '?format=pdf')).statusCode, email).toBe(200);
    }
    const bad = await download('eav@stockholm.example', planId, '?format=odt');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('Välj format: docx eller pdf.');
  });
});
