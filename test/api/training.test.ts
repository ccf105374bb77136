import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { isoToExcelSerial } from '../../src/domain/training/dates.js';
import { xlsxFile } from '../../src/domain/training/test-files.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';

/** A logged-in session for multipart requests (the JSON client of the helpers cannot send files). */
interface Session {
  cookie: string;
  csrf: string;
}

interface Part {
  name: string;
  content: string | Uint8Array;
  filename?: string;
}

function multipart(parts: Part[]) {
  const boundary = `----varna${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `Content-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    const type = p.filename ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${boundary}\r\n${disposition}${type}\r\n\r\n`), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe.each(await testDatabaseKinds())('[TRAINING] API on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let central: Client;
  let eav: Client;
  let basic: string;
  const sessions = new Map<string, Session>();

  async function session(email: string): Promise<Session> {
    if (!sessions.has(email)) {
      const res = await t.anonymous.post('/api/session', { email, password: DEMO_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
      sessions.set(email, { cookie: `${c.name}=${c.value}`, csrf: res.json().csrfToken });
    }
    return sessions.get(email)!;
  }

  async function upload(email: string, url: string, file: string | Uint8Array, filename = 'fil.csv', mapping?: Record<string, string>) {
    const s = await session(email);
    const parts: Part[] = [];
    if (mapping) parts.push({ name: 'mapping', content: JSON.stringify(mapping) });
    parts.push({ name: 'file', content: file, filename });
    const { payload, contentType } = multipart(parts);
    return t.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType } });
  }

  const C = 'central@stockholm.example';
  const participantsUrl = (course: string, dryRun = false) => `/api/training/courses/${course}/participants${dryRun ? '?dryRun=1' : ''}`;

  async function counts() {
    const n = async (table: 'training_headcount' | 'training_completion' | 'training_import' | 'unit' | 'audit_log' | 'setting' | 'board') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      headcounts: await n('training_headcount'),
      completions: await n('training_completion'),
      imports: await n('training_import'),
      units: await n('unit'),
      audit: await n('audit_log'),
      settings: await n('setting'),
    };
  }

  async function newBoard(name: string): Promise<string> {
    const res = await admin.post('/api/boards', { name, kind: 'district_board' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async function coverageOf(client: Client, boardId: string, asOf: string, course = basic) {
    const res = await client.get(`/api/training/coverage?courseId=${course}&asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().find((r: { boardId: string }) => r.boardId === boardId);
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin@stockholm.example');
    central = await t.login(C);
    eav = await t.login('eav@stockholm.example');
    // Multipart sessions up front, so that "nothing written" counts do not see their logins.
    for (const email of [C, 'eav@stockholm.example']) await session(email);
    const courses = (await central.get('/api/training/courses')).json();
    basic = courses.find((c: { kind: string }) => c.kind === 'web_basic').id;
  });
  afterAll(() => t.close());

  describe('demo data', () => {
    it('has the three courses, the basic one first', async () => {
      const res = await eav.get('/api/training/courses');
      expect(res.statusCode).toBe(200);
      const courses = res.json();
      expect(courses.map((c: { kind: string }) => c.kind)).toEqual(['web_basic', 'advanced', 'lecture']);
      expect(courses[0]).toEqual({ id: basic, name: 'Webbaserad grundutbildning om våldsbejakande extremism', kind: 'web_basic' });
    });

    it('gives the audit’s figures as of 2019-09-04: EÅV 208 / 2,679 = 7.8 %, Skärholmen 94, Spånga-Tensta 76 of 1,000', async () => {
      const rows = (await central.get(`/api/training/coverage?courseId=${basic}&asOf=2019-09-04`)).json();
      const eavId = await t.boardId('Enskede-Årsta-Vantör');
      expect(rows.find((r: { boardId: string }) => r.boardId === eavId)).toEqual({ boardId: eavId, employees: 2679, completed: 208, percent: 7.8, started: 0 });
      expect(await coverageOf(central, await t.boardId('Skärholmen'), '2019-09-04')).toMatchObject({ employees: 1000, completed: 94, percent: 9.4 });
      expect(await coverageOf(central, await t.boardId('Spånga-Tensta'), '2019-09-04')).toMatchObject({ employees: 1000, completed: 76, percent: 7.6 });
      // Every board of the municipality is listed for the central coordinator.
      expect(rows).toHaveLength((await admin.get('/api/boards')).json().length);
    });

    it('the overview has a target, lagging units, priority groups, a rising trend and a forecast', async () => {
      const res = await central.get(`/api/training/overview?courseId=${basic}&asOf=2026-11-01`);
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json();
      expect(o.target).toEqual({ percent: 100, year: 2019 });
      expect(o.lagging.length).toBeGreaterThan(0);
      expect(o.lagging.every((u: { percent: number }) => u.percent < 20)).toBe(true);
      expect(o.groups.map((g: { year: number; name: string }) => `${g.year} ${g.name}`)).toEqual(['2019 Socialtjänsten', '2020 Förskolan', '2021 Äldreomsorgen']);
      const percents = o.trend.map((p: { percent: number | null }) => p.percent).filter((p: number | null) => p !== null);
      expect(percents[percents.length - 1]).toBeGreaterThan(percents[0]);
      expect(o.forecast.date > '2026-11-01').toBe(true);
      expect(o.forecast.pacePerYear).toBeGreaterThan(0);
      expect(o.boards.find((b: { name: string }) => b.name === 'Enskede-Årsta-Vantör').status).toBe('below');
    });
  });

  describe('the audit case from imported files (acceptance/05-training.sh)', () => {
    const board = 'Provnämnd utbildning';
    let boardId: string;
    const headcounts = csv('Nämnd;Enhet;Antal anställda;Datum', `${board};Förskola;1500;2019-09-04`, `${board};Socialtjänst;1179;2019-09-04`);
    const participants = () => {
      const lines = ['Anställningsnummer;Namn;Förvaltning;Enhet;Slutförd'];
      for (let i = 0; i < 208; i++) lines.push(`E${String(i).padStart(5, '0')};Person ${i};${board};${i < 120 ? 'Förskola' : 'Socialtjänst'};2019-0${1 + (i % 8)}-1${i % 9}`);
      for (let i = 0; i < 15; i++) lines.push(`E${String(i).padStart(5, '0')};Person ${i};${board};Förskola;2019-08-30`);
      return csv(...lines);
    };

    beforeAll(async () => {
      boardId = await newBoard(board);
    });

    it('dry run of the headcounts: units to create, nothing written', async () => {
      const before = await counts();
      const res = await upload(C, '/api/training/headcounts?dryRun=1', headcounts, 'hc.csv');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        kind: 'headcounts',
        dryRun: true,
        imported: false,
        rowCount: 2,
        toAdd: 2,
        errorCount: 0,
        unitsToCreate: [
          { boardId, name: 'Förskola', lines: [2] },
          { boardId, name: 'Socialtjänst', lines: [3] },
        ],
      });
      expect(await counts()).toEqual(before);
    });

    it('imports the headcounts, creating the units (audited), and the participants: 208 of 2,679 = 7.8 %', async () => {
      const hc = await upload(C, '/api/training/headcounts', headcounts, 'hc.csv');
      expect(hc.statusCode, hc.body).toBe(201);
      expect(hc.json()).toMatchObject({ imported: true, toAdd: 2 });
      const units = (await central.get(`/api/boards/${boardId}/units`)).json();
      expect(units.map((u: { name: string; kind: string }) => `${u.name} ${u.kind}`)).toEqual(['Förskola unit', 'Socialtjänst unit']);
      const audit = (await central.get('/api/audit?limit=10')).json();
      expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['units.create', 'training.headcounts.import']));

      const dry = await upload(C, participantsUrl(basic, true), participants(), 'p.csv');
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ rowCount: 223, toAdd: 208, duplicatesMerged: 15, errorCount: 0, unmatched: [] });
      expect(dry.json().duplicates).toHaveLength(15);

      const res = await upload(C, participantsUrl(basic), participants(), 'p.csv');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ imported: true, toAdd: 208, duplicatesMerged: 15 });
      expect(await coverageOf(central, boardId, '2019-09-04')).toEqual({ boardId, employees: 2679, completed: 208, percent: 7.8, started: 0 });
      // Names are never stored.
      const stored = await t.database.db.selectFrom('training_completion').selectAll().where('board_id', '=', boardId).execute();
      expect(JSON.stringify(stored)).not.toContain('Person');
    });

    it('counts a person once when the same list is imported again, and keeps the earliest date', async () => {
      const before = await counts();
      const again = await upload(C, participantsUrl(basic), participants(), 'p.csv');
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json()).toMatchObject({ toAdd: 0, alreadyStored: 208 });
      expect((await counts()).completions).toBe(before.completions);
      // An earlier completion of a known person moves the date back; a later one does not.
      const earlier = await upload(C, participantsUrl(basic), csv('Anst.nr;Förvaltning;Slutförd', `E00200;${board};2018-12-01`, `E00201;${board};2020-01-01`), 'p2.csv');
      expect(earlier.statusCode, earlier.body).toBe(201);
      const rows = await t.database.db
        .selectFrom('training_completion')
        .select(['employee_key', 'completed_on', 'unit_id'])
        .where('employee_key', 'in', ['E00200', 'E00201'])
        .where('course_id', '=', basic)
        .orderBy('employee_key')
        .execute();
      expect(rows.map((r) => r.completed_on)).toEqual(['2018-12-01', '2019-02-13']);
      expect(await coverageOf(central, boardId, '2019-09-04')).toMatchObject({ completed: 208 });
      expect(await coverageOf(central, boardId, '2018-12-31')).toMatchObject({ completed: 1 });
    });

    it('refuses a broken quote with its line number and writes nothing', async () => {
      const before = await counts();
      const res = await upload(C, participantsUrl(basic), `Anställningsnummer;Namn;Förvaltning\nE1;"oavslutad citattext;${board}\n`, 'bad.csv');
      expect([400, 422]).toContain(res.statusCode);
      const err = res.json().error;
      expect(err.code).toBe('invalid_file');
      expect(err.message).toMatch(/Rad 2/);
      expect(err.fields).toEqual([{ field: 'rad 2', message: expect.stringMatching(/citattecken/) }]);
      expect(await counts()).toEqual(before);
    });
  });

  describe('imports', () => {
    it('imports XLSX files with Excel date serials and real dates', async () => {
      const board = 'Provnämnd Excel';
      const boardId = await newBoard(board);
      const hc = await xlsxFile([
        ['Förvaltning', 'Avdelning', 'Anställda', 'Per datum'],
        [board, 'Fritid', 40, isoToExcelSerial('2020-01-01')],
        [board, 'Skola', 60, new Date('2020-01-01T00:00:00Z')],
      ]);
      const r1 = await upload(C, '/api/training/headcounts', hc, 'personal.xlsx');
      expect(r1.statusCode, r1.body).toBe(201);
      const p = await xlsxFile([
        ['Namn', 'Personalnummer', 'Nämnd', 'Enhet', 'Genomförd'],
        ['A', 1001, board, 'Fritid', isoToExcelSerial('2020-02-01')],
        ['B', 1002, board, 'Skola', isoToExcelSerial('2020-02-02')],
        ['C', 1003, board, 'Okänd enhet', new Date('2020-02-03T00:00:00Z')],
      ]);
      const dry = await upload(C, participantsUrl(basic, true), p, 'deltagare.xlsx');
      expect(dry.json()).toMatchObject({ toAdd: 3, unmatched: [{ kind: 'unit', name: 'Okänd enhet', fallback: 'board', lines: [4] }] });
      const r2 = await upload(C, participantsUrl(basic), p, 'deltagare.xlsx');
      expect(r2.statusCode, r2.body).toBe(201);
      expect(await coverageOf(central, boardId, '2020-03-01')).toEqual({ boardId, employees: 100, completed: 3, percent: 3, started: 0 });
      const detail = (await central.get(`/api/training/boards/${boardId}?courseId=${basic}&asOf=2020-03-01`)).json();
      expect(detail.units.map((u: { name: string; completed: number; employees: number }) => [u.name, u.completed, u.employees])).toEqual([
        ['Fritid', 1, 40],
        ['Skola', 1, 60],
        ['', 1, 0], // the unknown unit's row counts for the board alone
      ]);
    });

    it('refuses bad rows with 422 naming each line, and writes nothing', async () => {
      const board = 'Provnämnd felrader';
      await newBoard(board);
      const before = await counts();
      const file = csv('Nämnd;Enhet;Antal anställda;Datum', `${board};A;12;2019-09-04`, `${board};B;tolv;2019-09-04`, `${board};C;5;4/9/2019`, `${board};D;5;2019-09-04`);
      const res = await upload(C, '/api/training/headcounts', file, 'hc.csv');
      expect(res.statusCode, res.body).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('invalid_rows');
      expect(err.message).toBe('2 rader i filen har fel. Inget har importerats. Rätta raderna och försök igen.');
      expect(err.fields).toEqual([
        { field: 'rad 3', message: 'Rad 3: Antal anställda ”tolv” är inte ett heltal som är 0 eller större.' },
        { field: 'rad 4', message: 'Rad 4: Datum ”4/9/2019” är inte ett giltigt datum. Använd till exempel 2019-09-04.' },
      ]);
      expect(await counts()).toEqual(before);
      // The dry run shows the same, with the rows it would add.
      const dry = await upload(C, '/api/training/headcounts?dryRun=1', file, 'hc.csv');
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ toAdd: 2, errorCount: 2, errors: [{ line: 3 }, { line: 4 }] });
    });

    it('an unknown board is an error for its rows until it is mapped; the mapping is applied', async () => {
      const board = 'Provnämnd koppling';
      const boardId = await newBoard(board);
      const file = csv('Nämnd;Enhet;Antal anställda;Datum', 'Nämnd som inte finns;IFO;30;2019-09-04', `${board};Förskola;20;2019-09-04`);
      const before = await counts();
      const res = await upload(C, '/api/training/headcounts', file, 'hc.csv');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toEqual([{ field: 'rad 2', message: expect.stringMatching(/^Rad 2: Nämnden ”Nämnd som inte finns” finns inte i Värna/) }]);
      expect(await counts()).toEqual(before);

      const dry = (await upload(C, '/api/training/headcounts?dryRun=1', file, 'hc.csv')).json();
      expect(dry.unmatched).toEqual([
        expect.objectContaining({ kind: 'board', name: 'Nämnd som inte finns', boardId: null, fallback: 'error', lines: [2] }),
        expect.objectContaining({ kind: 'unit', name: 'Förskola', boardId, fallback: 'create', lines: [3] }),
      ]);
      const key = dry.unmatched.find((u: { kind: string }) => u.kind === 'board').key;
      const mapped = await upload(C, '/api/training/headcounts', file, 'hc.csv', { [key]: boardId });
      expect(mapped.statusCode, mapped.body).toBe(201);
      expect(mapped.json().unitsToCreate.map((u: { name: string }) => u.name)).toEqual(['IFO', 'Förskola']);
      const stored = (await central.get(`/api/training/headcounts?boardId=${boardId}`)).json();
      expect(stored.map((h: { employees: number }) => h.employees).sort()).toEqual([20, 30]);
    });

    it('keeps headcount history: coverage uses the latest count on or before the date', async () => {
      const board = 'Provnämnd historik';
      const boardId = await newBoard(board);
      await upload(C, '/api/training/headcounts', csv('Nämnd;Enhet;Antal anställda;Datum', `${board};X;100;2019-01-01`, `${board};X;200;2020-01-01`), 'hc.csv');
      await upload(C, participantsUrl(basic), csv('Anst.nr;Nämnd;Enhet;Slutförd', `H1;${board};X;2019-06-01`, `H2;${board};X;2020-06-01`), 'p.csv');
      expect(await coverageOf(central, boardId, '2018-12-31')).toEqual({ boardId, employees: 0, completed: 0, percent: null, started: 0 });
      expect(await coverageOf(central, boardId, '2019-12-31')).toEqual({ boardId, employees: 100, completed: 1, percent: 1, started: 0 });
      expect(await coverageOf(central, boardId, '2020-12-31')).toEqual({ boardId, employees: 200, completed: 2, percent: 1, started: 0 });
      const history = (await central.get(`/api/training/headcounts?boardId=${boardId}`)).json();
      expect(history.map((h: { asOf: string; employees: number }) => [h.asOf, h.employees])).toEqual([
        ['2019-01-01', 100],
        ['2020-01-01', 200],
      ]);
      const detail = (await central.get(`/api/training/boards/${boardId}?courseId=${basic}&asOf=2020-12-31`)).json();
      expect(detail.headcounts).toEqual([
        { asOf: '2020-01-01', employees: 200, units: 1 },
        { asOf: '2019-01-01', employees: 100, units: 1 },
      ]);
    });

    it('hashes e-mail keys with the municipality’s own secret, created on the first real import', async () => {
      const secret = await t.database.db.selectFrom('setting').select('value').where('key', '=', 'training.employee_key_pepper').executeTakeFirstOrThrow();
      expect(secret.value).toMatch(/^[0-9a-f]{64}$/);
      const board = 'Provnämnd e-post';
      await newBoard(board);
      const res = await upload(C, participantsUrl(basic), csv('E-post;Förvaltning;Slutförd', `anna.andersson@stockholm.se;${board};2021-01-01`), 'p.csv');
      expect(res.statusCode, res.body).toBe(201);
      const keys = (await t.database.db.selectFrom('training_completion').select('employee_key').where('import_id', '=', res.json().importId).execute()).map((r) => r.employee_key);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
      const { createHash } = await import('node:crypto');
      expect(keys[0]).not.toBe(createHash('sha256').update('anna.andersson@stockholm.se').digest('hex'));
    });

    it('skips rows of another course and says so', async () => {
      const board = 'Provnämnd kurser';
      await newBoard(board);
      const res = await upload(
        C,
        participantsUrl(basic, true),
        csv('Anst.nr;Förvaltning;Kurs;Slutförd', `K1;${board};Webbaserad grundutbildning om våldsbejakande extremism;2021-01-01`, `K2;${board};Föreläsning om något annat;2021-01-01`),
        'p.csv',
      );
      expect(res.json()).toMatchObject({ toAdd: 1, skipped: [{ line: 3, message: 'Gäller en annan kurs (”Föreläsning om något annat”).' }] });
    });

    it('refuses uploads without a file, JSON bodies and bad mappings with 400', async () => {
      const s = await session(C);
      const noFile = multipart([{ name: 'mapping', content: '{}' }]);
      const r1 = await t.app.inject({ method: 'POST', url: '/api/training/headcounts', payload: noFile.payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': noFile.contentType } });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error.fields).toEqual([{ field: 'file', message: 'Välj en fil att importera (CSV eller Excel).' }]);
      const r2 = await central.post('/api/training/headcounts', {});
      expect(r2.statusCode).toBe(400);
      const r3 = await upload(C, '/api/training/headcounts', csv('Nämnd;Enhet;Antal;Datum'), 'hc.csv', { x: 'inte-ett-id' });
      expect(r3.statusCode).toBe(400);
      expect(r3.json().error.fields[0].field).toBe('mapping');
      const r4 = await upload(C, '/api/training/headcounts', '', 'tom.csv');
      expect(r4.statusCode).toBe(422);
      expect(r4.json().error.message).toMatch(/Filen är tom/);
      const r5 = await upload(C, '/api/training/courses/00000000-0000-4000-8000-000000000000/participants', csv('a'), 'p.csv');
      expect(r5.statusCode).toBe(404);
    });
  });

  describe('role limits', () => {
    it('a local coordinator imports their own board’s rows only: a file with another board’s row is refused whole', async () => {
      const eavId = await t.boardId('Enskede-Årsta-Vantör');
      const before = await counts();
      const file = csv('Anst.nr;Förvaltning;Enhet;Slutförd', 'LC-1;Enskede-Årsta-Vantör;Hemtjänst;2026-01-10', 'LC-2;Skärholmen;Hemtjänst;2026-01-10');
      const res = await upload('eav@stockholm.example', participantsUrl(basic), file, 'p.csv');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toEqual([{ field: 'rad 3', message: 'Rad 3: Raden gäller Skärholmen. Du kan bara importera uppgifter för Enskede-Årsta-Vantör.' }]);
      expect(await counts()).toEqual(before);
      const own = await upload('eav@stockholm.example', participantsUrl(basic), csv('Anst.nr;Förvaltning;Enhet;Slutförd', 'LC-1;Enskede-Årsta-Vantör;Hemtjänst;2026-01-10'), 'p.csv');
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json().byBoard).toEqual([{ boardId: eavId, rows: 1 }]);
      const hc = await upload('eav@stockholm.example', '/api/training/headcounts', csv('Nämnd;Enhet;Antal anställda;Datum', 'Skärholmen;Ny enhet;5;2026-01-01'), 'hc.csv');
      expect(hc.statusCode).toBe(422);
    });

    it('local coordinators, contributors and board viewers see their board; central, auditor and the city board see all', async () => {
      const all = (await admin.get('/api/boards')).json().length;
      const eavId = await t.boardId('Enskede-Årsta-Vantör');
      const skhId = await t.boardId('Skärholmen');
      for (const email of ['eav@stockholm.example', 'enhetschef@stockholm.example']) {
        const c = await t.login(email);
        const rows = (await c.get(`/api/training/coverage?courseId=${basic}&asOf=2019-09-04`)).json();
        expect(rows.map((r: { boardId: string }) => r.boardId)).toEqual([eavId]);
        expect((await c.get(`/api/training/boards/${skhId}`)).statusCode).toBe(403);
        expect((await c.get(`/api/training/headcounts?boardId=${skhId}`)).statusCode).toBe(403);
        const o = (await c.get('/api/training/overview?asOf=2026-01-01')).json();
        expect(o.boards.map((b: { boardId: string }) => b.boardId)).toEqual([eavId]);
        expect(o.lagging.every((u: { boardId: string }) => u.boardId === eavId)).toBe(true);
      }
      const skh = await t.login('skarholmen@stockholm.example');
      expect((await skh.get(`/api/training/coverage?asOf=2019-09-04`)).json()).toEqual([{ boardId: skhId, employees: 1000, completed: 94, percent: 9.4, started: 0 }]);
      for (const email of ['central@stockholm.example', 'revisor@stockholm.example', 'politiker@stockholm.example']) {
        const c = await t.login(email);
        expect((await c.get(`/api/training/coverage?asOf=2019-09-04`)).json()).toHaveLength(all);
      }
      const contributor = await t.login('enhetschef@stockholm.example');
      expect((await contributor.post('/api/training/headcounts', {})).statusCode).toBe(403);
      expect((await admin.get('/api/training/coverage')).statusCode).toBe(403);
    });
  });

  describe('export', () => {
    it('the XLSX export opens with exceljs and holds the figures', async () => {
      const res = await central.get(`/api/training/coverage/export?courseId=${basic}&asOf=2019-09-04`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="utbildningstackning-webbaserad-grundutbildning-[a-z-]+-2019-09-04\.xlsx"$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Om rapporten', 'Nämnder', 'Enheter', 'Prioriterade grupper', 'Utveckling']);
      const boards = wb.getWorksheet('Nämnder')!;
      expect(boards.getRow(1).values).toEqual([undefined, 'Nämnd', 'Anställda', 'Genomfört', 'Andel (%)', 'Mål (%)', 'Status', 'Personalstatistik per']);
      const eavRow = boards.getRows(2, boards.rowCount - 1)!.find((r) => r.getCell(1).value === 'Enskede-Årsta-Vantör')!;
      expect([eavRow.getCell(2).value, eavRow.getCell(3).value, eavRow.getCell(4).value, eavRow.getCell(6).value]).toEqual([2679, 208, 7.8, 'Långt efter']);
      const units = wb.getWorksheet('Enheter')!;
      const eavUnits = units.getRows(2, units.rowCount - 1)!.filter((r) => r.getCell(1).value === 'Enskede-Årsta-Vantör');
      expect(eavUnits.reduce((s, r) => s + Number(r.getCell(3).value), 0)).toBe(2679);
      expect(eavUnits.reduce((s, r) => s + Number(r.getCell(4).value), 0)).toBe(208);
    });

    it('a local coordinator’s export holds only their board', async () => {
      const res = await eav.get(`/api/training/coverage/export?courseId=${basic}&asOf=2019-09-04`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const boards = wb.getWorksheet('Nämnder')!;
      expect(boards.rowCount).toBe(2);
      expect(boards.getRow(2).getCell(1).value).toBe('Enskede-Årsta-Vantör');
    });

    it('the trend chart is an SVG with a title', async () => {
      const res = await central.get(`/api/training/coverage/trend.svg?courseId=${basic}&asOf=2026-01-01`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.body).toMatch(/^<svg[^>]* role="img" aria-label="Andel som genomgått Webbaserad grundutbildning om våldsbejakande extremism"><title>/);
    });
  });

  describe('catalogue, targets and priority groups (central coordinator)', () => {
    it('adds, renames and removes a course; refuses duplicates and courses in use', async () => {
      const res = await central.post('/api/training/courses', { name: 'Föreläsning om radikalisering online', kind: 'lecture' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      expect((await central.post('/api/training/courses', { name: 'föreläsning om radikalisering online', kind: 'lecture' })).statusCode).toBe(409);
      const bad = await central.post('/api/training/courses', { name: '', kind: 'seminar' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([
        { field: 'name', message: 'Ange kursens namn.' },
        { field: 'kind', message: 'Välj typ av utbildning.' },
      ]);
      const renamed = await central.patch(`/api/training/courses/${id}`, { name: 'Föreläsning om nätradikalisering' });
      expect(renamed.json()).toEqual({ id, name: 'Föreläsning om nätradikalisering', kind: 'lecture' });
      expect((await central.del(`/api/training/courses/${basic}`)).statusCode).toBe(409);
      expect((await central.del(`/api/training/courses/${id}`)).statusCode).toBe(204);
      expect((await central.get('/api/training/courses')).json().some((c: { id: string }) => c.id === id)).toBe(false);
      expect((await eav.post('/api/training/courses', { name: 'X', kind: 'lecture' })).statusCode).toBe(403);
    });

    it('sets a target per course and year; the overview uses the latest on or before the year', async () => {
      const put = await central.request('PUT', `/api/training/courses/${basic}/targets/2024`, { targetPercent: 80 });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toEqual({ courseId: basic, year: 2024, targetPercent: 80 });
      expect((await central.get(`/api/training/overview?courseId=${basic}&asOf=2025-06-01`)).json().target).toEqual({ percent: 80, year: 2024 });
      expect((await central.get(`/api/training/overview?courseId=${basic}&asOf=2023-06-01`)).json().target).toEqual({ percent: 100, year: 2019 });
      const bad = await central.request('PUT', `/api/training/courses/${basic}/targets/2024`, { targetPercent: 120 });
      expect(bad.json().error.fields).toEqual([{ field: 'targetPercent', message: 'Målet måste vara mellan 1 och 100 procent.' }]);
      expect((await central.del(`/api/training/courses/${basic}/targets/2024`)).statusCode).toBe(204);
      expect((await central.del(`/api/training/courses/${basic}/targets/2024`)).statusCode).toBe(404);
      const targets = (await eav.get(`/api/training/targets?courseId=${basic}`)).json();
      expect(targets).toEqual([{ courseId: basic, year: 2019, targetPercent: 100 }]);
    });

    it('creates, changes and removes a priority group of units; its progress counts the units under a department', async () => {
      const eavId = await t.boardId('Enskede-Årsta-Vantör');
      const units = (await central.get(`/api/boards/${eavId}/units`)).json();
      const dept = units.find((u: { name: string }) => u.name === 'Avdelningen för kultur och fritid').id;
      const res = await central.post('/api/training/priority-groups', { year: 2022, name: 'Fritid', unitIds: [dept] });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      const o = (await eav.get('/api/training/overview?asOf=2022-12-31')).json();
      const group = o.groups.find((g: { id: string }) => g.id === id);
      const leaves = o.boards[0] && (await central.get(`/api/training/boards/${eavId}?asOf=2022-12-31`)).json().units;
      const expected = leaves
        .filter((u: { name: string }) => u.name === 'Fritidsgårdar' || u.name === 'Fältassistenter')
        .reduce((s: number, u: { employees: number }) => s + u.employees, 0);
      expect(group.employees).toBe(expected);
      const changed = await central.patch(`/api/training/priority-groups/${id}`, { name: 'Fritid och fält' });
      expect(changed.json()).toMatchObject({ name: 'Fritid och fält', unitIds: [dept], year: 2022 });
      const empty = await central.patch(`/api/training/priority-groups/${id}`, { unitIds: [] });
      expect(empty.statusCode).toBe(422);
      expect((await central.del(`/api/training/priority-groups/${id}`)).statusCode).toBe(204);
      expect((await central.get('/api/training/priority-groups?year=2022')).json()).toEqual([]);
      expect((await eav.get('/api/training/priority-groups')).json().map((g: { name: string }) => g.name)).toEqual(['Socialtjänsten', 'Förskolan', 'Äldreomsorgen']);
    });

    it('records every change in the audit log', async () => {
      const actions = new Set((await central.get('/api/audit?limit=200')).json().map((e: { action: string }) => e.action));
      for (const a of [
        'training.courses.create',
        'training.courses.update',
        'training.courses.delete',
        'training.targets.set',
        'training.targets.delete',
        'training.groups.create',
        'training.groups.update',
        'training.groups.delete',
        'training.headcounts.import',
        'training.participants.import',
      ]) {
        expect(actions.has(a), a).toBe(true);
      }
    });
  });

  it('validates query parameters in Swedish', async () => {
    const res: LightMyRequestResponse = await central.get('/api/training/coverage?asOf=2019-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'asOf', message: 'Datumet finns inte.' }]);
  });
});
