import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONCERN_TYPES, ENVIRONMENTS, TERTIALS } from '../../src/domain/situation/categories.js';
import { createBoard } from '../../src/modules/orgs/service.js';
import { insertConcerns } from '../../src/modules/situation/concerns.repo.js';
import { createUser } from '../../src/modules/users/service.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { concernReport, rowCount } from '../helpers/factories.js';

const yesterday = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
const REFUSED: [string, string][] = [
  ['Eleven 20051224-0011 har uttryckt stöd för våld', 'personnummer'],
  ['Ring föräldern på 070-123 45 67', 'telefonnummer'],
  ['Mejla oss på anna.svensson@example.se', 'e-postadress'],
  ['Klotter på Götgatan 14 i trapphuset', 'gatuadress'],
];
const CLEAN = 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved';

type Cell = number | string;
const hidden = (c: Cell) => typeof c === 'string';

/** No additive relation of the city view (per dimension: rows, columns, totals) has exactly one hidden member. */
function expectCityProtected(city: { boards: Record<string, unknown>[]; totals: Record<string, unknown> }) {
  const dims = [
    ['byType', CONCERN_TYPES],
    ['byEnvironment', ENVIRONMENTS],
    ['byTertial', TERTIALS],
  ] as const;
  const one = (xs: Cell[]) => xs.filter(hidden).length === 1;
  const totals = city.boards.map((b) => b.total as Cell);
  expect(one([...totals, city.totals.total as Cell]), 'board totals').toBe(false);
  for (const [dim, keys] of dims) {
    for (const b of city.boards) {
      const row = b[dim] as Record<string, Cell>;
      expect(one([...keys.map((k) => row[k]), b.total as Cell]), `${dim} of ${b.boardName}`).toBe(false);
    }
    const t = city.totals[dim] as Record<string, Cell>;
    for (const k of keys) expect(one([...city.boards.map((b) => (b[dim] as Record<string, Cell>)[k]), t[k]]), `${dim}.${k}`).toBe(false);
    expect(one([...keys.map((k) => t[k]), city.totals.total as Cell]), `${dim} totals`).toBe(false);
  }
}

describe.each(await testDatabaseKinds())('[SITUATION] concern reports and counts on %s', (kind) => {
  let t: TestApp;
  let eavBoard: string;
  let skBoard: string;
  let ksBoard: string;
  let contributor: Client;
  let eav: Client;
  let skarholmen: Client;
  let central: Client;
  let auditor: Client;
  let admin: Client;
  let viewer: Client;
  const count = (table: 'concern_report' | 'audit_log' | 'concern_note') => rowCount(t, table);
  const report = (over: Record<string, unknown> = {}) => ({ boardId: eavBoard, occurredOn: yesterday(), type: 'graffiti', environment: 'white_power', description: CLEAN, ...over });

  beforeAll(async () => {
    t = await startTestApp(kind);
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
    skBoard = await t.boardId('Skärholmen');
    ksBoard = await t.boardId('Kommunstyrelsen');
    [contributor, eav, skarholmen, central, auditor, admin, viewer] = await Promise.all(
      ['enhetschef', 'eav', 'skarholmen', 'central', 'revisor', 'admin', 'politiker'].map((u) => t.login(`${u}@stockholm.example`)),
    );
  });
  afterAll(() => t.close());

  describe('filing', () => {
    it.each(REFUSED)('refuses "%s" with 422 personal_data naming the field, and writes nothing', async (text, kind) => {
      const before = [await count('concern_report'), await count('audit_log')];
      const res = await contributor.post('/api/concerns', report({ description: text }));
      expect(res.statusCode, res.body).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('personal_data');
      expect(err.message).toMatch(/personuppgifter/);
      expect(err.fields).toHaveLength(1);
      expect(err.fields[0].field).toBe('description');
      expect(err.fields[0].message).toContain(kind);
      // The message says what to remove without repeating it.
      expect(JSON.stringify(err)).not.toContain(text.split(' ').find((w) => /\d|@/.test(w)));
      expect([await count('concern_report'), await count('audit_log')]).toEqual(before);
    });

    it('names every field that holds personal data: description, actionTaken and area', async () => {
      const res = await contributor.post('/api/concerns', report({ description: 'Ring 070-123 45 67', actionTaken: 'Mejlat anna.svensson@example.se', area: 'Götgatan 14' }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['description', 'actionTaken', 'area']);
    });

    it('accepts a de-identified report (201) and logs its categories, never its text', async () => {
      const before = await count('concern_report');
      const res = await contributor.post('/api/concerns', report({ area: 'Rågsved', actionTaken: 'Fastighetsägaren kontaktad.', forwardedToPolice: true }));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ boardId: eavBoard, type: 'graffiti', environment: 'white_power', status: 'open' });
      expect(res.body).not.toContain('Rågsved');
      expect(await count('concern_report')).toBe(before + 1);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', body.id).executeTakeFirstOrThrow();
      expect(entry.action).toBe('concerns.create');
      expect(JSON.stringify(entry.summary)).not.toContain('Rågsved');
      expect(JSON.stringify(entry.summary)).not.toContain('Klistermärken');
    });

    it.each([
      ['Eleven har nummer 2005\u200b1224-0011 i journalen', 'personnummer'],
      ['Ring \uff10\uff17\uff10-\uff11\uff12\uff13 \uff14\uff15 \uff16\uff17 om du vet mer', 'telefonnummer'],
      ['Kontakt: anna.svensson\u200b@example.se', 'e-postadress'],
      ['Hon nås på 070\u2011123\u00a045\u00a067', 'telefonnummer'],
      ['Personnummer 200512 24 0011 står i anmälan', 'personnummer'],
      ['Ahmed Karimi 19900101-1234 har hotat en lärare', 'personnummer'],
      ['Mejla a\uff20b.se eller anna (at) example (dot) se', 'e-postadresser'],
      ['Ring 070.123.45.67 efter skolan', 'telefonnummer'],
    ])('refuses disguised personal data like plain: %s', async (text, kind) => {
      const before = [await count('concern_report'), await count('audit_log')];
      const res = await contributor.post('/api/concerns', report({ description: text }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('personal_data');
      expect(res.json().error.fields).toEqual([{ field: 'description', message: expect.stringContaining(kind) }]);
      expect([await count('concern_report'), await count('audit_log')]).toEqual(before);
    });

    describe('possible names', () => {
      const NAMED = 'Vi är oroliga för Ahmed Hassan i klass 9B på skolan';

      it('holds back a text that looks like a name with 422 personal_data_possible and the words per field, writing nothing', async () => {
        const before = [await count('concern_report'), await count('audit_log')];
        const res = await contributor.post('/api/concerns', report({ description: NAMED, actionTaken: 'Samtal med Anna Svensson och Jonas K.' }));
        expect(res.statusCode, res.body).toBe(422);
        const err = res.json().error;
        expect(err.code).toBe('personal_data_possible');
        expect(err.message).toMatch(/bekräfta att ingen person kan identifieras/);
        expect(err.fields).toEqual([
          { field: 'description', words: ['Ahmed Hassan'], message: expect.stringContaining('ett namn på en person') },
          { field: 'actionTaken', words: ['Anna Svensson', 'Jonas K.'], message: expect.stringContaining('namn på personer') },
        ]);
        for (const f of err.fields) expect(f.message).not.toContain('Hassan');
        expect([await count('concern_report'), await count('audit_log')]).toEqual(before);
      });

      it('stores the same report when the writer confirms, and audits which fields were confirmed, not the text', async () => {
        const res = await contributor.post('/api/concerns', report({ description: NAMED, confirmNoPersonalData: true }));
        expect(res.statusCode, res.body).toBe(201);
        const entry = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.json().id).executeTakeFirstOrThrow();
        expect(entry.action).toBe('concerns.create');
        const summary = typeof entry.summary === 'string' ? JSON.parse(entry.summary) : entry.summary;
        expect(summary.confirmedNoPersonalData).toEqual(['description']);
        expect(JSON.stringify(entry.summary)).not.toContain('Hassan');
      });

      it('a confirmation never lifts a personal_data refusal', async () => {
        const res = await contributor.post('/api/concerns', report({ description: `${NAMED}, pnr 20051224-0011`, confirmNoPersonalData: true }));
        expect(res.statusCode).toBe(422);
        expect(res.json().error.code).toBe('personal_data');
      });

      it('stores places, streets and organisations without asking, and logs no confirmation', async () => {
        const res = await contributor.post(
          '/api/concerns',
          report({ description: 'Klistermärken vid Gustav Adolfs torg, i Kista Galleria och utanför Maria Magdalena församling. Polisen i Söderort informerad.' }),
        );
        expect(res.statusCode, res.body).toBe(201);
        const entry = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.json().id).executeTakeFirstOrThrow();
        expect(JSON.stringify(entry.summary)).not.toContain('confirmedNoPersonalData');
      });

      it('holds back a note and a closing comment the same way; confirmed, they are stored and the confirmation audited', async () => {
        const id = await concernReport({ as: contributor, boardId: eavBoard });
        const notes = await count('concern_note');
        const held = await eav.post(`/api/concerns/${id}/notes`, { body: 'Pratade med Fatima Al-Hassan på skolan' });
        expect(held.statusCode).toBe(422);
        expect(held.json().error).toMatchObject({ code: 'personal_data_possible', fields: [{ field: 'body', words: ['Fatima Al-Hassan'] }] });
        expect(await count('concern_note')).toBe(notes);
        const stored = await eav.post(`/api/concerns/${id}/notes`, { body: 'Pratade med Fatima Al-Hassan på skolan', confirmNoPersonalData: true });
        expect(stored.statusCode, stored.body).toBe(201);
        const noteEntry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'concerns.note').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        expect(JSON.stringify(noteEntry.summary)).toContain('confirmedNoPersonalData');
        expect((await eav.post(`/api/concerns/${id}/classification`, { type: 'graffiti', environment: 'white_power', relevance: 'vbe' })).statusCode).toBe(200);
        const closeHeld = await eav.post(`/api/concerns/${id}/close`, { comment: 'Erik Johansson tar över' });
        expect(closeHeld.json().error).toMatchObject({ code: 'personal_data_possible', fields: [{ field: 'comment', words: ['Erik Johansson'] }] });
        const closed = await eav.post(`/api/concerns/${id}/close`, { comment: 'Erik Johansson tar över', confirmNoPersonalData: true });
        expect(closed.statusCode, closed.body).toBe(200);
      });
    });

    it('refuses unknown categories with Swedish messages (400), a future date and a unit of another board (422)', async () => {
      const bad = await contributor.post('/api/concerns', report({ type: 'graffitti', environment: 'left' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual(
        expect.arrayContaining([
          { field: 'type', message: 'Välj typ av händelse.' },
          { field: 'environment', message: 'Välj miljö.' },
        ]),
      );
      const future = await contributor.post('/api/concerns', report({ occurredOn: '2999-01-01' }));
      expect(future.statusCode).toBe(422);
      expect(future.json().error.fields).toEqual([{ field: 'occurredOn', message: 'Datumet kan inte vara i framtiden.' }]);
      const otherUnit = await t.database.db.selectFrom('unit').select('id').where('board_id', '=', skBoard).limit(1).executeTakeFirstOrThrow();
      const unit = await contributor.post('/api/concerns', report({ reportingUnitId: otherUnit.id }));
      expect(unit.statusCode).toBe(422);
      expect(unit.json().error.fields[0].field).toBe('reportingUnitId');
      expect((await contributor.post('/api/concerns', report({ description: '' }))).json().error.fields).toEqual([{ field: 'description', message: 'Beskriv vad som hände.' }]);
    });

    it('lets staff file for their own board only; the central coordinator for any; never the auditor or admin', async () => {
      expect((await contributor.post('/api/concerns', report({ boardId: skBoard }))).statusCode).toBe(403);
      expect((await viewer.post('/api/concerns', report({ boardId: ksBoard }))).statusCode).toBe(201);
      expect((await central.post('/api/concerns', report({ boardId: skBoard }))).statusCode).toBe(201);
      expect((await auditor.post('/api/concerns', report())).statusCode).toBe(403);
      expect((await admin.post('/api/concerns', report())).statusCode).toBe(403);
      expect((await t.anonymous.post('/api/concerns', report())).statusCode).toBe(401);
      expect((await contributor.post('/api/concerns', report({ boardId: '00000000-0000-4000-8000-000000000000' }))).statusCode).toBe(404);
    });
  });

  describe('who reads texts', () => {
    /** A report the board's coordinator has not read yet, filed by a contributor. */
    const unreadReport = () => concernReport({ as: contributor, boardId: eavBoard, description: 'Flygblad från nazistisk organisation i brevlådor i Hagsätra.' });

    it('the board’s coordinator sees it unread in the inbox and the list (without text), reads it (audited), and it is read', async () => {
      const id = await unreadReport();
      const inbox = (await eav.get('/api/concerns/inbox')).json();
      expect(inbox.boards).toEqual([expect.objectContaining({ boardId: eavBoard })]);
      const list = await eav.get(`/api/concerns?boardId=${eavBoard}`);
      expect(list.body).not.toContain('Hagsätra');
      expect(list.json().find((c: { id: string }) => c.id === id).unread).toBe(true);
      expect(list.json().every((c: { boardId: string }) => c.boardId === eavBoard)).toBe(true);

      const audits = await count('audit_log');
      const res = await eav.get(`/api/concerns/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().description).toContain('Hagsätra');
      await eav.get(`/api/concerns/${id}`);
      expect(await count('audit_log')).toBe(audits + 2);
      const reads = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'concerns.read').execute();
      expect(reads).toHaveLength(2);
      expect(reads.every((r) => r.actor_email === 'eav@stockholm.example' && r.board_id === eavBoard)).toBe(true);
      expect(JSON.stringify(reads.map((r) => r.summary))).not.toContain('Hagsätra');
      expect((await eav.get('/api/concerns/inbox')).json().unread).toBe(inbox.unread - 1);
    });

    it('the central coordinator reads texts of any board (audited)', async () => {
      const id = await unreadReport();
      const res = await central.get(`/api/concerns/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().description).toContain('Hagsätra');
    });

    it('another board’s coordinator, the filer, the auditor, a viewer and the admin cannot read it, and the refusal writes nothing', async () => {
      const id = await unreadReport();
      const audits = await count('audit_log');
      for (const c of [skarholmen, contributor, auditor, viewer, admin]) {
        const res = await c.get(`/api/concerns/${id}`);
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Hagsätra');
      }
      expect(await count('audit_log')).toBe(audits);
      expect((await skarholmen.get(`/api/concerns?boardId=${eavBoard}`)).statusCode).toBe(403);
      expect((await skarholmen.get('/api/concerns')).json().every((c: { boardId: string }) => c.boardId === skBoard)).toBe(true);
      expect((await auditor.get('/api/concerns')).statusCode).toBe(403);
    });

    it('the auditor sees counts only', async () => {
      await unreadReport(); // a text the counts must not carry
      const res = await auditor.get(`/api/situation/boards/${eavBoard}?year=${yesterday().slice(0, 4)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().suppressed).toBe(true);
      expect(res.json().cross).toBeNull();
      expect(res.body).not.toContain('Hagsätra');
      expect((await auditor.get(`/api/situation/city?year=${yesterday().slice(0, 4)}`)).statusCode).toBe(200);
    });

    it('classifies, adds a guarded note, closes; a closed report cannot change', async () => {
      const id = await unreadReport();
      const cls = await eav.post(`/api/concerns/${id}/classification`, { type: 'propaganda', environment: 'white_power', relevance: 'vbe' });
      expect(cls.statusCode, cls.body).toBe(200);
      expect(cls.json()).toMatchObject({ type: 'propaganda', relevance: 'vbe' });
      const notes = await count('concern_note');
      const refused = await eav.post(`/api/concerns/${id}/notes`, { body: 'Pratade med pappan, 070-123 45 67' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.fields[0].field).toBe('body');
      expect(await count('concern_note')).toBe(notes);
      expect((await eav.post(`/api/concerns/${id}/notes`, { body: 'Informerat lokalpolisen.' })).statusCode).toBe(201);
      expect((await skarholmen.post(`/api/concerns/${id}/close`, {})).statusCode).toBe(403);
      const closed = await eav.post(`/api/concerns/${id}/close`, { comment: 'Sanerat, inga fler åtgärder.' });
      expect(closed.json().status).toBe('closed');
      const detail = (await eav.get(`/api/concerns/${id}`)).json();
      expect(detail.notes.map((n: { body: string }) => n.body)).toEqual(['Informerat lokalpolisen.', 'Sanerat, inga fler åtgärder.']);
      const again = await eav.post(`/api/concerns/${id}/classification`, { type: 'other', environment: 'unclear', relevance: 'not_vbe' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('closed');
    });

    it('refuses to close a report that is not classified (422 naming the relevance), and changes nothing', async () => {
      const id = await concernReport({ as: contributor, boardId: eavBoard });
      const before = [await count('concern_note'), await count('audit_log')];
      const res = await eav.post(`/api/concerns/${id}/close`, { comment: 'Sanerat.' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'unclassified', message: 'Klassa rapporten innan du avslutar den.', fields: [{ field: 'relevance' }] });
      expect([await count('concern_note'), await count('audit_log')]).toEqual(before);
      expect((await eav.get(`/api/concerns/${id}`)).json()).toMatchObject({ status: 'open', relevance: null, notes: [] });
      // Once classified, it closes.
      await eav.post(`/api/concerns/${id}/classification`, { type: 'graffiti', environment: 'white_power', relevance: 'not_vbe' });
      expect((await eav.post(`/api/concerns/${id}/close`, {})).json().status).toBe('closed');
    });

    it('an unknown report is 404', async () => {
      expect((await eav.get('/api/concerns/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  });

  describe('city-wide picture', () => {
    it('suppresses a board’s single report as "<5" and holds no report text (acceptance case)', async () => {
      const board = (await admin.post('/api/boards', { name: 'Provnämnd situation', kind: 'district_board' })).json();
      expect((await central.post('/api/concerns', report({ boardId: board.id, area: 'Rågsved' }))).statusCode).toBe(201);
      const res = await central.get(`/api/situation/city?year=${yesterday().slice(0, 4)}`);
      expect(res.statusCode).toBe(200);
      const city = res.json();
      const row = city.boards.find((b: { boardId: string }) => b.boardId === board.id);
      expect(row.total).toBe('<5');
      expect(row.byType.graffiti).toBe('<5');
      expect(row.byEnvironment.white_power).toBe('<5');
      expect(res.body).not.toContain('Rågsved');
      expect(res.body).not.toContain('Klistermärken');
      expectCityProtected(city);
      expect(city.trend.map((p: { year: number }) => p.year)).toEqual(expect.arrayContaining([2024, 2025]));
    });

    it('is for the central coordinator, the auditor and the city board’s viewer only', async () => {
      const y = `/api/situation/city?year=2025`;
      expect((await viewer.get(y)).statusCode).toBe(200);
      for (const c of [eav, contributor, admin]) expect((await c.get(y)).statusCode).toBe(403);
      expect((await central.get('/api/situation/city')).statusCode).toBe(400);
    });

    it('renders SVG charts on request', async () => {
      const city = (await central.get('/api/situation/city?year=2025&charts=1&lang=en')).json();
      expect(city.charts.map((c: { key: string }) => c.key)).toEqual(['environment', 'type', 'trend', 'boards']);
      expect(city.charts[0].svg).toMatch(/^<svg/);
      expect(city.charts[0].title).toBe('Reports by environment 2025');
    });

    describe('secondary suppression in a municipality of three boards', () => {
      let boards: { a: string; b: string; c: string };
      let prov: Client;
      let provLc: Client;
      beforeAll(async () => {
        const db = t.database.db;
        const m = await db.insertInto('municipality').values({ name: `Provkommun ${kind}` }).returning('id').executeTakeFirstOrThrow();
        const actor = { system: 'test', municipalityId: m.id };
        const mk = async (name: string) => (await createBoard({ db, actor, input: { name, kind: 'district_board' } })).id;
        boards = { a: await mk('Nämnd A'), b: await mk('Nämnd B'), c: await mk('Nämnd C') };
        await createUser({ db, actor, input: { email: `central-${kind}@prov.example`, name: 'Central', password: DEMO_PASSWORD, roles: [{ role: 'central_coordinator', boardId: null }] } });
        await createUser({ db, actor, input: { email: `lc-b-${kind}@prov.example`, name: 'Samordnare B', password: DEMO_PASSWORD, roles: [{ role: 'local_coordinator', boardId: boards.b }] } });
        const rows = (board: string, n: number, type: string, environment: string, month: string) =>
          Array.from({ length: n }, () => ({
            board_id: board,
            occurred_on: `2025-${month}-15`,
            type,
            environment,
            area: 'Provområdet',
            reporting_unit_id: null,
            description: 'Hemlig text som aldrig får synas i stadens bild.',
            action_taken: null,
            forwarded_to_social_services: false,
            forwarded_to_police: false,
            filed_by: null,
          }));
        await insertConcerns(db, [...rows(boards.a, 12, 'graffiti', 'white_power', '02'), ...rows(boards.b, 3, 'graffiti', 'white_power', '03'), ...rows(boards.c, 9, 'propaganda', 'autonomous', '06')]);
        prov = await t.login(`central-${kind}@prov.example`);
        provLc = await t.login(`lc-b-${kind}@prov.example`);
      });

      it('hides the small board total, and a second total so the year’s total cannot give it back', async () => {
        const res = await prov.get('/api/situation/city?year=2025');
        const city = res.json();
        const by = (id: string) => city.boards.find((b: { boardId: string }) => b.boardId === id);
        expect(city.boards).toHaveLength(3);
        expect(city.totals.total).toBe(24);
        expect(by(boards.b).total).toBe('<5');
        // 24 − 12 − 9 would give B's 3 back, so board totals are hidden too: C's 9 (the smallest
        // other one) as "..", and A's 12 because A's only cell shares the graffiti column with B's.
        expect(by(boards.c).total).toBe('..');
        expect(by(boards.a).total).toBe('..');
        expect(by(boards.b).byType.graffiti).toBe('<5');
        expect(by(boards.a).byType.graffiti).toBe('..');
        expect(by(boards.c).byType.propaganda).toBe('..');
        expect(city.totals.byType.graffiti).toBe('..');
        expect(by(boards.b).byTertial.T1).toBe('<5');
        // Zeros stay visible.
        expect(by(boards.a).byType.propaganda).toBe(0);
        expectCityProtected(city);
        expect(res.body).not.toContain('Hemlig');
        expect(res.body).not.toContain('Provområdet');
        // Nothing from another municipality.
        expect(city.boards.some((b: { boardName: string }) => b.boardName === 'Enskede-Årsta-Vantör')).toBe(false);
      });

      it('the board’s own coordinator sees its counts exactly; outside, the board view is its row of the city view', async () => {
        const own = (await provLc.get(`/api/situation/boards/${boards.b}?year=2025`)).json();
        expect(own.suppressed).toBe(false);
        expect(own.total).toBe(3);
        expect(own.byType.graffiti).toBe(3);
        expect(own.cross.find((r: { type: string }) => r.type === 'graffiti').counts.white_power).toBe(3);
        const outside = (await prov.get(`/api/situation/boards/${boards.b}?year=2025`)).json();
        expect(outside.suppressed).toBe(true);
        expect(outside.total).toBe('<5');
        const city = (await prov.get('/api/situation/city?year=2025')).json();
        const row = city.boards.find((b: { boardId: string }) => b.boardId === boards.b);
        expect({ total: outside.total, byType: outside.byType, byEnvironment: outside.byEnvironment, byTertial: outside.byTertial }).toEqual({
          total: row.total,
          byType: row.byType,
          byEnvironment: row.byEnvironment,
          byTertial: row.byTertial,
        });
        expect((await provLc.get(`/api/situation/boards/${boards.a}?year=2025`)).statusCode).toBe(403);
      });

      it('uses the municipality’s own threshold', async () => {
        // No API sets the threshold yet: the test sets it in the database and puts it back after.
        const municipality = t.database.db.updateTable('municipality').where('name', '=', `Provkommun ${kind}`);
        const { suppression_threshold: original } = await t.database.db
          .selectFrom('municipality')
          .select('suppression_threshold')
          .where('name', '=', `Provkommun ${kind}`)
          .executeTakeFirstOrThrow();
        try {
          await municipality.set({ suppression_threshold: 3 }).execute();
          const city = (await prov.get('/api/situation/city?year=2025')).json();
          expect(city.threshold).toBe(3);
          expect(city.boards.find((b: { boardId: string }) => b.boardId === boards.b).total).toBe(3);
          await municipality.set({ suppression_threshold: 10 }).execute();
          const strict = (await prov.get('/api/situation/city?year=2025')).json();
          expect(strict.boards.find((b: { boardId: string }) => b.boardId === boards.c).total).toBe('<10');
        } finally {
          await municipality.set({ suppression_threshold: original }).execute();
        }
      });
    });
  });
});
