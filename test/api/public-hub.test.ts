import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../src/domain/calendar.js';
import { storedZip, tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { boardWithPeople, draftPlan, expectStatus, planAt, rowCount, type BoardWithPeople } from '../helpers/factories.js';
import { pdfText } from '../helpers/readers.js';
import { uploader, type Uploader } from '../helpers/upload.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TODAY = todayInSweden();
const ACTIVITY = { title: 'Hemlig utkastinsats', measureArea: 'general', responsible: 'Samordnare', timeline: 'Löpande', followUp: 'Tertial' };
const RETURN_COMMENT = 'Internt granskningsomdöme: komplettera lägesbilden';
const TEXT = 'Är du orolig för att någon i din närhet dras in i våldsbejakande extremism? Kontakta oss.';
const contact = (boardId: string, over: Json = {}) => ({ boardId, contactedOn: addDays(TODAY, -1), callerType: 'relative', topic: 'concern_for_person', environment: 'violent_islamist', ...over });

describe.each(await testDatabaseKinds())('[HUB] public pages, helpline, library, directory and news on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let board: BoardWithPeople; // lc: local coordinator, cb: contributor
  let other: BoardWithPeople; // another board's local coordinator
  let centralUp: Uploader;
  let approved: string;
  let draft: string;
  let returned: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
    board = await boardWithPeople(t, { people: { lc: 'local_coordinator', cb: 'contributor' } });
    other = await boardWithPeople(t, { people: { lc: 'local_coordinator' } });
    centralUp = await uploader(t, 'central@stockholm.example');
    const lc = board.clients.lc;
    expectStatus(await lc.request('PUT', `/api/boards/${board.boardId}/public-info`, { text: TEXT, contacts: [{ label: 'Samordnare mot våldsbejakande extremism', email: 'vbe.prov@stockholm.example', phone: '08-508 000 00' }] }), 200, 'public info');
    approved = (await planAt(t, { as: lc, central, boardId: board.boardId, status: 'approved', activities: [{ ...ACTIVITY, title: 'Information till boende' }] })).id;
    draft = (await draftPlan(t, { as: lc, boardId: board.boardId, activities: [ACTIVITY] })).id;
    returned = (await planAt(t, { as: lc, central, boardId: board.boardId, status: 'returned', returnComment: RETURN_COMMENT })).id;
  });
  afterAll(() => t.close());

  describe('the public page, without login', () => {
    it('lists the municipality’s boards and which have a page', async () => {
      const me = expectStatus(await central.get('/api/me'), 200, 'me');
      const res = expectStatus(await t.anonymous.get(`/api/public/municipalities/${me.municipality.id}/boards`), 200, 'public boards');
      expect(res.boards).toContainEqual({ id: board.boardId, name: board.name, hasInfo: true });
      expect(res.boards).toContainEqual({ id: other.boardId, name: other.name, hasInfo: false });
    });

    it('shows where to turn, the function contacts, 112 and 114 14, and only the approved plan', async () => {
      const page = expectStatus(await t.anonymous.get(`/api/public/boards/${board.boardId}`), 200, 'public page');
      expect(page.text).toBe(TEXT);
      expect(page.contacts).toEqual([{ label: 'Samordnare mot våldsbejakande extremism', email: 'vbe.prov@stockholm.example', phone: '08-508 000 00' }]);
      expect(page.alwaysShown.map((c: Json) => c.phone)).toEqual(['112', '114 14']);
      expect(page.plans.map((p: Json) => p.id)).toEqual([approved]);
      expect(Object.keys(page).sort()).toEqual(['alwaysShown', 'contacts', 'id', 'municipality', 'name', 'plans', 'text', 'updatedAt']);
      expect(Object.keys(page.plans[0]).sort()).toEqual(['id', 'url', 'year']);
    });

    it('serves the approved plan as a PDF without login, and no other plan', async () => {
      const page = expectStatus(await t.anonymous.get(`/api/public/boards/${board.boardId}`), 200, 'public page');
      const pdf = await t.anonymous.get(page.plans[0].url);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      for (const id of [draft, returned]) expect((await t.anonymous.get(`/api/public/plans/${id}/pdf`)).statusCode, id).toBe(404);
    });

    const leaks: [string, () => string][] = [
      ['the draft plan’s id', () => draft],
      ['the returned plan’s id', () => returned],
      ['the central coordinator’s review comment', () => RETURN_COMMENT],
      ['a draft activity’s title', () => ACTIVITY.title],
      ['the editing coordinator’s e-mail', () => board.emails.lc],
      ['the plans’ statuses', () => 'approved'],
    ];
    it.each(leaks)('does not leak %s', async (_, secret) => {
      const me = expectStatus(await central.get('/api/me'), 200, 'me');
      for (const url of [`/api/public/boards/${board.boardId}`, `/api/public/municipalities/${me.municipality.id}/boards`]) {
        expect((await t.anonymous.get(url)).body).not.toContain(secret());
      }
    });

    it('does not leak the editing coordinator’s user id', async () => {
      const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', board.emails.lc).executeTakeFirstOrThrow();
      expect((await t.anonymous.get(`/api/public/boards/${board.boardId}`)).body).not.toContain(user.id);
    });

    it('keeps the approved plan public while its revision is being drafted, and never the revision', async () => {
      const reason = 'Internt skäl: kommunstyrelsens direktiv om nya insatser';
      const revision = expectStatus(await board.clients.lc.post(`/api/plans/${approved}/revisions`, { reason }), 201, 'revision');
      const res = await t.anonymous.get(`/api/public/boards/${board.boardId}`);
      expect(res.json().plans.map((p: Json) => p.id)).toEqual([approved]);
      expect(res.body).not.toContain(revision.id);
      expect(res.body).not.toContain(reason);
      expect((await t.anonymous.get(`/api/public/plans/${revision.id}/pdf`)).statusCode).toBe(404);
    });

    it('is rate-limited per client like the other pages without login', async () => {
      const res = await t.anonymous.get(`/api/public/boards/${board.boardId}`);
      expect(res.headers['x-ratelimit-limit']).toBe('60');
    });

    it('answers 404 for a board that does not exist', async () => {
      expect((await t.anonymous.get('/api/public/boards/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  });

  describe('editing the public text', () => {
    const put = (c: Client, boardId: string, body: Json) => c.request('PUT', `/api/boards/${boardId}/public-info`, body);

    it('is the board’s own coordinators’: another board’s coordinator and a contributor are refused, nothing written', async () => {
      const before = await rowCount(t, 'audit_log');
      expect((await put(other.clients.lc, board.boardId, { text: 'Fel nämnd', contacts: [] })).statusCode).toBe(403);
      expect((await put(board.clients.cb, board.boardId, { text: 'Fel roll', contacts: [] })).statusCode).toBe(403);
      expect(await rowCount(t, 'audit_log')).toBe(before);
      expect(expectStatus(await t.anonymous.get(`/api/public/boards/${board.boardId}`), 200, 'page').text).toBe(TEXT);
    });

    it('lets the central coordinator edit any board’s page, and audits it', async () => {
      expectStatus(await put(central, other.boardId, { text: 'Ring stadens samordnare.', contacts: [] }), 200, 'central edit');
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'board_id']).where('entity_id', '=', other.boardId).where('action', '=', 'public_info.update').executeTakeFirstOrThrow();
      expect(audit.board_id).toBe(other.boardId);
    });

    it('refuses personal data in the published text', async () => {
      const res = await put(board.clients.lc, board.boardId, { text: 'Ring vår samordnare på 070-765 43 21.', contacts: [] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('personal_data');
    });

    it('holds back a mailbox that looks like a person’s own until confirmed, and refuses malformed numbers', async () => {
      const body = { text: TEXT, contacts: [{ label: 'Samordnare', email: 'anna.svensson@stockholm.example' }] };
      const res = await put(board.clients.lc, board.boardId, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields[0].field).toBe('contacts.0.email');
      expect((await put(board.clients.lc, board.boardId, { text: TEXT, contacts: [{ label: 'Växel', phone: 'ring oss' }] })).statusCode).toBe(400);
      expect((await put(board.clients.lc, board.boardId, { text: TEXT, contacts: [{ label: 'Mejl', email: 'inte en adress' }] })).statusCode).toBe(400);
      expectStatus(await put(board.clients.lc, board.boardId, { ...body, confirmNoPersonalData: true }), 200, 'confirmed');
      // Restore the page the other tests read.
      expectStatus(await put(board.clients.lc, board.boardId, { text: TEXT, contacts: [{ label: 'Samordnare mot våldsbejakande extremism', email: 'vbe.prov@stockholm.example', phone: '08-508 000 00' }] }), 200, 'restore');
    });
  });

  describe('the helpline log', () => {
    let ids: string[] = [];
    beforeAll(async () => {
      ids = [];
      for (let i = 0; i < 2; i++) ids.push(expectStatus(await board.clients.lc.post('/api/helpline-contacts', contact(board.boardId, { note: 'Anhörig orolig efter samtal med skolan' })), 201, 'contact').id);
    });

    it('refuses a note holding a phone number and writes nothing', async () => {
      const before = await Promise.all([rowCount(t, 'helpline_contact'), rowCount(t, 'audit_log')]);
      const res = await board.clients.lc.post('/api/helpline-contacts', contact(board.boardId, { note: 'Mamman är orolig, ring henne på 070-765 43 21' }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('personal_data');
      expect(await Promise.all([rowCount(t, 'helpline_contact'), rowCount(t, 'audit_log')])).toEqual(before);
    });

    it('refuses a contact dated ahead and one with an unknown caller type', async () => {
      expect((await board.clients.lc.post('/api/helpline-contacts', contact(board.boardId, { contactedOn: addDays(TODAY, 2) }))).statusCode).toBe(422);
      expect((await board.clients.lc.post('/api/helpline-contacts', contact(board.boardId, { callerType: 'neighbour' }))).statusCode).toBe(400);
    });

    it('shows the owning board its 2 contacts exactly and the central coordinator "<5"', async () => {
      const year = Number(addDays(TODAY, -1).slice(0, 4));
      const own = expectStatus(await board.clients.lc.get(`/api/helpline-contacts/summary?year=${year}`), 200, 'own summary');
      const ownRow = own.boards.find((b: Json) => b.boardId === board.boardId);
      expect(ownRow).toMatchObject({ total: 2, suppressed: false, byCallerType: { relative: 2 }, byEnvironment: { violent_islamist: 2 } });
      expect(JSON.stringify(own)).not.toContain('"<5"');
      const city = expectStatus(await central.get(`/api/helpline-contacts/summary?year=${year}`), 200, 'city summary');
      const row = city.boards.find((b: Json) => b.boardId === board.boardId);
      expect(row).toMatchObject({ total: '<5', suppressed: true, byCallerType: { relative: '<5' } });
      expect(JSON.stringify(row)).not.toMatch(/:2[,}]/);
    });

    it('counts the calls in the board report exactly for the board and as "<5" in the central coordinator’s city report, also in the PDF', async () => {
      const year = Number(addDays(TODAY, -1).slice(0, 4));
      const own = expectStatus(await board.clients.lc.get(`/api/reports/boards/${board.boardId}?year=${year}`), 200, 'board report');
      expect(own.helpline).toMatchObject({ available: true, rows: [{ boardId: board.boardId, total: 2, byCallerType: { relative: 2 } }] });
      const city = expectStatus(await central.get(`/api/reports/city?year=${year}`), 200, 'city report');
      expect(city.helpline.rows.find((r: Json) => r.boardId === board.boardId)).toMatchObject({ total: '<5', byEnvironment: { violent_islamist: '<5' } });
      const pdf = await board.clients.lc.get(`/api/reports/boards/${board.boardId}?year=${year}&format=pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = await pdfText(pdf.rawPayload, { layout: false });
      expect(text).toContain('Lotsfunktionen: samtal');
      expect(text).toContain('Anhörig');
    });

    it('logs the city’s own contacts without a board for the central coordinator only', async () => {
      const own = contact(board.boardId);
      delete (own as Json).boardId;
      const res = await board.clients.lc.post('/api/helpline-contacts', own);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('board_required');
      const city = expectStatus(await central.post('/api/helpline-contacts', { ...own, callerType: 'professional' }), 201, 'city contact');
      expect(city.boardId).toBeNull();
      const list = expectStatus(await central.get('/api/helpline-contacts'), 200, 'central list') as unknown as Json[];
      expect(list.map((c) => c.id)).toContain(city.id);
      expect(list.every((c) => c.boardId === null)).toBe(true);
    });

    it('keeps the entries themselves to the board’s coordinators', async () => {
      const year = Number(addDays(TODAY, -1).slice(0, 4));
      const list = expectStatus(await board.clients.lc.get(`/api/helpline-contacts?boardId=${board.boardId}&year=${year}`), 200, 'list') as unknown as Json[];
      expect(list.map((c) => c.id).sort()).toEqual([...ids].sort());
      expect((await central.get(`/api/helpline-contacts?boardId=${board.boardId}`)).statusCode).toBe(403);
      expect((await board.clients.cb.get(`/api/helpline-contacts?boardId=${board.boardId}`)).statusCode).toBe(403);
      expect((await other.clients.lc.get(`/api/helpline-contacts?boardId=${board.boardId}`)).statusCode).toBe(403);
    });

    it('deletes a mistaken entry for the board’s coordinator only, and audits it', async () => {
      const extra = expectStatus(await board.clients.lc.post('/api/helpline-contacts', contact(board.boardId, { callerType: 'professional' })), 201, 'extra').id;
      expect((await other.clients.lc.del(`/api/helpline-contacts/${extra}`)).statusCode).toBe(404);
      expect((await board.clients.lc.del(`/api/helpline-contacts/${extra}`)).statusCode).toBe(204);
      expect(await t.database.db.selectFrom('helpline_contact').select('id').where('id', '=', extra).executeTakeFirst()).toBeUndefined();
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', extra).orderBy('at').execute();
      expect(audit.map((a) => a.action)).toEqual(['helpline.create', 'helpline.delete']);
    });
  });

  describe('the library', () => {
    let guide: string;
    let memo: string;
    let contributorUp: Uploader;
    beforeAll(async () => {
      contributorUp = await uploader(t, board.emails.cb);
      guide = expectStatus(
        await centralUp.upload('/api/library', tinyPdf('Symboler och koder inom valdsbejakande extremism'), 'symboler.pdf', 'application/pdf', { title: 'Vägledning om symboler och koder', category: 'guide', audience: 'staff' }),
        201,
        'guide',
      ).id;
      const docx = storedZip([
        { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
        { name: 'word/document.xml', data: '<w:document><w:body><w:p><w:r><w:t>Sekretessbrytande bestämmelser vid informationsutbyte</w:t></w:r></w:p></w:body></w:document>' },
      ]);
      memo = expectStatus(
        await centralUp.upload('/api/library', docx, 'pm.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', { title: 'Juridisk PM', category: 'legal_memo', audience: 'coordinators', description: 'Om samverkan med polisen' }),
        201,
        'memo',
      ).id;
    });
    const search = async (c: Client, q: string) => (expectStatus(await c.get(`/api/library?q=${encodeURIComponent(q)}`), 200, `search ${q}`) as unknown as Json[]).map((d) => d.id);

    it('finds "symboler" when searching "symbolerna" (Swedish stemming over the document’s own text and title)', async () => {
      expect(await search(board.clients.cb, 'symbolerna')).toContain(guide);
      expect(await search(board.clients.cb, 'kodernas')).toContain(guide);
      expect(await search(board.clients.cb, 'extremismen')).toContain(guide);
      expect(await search(board.clients.cb, 'budget')).not.toContain(guide);
    });

    it('searches a Word document’s text and the description', async () => {
      expect(await search(board.clients.lc, 'bestämmelserna')).toContain(memo);
      expect(await search(board.clients.lc, 'polisens samverkan')).toContain(memo);
    });

    it('hides the coordinators’ documents from other staff: not listed, not found, not downloadable', async () => {
      const detail = expectStatus(await central.get(`/api/library/${memo}`), 200, 'memo');
      expect((await board.clients.cb.get('/api/library')).json().map((d: Json) => d.id)).not.toContain(memo);
      expect(await search(board.clients.cb, 'bestämmelserna')).not.toContain(memo);
      expect((await board.clients.cb.get(`/api/library/${memo}`)).statusCode).toBe(404);
      expect((await contributorUp.get(`/api/attachments/${detail.latest.file.id}`)).statusCode).toBe(404);
      expect((await board.clients.lc.get(`/api/library/${memo}`)).statusCode).toBe(200);
    });

    it('keeps old versions when a new one is added, each downloadable', async () => {
      const v2 = expectStatus(await centralUp.upload(`/api/library/${guide}/versions`, tinyPdf('Reviderad utgava om hatsymboler'), 'v2.pdf', 'application/pdf', { note: 'Reviderad' }), 201, 'v2');
      expect(v2.versions.map((v: Json) => v.number)).toEqual([2, 1]);
      expect(v2.latest.number).toBe(2);
      const up = await uploader(t, board.emails.cb);
      for (const v of v2.versions) {
        const file = await up.get(`/api/attachments/${v.file.id}`);
        expect(file.statusCode).toBe(200);
        expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      expect(await search(board.clients.cb, 'reviderad')).toContain(guide);
    });

    it('is published by the central coordinator only, with a known category and a real document', async () => {
      const lcUp = await uploader(t, board.emails.lc);
      const before = await rowCount(t, 'library_item');
      expect((await lcUp.upload('/api/library', tinyPdf('x'), 'x.pdf', 'application/pdf', { title: 'X', category: 'guide', audience: 'staff' })).statusCode).toBe(403);
      expect((await centralUp.upload('/api/library', tinyPdf('x'), 'x.pdf', 'application/pdf', { title: 'X', category: 'poster', audience: 'staff' })).statusCode).toBe(400);
      const text = await centralUp.upload('/api/library', new TextEncoder().encode('bara text'), 'x.pdf', 'application/pdf', { title: 'X', category: 'guide', audience: 'staff' });
      expect(text.statusCode).toBe(422);
      expect(await rowCount(t, 'library_item')).toBe(before);
    });
  });

  describe('the directory', () => {
    it('shows staff their board’s coordinator, and no deactivated account', async () => {
      const admin = await t.login('admin@stockholm.example');
      const gone = await boardWithPeople(t, { people: { lc: 'local_coordinator' } });
      const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', gone.emails.lc).executeTakeFirstOrThrow();
      expectStatus(await admin.patch(`/api/users/${user.id}`, { active: false }), 200, 'deactivate');
      const dir = expectStatus(await board.clients.cb.get('/api/directory'), 200, 'directory') as unknown as Json[];
      expect(dir.find((b) => b.id === board.boardId)!.coordinators).toEqual([{ name: 'Prov lc', email: board.emails.lc, role: 'local_coordinator' }]);
      expect(dir.find((b) => b.id === gone.boardId)!.coordinators).toEqual([]);
      expect(dir.find((b) => b.id === null)!.coordinators.map((c: Json) => c.email)).toContain('central@stockholm.example');
    });
  });

  describe('plans across boards', () => {
    it('lets another board’s staff read the approved plan as a PDF, and never the draft or the returned one', async () => {
      const reader = await boardWithPeople(t, { people: { cb: 'contributor' } });
      const list = expectStatus(await reader.clients.cb.get('/api/approved-plans'), 200, 'approved plans') as unknown as Json[];
      const mine = list.find((b) => b.boardId === board.boardId)!;
      expect(mine.plans.map((p: Json) => p.id)).toEqual([approved]);
      const ids = list.flatMap((b) => b.plans.map((p: Json) => p.id));
      expect(ids).not.toContain(draft);
      expect(ids).not.toContain(returned);
      // A board without an approved plan is not listed.
      expect(list.find((b) => b.boardId === other.boardId)).toBeUndefined();
      const pdf = await reader.clients.cb.get(mine.plans[0].url);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await t.anonymous.get('/api/approved-plans')).statusCode).toBe(401);
    });
  });

  describe('the demo data', () => {
    it('gives three district boards a public page, the helpline a year of contacts, and the library documents with a second version', async () => {
      const page = expectStatus(await t.anonymous.get(`/api/public/boards/${await t.boardId('Rinkeby-Kista')}`), 200, 'demo page');
      expect(page.contacts[0].email).toBe('vbe.rinkeby-kista@stockholm.example');
      const demoContacts = await t.database.db.selectFrom('helpline_contact').select('id').where('board_id', '=', await t.boardId('Rinkeby-Kista')).execute();
      expect(demoContacts).toHaveLength(14);
      const staff = await t.login('enhetschef@stockholm.example');
      const titles = (expectStatus(await staff.get('/api/library'), 200, 'demo library') as unknown as Json[]).map((d) => d.title);
      expect(titles).toContain('Vägledning om symboler och koder');
      expect(titles.some((x) => x.startsWith('Juridisk promemoria'))).toBe(false);
      const routine = (expectStatus(await staff.get('/api/library?q=orosanmälan'), 200, 'search') as unknown as Json[])[0];
      expect(routine.latest.number).toBe(2);
      expect((expectStatus(await central.get('/api/news'), 200, 'news') as unknown as Json[]).map((n) => n.title)).toContain('Nyhetsbrev till samordnarna');
    });
  });

  describe('news to coordinators', () => {
    it('is posted by the central coordinator, read by coordinators, not by other staff, and can be removed', async () => {
      const news = expectStatus(await central.post('/api/news', { title: 'Nyhetsbrev kvartal 4', body: 'Nya anvisningar för planerna är publicerade.' }), 201, 'news');
      expect(news.publishedOn).toBe(TODAY);
      const ahead = expectStatus(await central.post('/api/news', { title: 'Kommande', body: 'Visas senare.', publishedOn: addDays(TODAY, 10) }), 201, 'ahead');
      const seen = (expectStatus(await board.clients.lc.get('/api/news'), 200, 'lc news') as unknown as Json[]).map((n) => n.id);
      expect(seen).toContain(news.id);
      expect(seen).not.toContain(ahead.id);
      expect((await board.clients.cb.get('/api/news')).statusCode).toBe(403);
      expect((await board.clients.lc.post('/api/news', { title: 'X', body: 'Y' })).statusCode).toBe(403);
      expect((await central.del(`/api/news/${news.id}`)).statusCode).toBe(204);
      expect((expectStatus(await board.clients.lc.get('/api/news'), 200, 'after') as unknown as Json[]).map((n) => n.id)).not.toContain(news.id);
    });
  });
});
