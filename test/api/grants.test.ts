import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/domain/calendar.js';
import { grantFigures } from '../../src/modules/grants/figures.js';
import { createMunicipality } from '../../src/modules/orgs/municipalities.service.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';
import * as m0017 from '../../src/db/migrations/2026_12_03_0017_grant_vetting.js';
import { expectStatus, rowCount } from '../helpers/factories.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TODAY = todayInSweden();
const YEAR = Number(TODAY.slice(0, 4));

describe.each(await testDatabaseKinds())('[GRANTS] grant and premises vetting on %s', (kind) => {
  let t: TestApp;
  let eav: Client; // local coordinator, Enskede-Årsta-Vantör
  let skarholmen: Client; // local coordinator of another board
  let central: Client;
  let politiker: Client; // viewer of Kommunstyrelsen: reads every board
  let revisor: Client;
  let enhetschef: Client; // contributor, EÅV
  let eavViewer: Client; // viewer of EÅV only
  let eavBoard: string;
  let skhBoard: string;

  const counts = async () => [await rowCount(t, 'grant_application'), await rowCount(t, 'grant_vetting'), await rowCount(t, 'audit_log')];
  /** Asserts that a refused request changed nothing: no row, no audit entry, the application as it was. */
  async function refused(run: () => Promise<{ statusCode: number; body: string }>, status: number | number[], appId?: string) {
    const before = await counts();
    const appBefore = appId ? (await central.get(`/api/grant-applications/${appId}`)).json() : null;
    const res = await run();
    expect([status].flat(), res.body).toContain(res.statusCode);
    expect(await counts()).toEqual(before);
    if (appId) expect((await central.get(`/api/grant-applications/${appId}`)).json()).toEqual(appBefore);
    return JSON.parse(res.body) as { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
  }
  const apply = async (c: Client, body: Json = {}) =>
    expectStatus(await c.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen Läxhjälpen', kind: 'grant', amount: 25000, purpose: 'Läxhjälp för unga', ...body }), 201, 'application');
  const vetting = (c: Client, id: string, body: Json) => c.request('PUT', `/api/grant-applications/${id}/vetting`, { decidedOn: TODAY, ...body });
  const approved = async () => {
    const a = await apply(eav);
    expectStatus(await vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved' }), 200, 'approval');
    return a.id as string;
  };
  const lastAudit = () => t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'board_id', 'summary']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp(kind);
    [eav, skarholmen, central, politiker, revisor, enhetschef] = await Promise.all(
      ['eav', 'skarholmen', 'central', 'politiker', 'revisor', 'enhetschef'].map((u) => t.login(`${u}@stockholm.example`)),
    );
    [eavBoard, skhBoard] = await Promise.all(['Enskede-Årsta-Vantör', 'Skärholmen'].map((n) => t.boardId(n)));
    const admin = await t.login('admin@stockholm.example');
    expectStatus(
      await admin.post('/api/users', { email: 'namnd@stockholm.example', name: 'Nils Nämnd', password: 'ett-langt-losenord-for-prov', roles: [{ role: 'viewer', boardId: eavBoard }] }),
      201,
      'EÅV viewer',
    );
    eavViewer = await t.login('namnd@stockholm.example', 'ett-langt-losenord-for-prov');
  }, 300_000);
  afterAll(() => t.close());

  describe('criteria', () => {
    it("every municipality starts with Stockholm's four, democracy required", async () => {
      const res = await eav.get('/api/grant-criteria');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().map((c: Json) => [c.key, c.active, c.required])).toEqual([
        ['democracy', true, true],
        ['gender_equality', true, false],
        ['non_discrimination', true, false],
        ['no_violence', true, false],
      ]);
      expect(res.json()[0].label).toBe('Demokrati och mänskliga rättigheter');
    });

    it('the migration gives every existing municipality the four', async () => {
      const h = await createTestDatabase(kind);
      try {
        await m0017.down(h.db);
        const m = await h.db.insertInto('municipality').values({ name: 'Äldre kommun' }).returning('id').executeTakeFirstOrThrow();
        await m0017.up(h.db);
        const rows = await h.db.selectFrom('grant_criterion').select(['key', 'required']).where('municipality_id', '=', m.id).orderBy('position').execute();
        expect(rows).toEqual([
          { key: 'democracy', required: true },
          { key: 'gender_equality', required: false },
          { key: 'non_discrimination', required: false },
          { key: 'no_violence', required: false },
        ]);
      } finally {
        await h.close();
      }
    });

    it('a municipality created later gets them too', async () => {
      const m = await createMunicipality({ db: t.database.db, system: 'test', name: `Provkommun ${kind}` });
      const rows = await t.database.db.selectFrom('grant_criterion').select('key').where('municipality_id', '=', m.id).orderBy('position').execute();
      expect(rows.map((r) => r.key)).toEqual(['democracy', 'gender_equality', 'non_discrimination', 'no_violence']);
    });

    it('the central coordinator sets them (audited); one left out is kept as no longer in use; nobody else may', async () => {
      const before = (await central.get('/api/grant-criteria')).json() as Json[];
      const next = [
        ...before.filter((c) => c.key !== 'no_violence').map(({ key, label, description, required }) => ({ key, label, description, required })),
        { key: 'transparency', label: 'Öppen ekonomi', description: 'Föreningen redovisar hur bidraget används.', required: false },
      ];
      const res = await central.request('PUT', '/api/grant-criteria', { criteria: next });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().map((c: Json) => [c.key, c.active])).toEqual([
        ['democracy', true],
        ['gender_equality', true],
        ['non_discrimination', true],
        ['transparency', true],
        ['no_violence', false],
      ]);
      expect(await lastAudit()).toMatchObject({ action: 'grant_criteria.update', summary: { retired: ['no_violence'] } });
      // An approval may not name a criterion no longer in use.
      const a = await apply(eav);
      const err = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass' }, { key: 'no_violence', result: 'pass' }], decision: 'approved' }), 422, a.id);
      expect(err.error.fields).toEqual([{ field: 'criteria.1.key', message: 'Kriteriet Tar avstånd från våld används inte längre.' }]);
      for (const c of [eav, politiker, revisor]) {
        expect((await c.request('PUT', '/api/grant-criteria', { criteria: next })).statusCode).toBe(403);
      }
      // Back to Stockholm's four for the other tests.
      const restore = before.map(({ key, label, description, required }) => ({ key, label, description, required }));
      expectStatus(await central.request('PUT', '/api/grant-criteria', { criteria: restore }), 200, 'restore');
      const dup = await refused(() => central.request('PUT', '/api/grant-criteria', { criteria: [...restore, restore[0]] }), 422);
      expect(dup.error.code).toBe('duplicate_criterion');
    });
  });

  describe('applications', () => {
    it('the board’s local coordinator registers one (audited); it is received', async () => {
      const res = await eav.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen Ett', kind: 'grant', amount: 25000, purpose: 'Läxhjälp för unga', partnerId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        boardId: eavBoard,
        boardName: 'Enskede-Årsta-Vantör',
        organisation: 'Föreningen Ett',
        partnerId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
        kind: 'grant',
        amount: 25000,
        status: 'received',
        receivedOn: TODAY,
        vetting: [],
        payout: null,
        followUp: null,
        followUpYear: null,
      });
      expect(await lastAudit()).toMatchObject({ action: 'grant_applications.create', entity_id: res.json().id, board_id: eavBoard });
      const premises = await apply(central, { kind: 'premises', amount: null, organisation: 'Idrottsföreningen', purpose: 'Lån av gymnastiksal för träning på kvällar' });
      expect(premises).toMatchObject({ kind: 'premises', amount: null });
    });

    it('refuses a purpose with personal data, an unknown kind, and another board’s coordinator', async () => {
      const pd = await refused(() => eav.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen', kind: 'grant', purpose: 'Kontakta ordföranden på 070-123 45 67' }), 422);
      expect(pd.error.code).toBe('personal_data');
      expect(pd.error.fields?.[0].field).toBe('purpose');
      await refused(() => eav.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen', kind: 'loan', purpose: 'Läxhjälp' }), 400);
      await refused(() => skarholmen.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen', kind: 'grant', purpose: 'Läxhjälp' }), 403);
      await refused(() => enhetschef.post('/api/grant-applications', { boardId: eavBoard, organisation: 'Föreningen', kind: 'grant', purpose: 'Läxhjälp' }), 403);
    });
  });

  describe('vetting and decision', () => {
    it('refuses an approval with a failed criterion, naming it, and changes nothing; a rejection is recorded', async () => {
      const a = await apply(eav);
      const err = await refused(
        () => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'fail', comment: 'Föreningens företrädare har uttryckt stöd för våld' }], decision: 'approved' }),
        422,
        a.id,
      );
      expect(err.error.code).toBe('approval_refused');
      expect(err.error.message).toContain('Demokrati och mänskliga rättigheter är inte uppfyllt');
      expect(err.error.fields).toEqual([{ field: 'criteria.0.result', message: 'Kriteriet Demokrati och mänskliga rättigheter är inte uppfyllt.' }]);

      const res = await vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'fail', comment: 'Föreningens företrädare har uttryckt stöd för våld' }], decision: 'rejected' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', decidedOn: TODAY, decidedByName: 'Erik Lindqvist', followUpYear: null });
      expect(res.json().vetting[0]).toEqual({ key: 'democracy', label: 'Demokrati och mänskliga rättigheter', result: 'fail', comment: 'Föreningens företrädare har uttryckt stöd för våld' });
      expect(await lastAudit()).toMatchObject({ action: 'grant_applications.vet', entity_id: a.id, summary: { decision: 'rejected', results: { democracy: 'fail' } } });
    });

    it('refuses an approval with an unclear criterion or without democracy assessed', async () => {
      const a = await apply(eav);
      const unclear = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass' }, { key: 'no_violence', result: 'unclear' }], decision: 'approved' }), 422, a.id);
      expect(unclear.error.fields).toEqual([{ field: 'criteria.1.result', message: 'Kriteriet Tar avstånd från våld är oklart: utred det innan ansökan beviljas.' }]);
      const missing = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'gender_equality', result: 'pass' }], decision: 'approved' }), 422, a.id);
      expect(missing.error.message).toContain('Demokrati och mänskliga rättigheter måste bedömas som uppfyllt');
    });

    it('approves with democracy passed; the others are listed as not assessed and the follow-up is due next year', async () => {
      const a = await apply(eav);
      const res = await vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass', comment: 'Stadgar och verksamhetsberättelse granskade.' }], decision: 'approved' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'approved', followUpYear: YEAR + 1 });
      expect(res.json().vetting.map((v: Json) => [v.key, v.result])).toEqual([
        ['democracy', 'pass'],
        ['gender_equality', 'not_assessed'],
        ['non_discrimination', 'not_assessed'],
        ['no_violence', 'not_assessed'],
      ]);
      expect((await eav.get(`/api/grant-applications/${a.id}`)).json()).toEqual(res.json());
    });

    it('refuses an unknown criterion key and a comment with personal data, changing nothing', async () => {
      const a = await apply(eav);
      const unknown = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass' }, { key: 'gang', result: 'pass' }], decision: 'approved' }), 422, a.id);
      expect(unknown.error).toMatchObject({ code: 'unknown_criterion', fields: [{ field: 'criteria.1.key' }] });
      const pd = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass', comment: 'Ring ordföranden på 070-123 45 67' }], decision: 'approved' }), 422, a.id);
      expect(pd.error.code).toBe('personal_data');
      expect(pd.error.fields?.[0].field).toBe('criteria.0.comment');
      const future = await refused(() => vetting(eav, a.id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved', decidedOn: `${YEAR + 1}-12-31` }), 422, a.id);
      expect(future.error.fields?.[0].field).toBe('decidedOn');
    });

    it('a decision may be corrected before the payout; the audit entry says what it corrected', async () => {
      const id = await approved();
      const res = await vetting(eav, id, { criteria: [{ key: 'democracy', result: 'pass' }, { key: 'no_violence', result: 'fail' }], decision: 'rejected' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', followUpYear: null });
      expect(res.json().vetting.find((v: Json) => v.key === 'no_violence').result).toBe('fail');
      expect(await lastAudit()).toMatchObject({ action: 'grant_applications.vet', entity_id: id, summary: { decision: 'rejected', corrected: 'approved' } });
    });
  });

  describe('payout and follow-up', () => {
    it('pays out only an approved grant, then follows it up (both audited)', async () => {
      const received = await apply(eav);
      const early = await refused(() => eav.patch(`/api/grant-applications/${received.id}/payout`, { paidOn: TODAY, paidAmount: 25000 }), 422, received.id);
      expect(early.error.code).toBe('not_approved');
      const rejected = await apply(eav);
      expectStatus(await vetting(eav, rejected.id, { criteria: [{ key: 'democracy', result: 'fail' }], decision: 'rejected' }), 200, 'rejection');
      await refused(() => eav.patch(`/api/grant-applications/${rejected.id}/payout`, { paidOn: TODAY, paidAmount: 25000 }), 422, rejected.id);

      const id = await approved();
      const notPaid = await refused(() => eav.patch(`/api/grant-applications/${id}/follow-up`, { followUpOn: TODAY, followUpNote: 'Läxhjälpen hölls varje vecka.' }), 422, id);
      expect(notPaid.error.code).toBe('not_paid');
      const paid = await eav.patch(`/api/grant-applications/${id}/payout`, { paidOn: TODAY, paidAmount: 20000 });
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json().payout).toEqual({ paidOn: TODAY, paidAmount: 20000 });
      expect(await lastAudit()).toMatchObject({ action: 'grant_applications.payout', entity_id: id, summary: { paidAmount: 20000 } });

      const pd = await refused(() => eav.patch(`/api/grant-applications/${id}/follow-up`, { followUpOn: TODAY, followUpNote: 'Kontakt: ordforande@gmail.com' }), 422, id);
      expect(pd.error.code).toBe('personal_data');
      const fu = await eav.patch(`/api/grant-applications/${id}/follow-up`, { followUpOn: TODAY, followUpNote: 'Läxhjälpen hölls varje vecka med ett trettiotal deltagare.' });
      expect(fu.statusCode, fu.body).toBe(200);
      expect(fu.json().followUp).toEqual({ followUpOn: TODAY, followUpNote: 'Läxhjälpen hölls varje vecka med ett trettiotal deltagare.' });
      expect(await lastAudit()).toMatchObject({ action: 'grant_applications.follow_up', entity_id: id });

      // Once paid out, the decision stands.
      const again = await refused(() => vetting(eav, id, { criteria: [{ key: 'democracy', result: 'fail' }], decision: 'rejected' }), 409, id);
      expect(again.error.code).toBe('already_paid');
    });

    it('premises are lent, not paid out, and followed up directly', async () => {
      const p = await apply(eav, { kind: 'premises', amount: null, purpose: 'Lån av samlingslokal för läxhjälp' });
      expectStatus(await vetting(eav, p.id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved' }), 200, 'approval');
      const payout = await refused(() => eav.patch(`/api/grant-applications/${p.id}/payout`, { paidOn: TODAY, paidAmount: 1 }), 422, p.id);
      expect(payout.error.code).toBe('not_a_grant');
      expectStatus(await eav.patch(`/api/grant-applications/${p.id}/follow-up`, { followUpOn: TODAY, followUpNote: 'Lokalen användes som avtalat.' }), 200, 'follow-up');
    });
  });

  describe('scope', () => {
    it('another board’s coordinator neither reads nor writes; viewers and the auditor read only', async () => {
      const id = await approved();
      for (const c of [skarholmen]) {
        expect((await c.get(`/api/grant-applications/${id}`)).statusCode).toBe(404);
        await refused(() => vetting(c, id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved' }), [403, 404], id);
        await refused(() => c.patch(`/api/grant-applications/${id}/payout`, { paidOn: TODAY, paidAmount: 1 }), [403, 404], id);
        expect((await c.get(`/api/grant-applications?boardId=${eavBoard}`)).statusCode).toBe(403);
        expect((await c.get('/api/grant-applications')).json().map((a: Json) => a.id)).not.toContain(id);
      }
      for (const c of [politiker, revisor, eavViewer, central]) {
        expect((await c.get(`/api/grant-applications/${id}`)).statusCode).toBe(200);
        expect((await c.get(`/api/grant-applications?boardId=${eavBoard}`)).json().map((a: Json) => a.id)).toContain(id);
      }
      for (const c of [politiker, revisor, eavViewer]) {
        await refused(() => c.patch(`/api/grant-applications/${id}/payout`, { paidOn: TODAY, paidAmount: 1 }), 403, id);
      }
      expect((await eavViewer.get(`/api/grant-applications?boardId=${skhBoard}`)).statusCode).toBe(403);
      expect((await enhetschef.get(`/api/grant-applications/${id}`)).statusCode).toBe(403);
      // The central coordinator writes on every board.
      expectStatus(await central.patch(`/api/grant-applications/${id}/payout`, { paidOn: TODAY, paidAmount: 100 }), 200, 'central payout');
    });

    it('lists by board and status', async () => {
      const s = await apply(skarholmen, { boardId: skhBoard, organisation: 'Föreningen i Skärholmen' });
      const own = (await skarholmen.get('/api/grant-applications')).json() as Json[];
      expect(own.map((a) => a.id)).toEqual([s.id]);
      const received = (await central.get(`/api/grant-applications?boardId=${eavBoard}&status=received`)).json() as Json[];
      expect(received.length).toBeGreaterThan(0);
      expect(new Set(received.map((a) => [a.boardId, a.status].join()))).toEqual(new Set([`${eavBoard},received`]));
      expect((await central.get('/api/grant-applications?status=paid')).statusCode).toBe(400);
    });
  });

  describe('figures for the reports', () => {
    it('counts applications, approvals, rejections and rejections for a failed criterion per board', async () => {
      const db = t.database.db;
      const municipality = await db.selectFrom('board').select('municipality_id').where('id', '=', eavBoard).executeTakeFirstOrThrow();
      const before = await grantFigures(db, { municipalityId: municipality.municipality_id, boardIds: [skhBoard], year: YEAR });
      const a = await apply(skarholmen, { boardId: skhBoard });
      const b = await apply(skarholmen, { boardId: skhBoard });
      const c = await apply(skarholmen, { boardId: skhBoard });
      await apply(skarholmen, { boardId: skhBoard });
      expectStatus(await vetting(skarholmen, a.id, { criteria: [{ key: 'democracy', result: 'fail' }], decision: 'rejected' }), 200, 'rejected, failed');
      expectStatus(await vetting(skarholmen, b.id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'rejected' }), 200, 'rejected, other reason');
      expectStatus(await vetting(skarholmen, c.id, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved' }), 200, 'approved');
      const after = await grantFigures(db, { municipalityId: municipality.municipality_id, boardIds: [skhBoard], year: YEAR });
      expect(after).toHaveLength(1);
      const diff = (k: 'applications' | 'approved' | 'rejected' | 'refusedForFailedCriterion') => after[0][k] - before[0][k];
      expect([diff('applications'), diff('approved'), diff('rejected'), diff('refusedForFailedCriterion')]).toEqual([4, 1, 2, 1]);
      expect(after[0]).toMatchObject({ boardId: skhBoard, boardName: 'Skärholmen' });
      const all = await grantFigures(db, { municipalityId: municipality.municipality_id, boardIds: 'all', year: YEAR });
      expect(all.length).toBeGreaterThan(10);
      expect(all.find((r) => r.boardId === eavBoard)!.applications).toBeGreaterThan(0);
      expect(all.find((r) => r.boardName === 'Kommunstyrelsen')).toMatchObject({ applications: 0, approved: 0 });
      expect((await grantFigures(db, { municipalityId: municipality.municipality_id, boardIds: [skhBoard], year: YEAR - 1 }))[0]).toMatchObject({ applications: 0, approved: 0, rejected: 0, refusedForFailedCriterion: 0 });
      expect(await grantFigures(db, { municipalityId: municipality.municipality_id, boardIds: [], year: YEAR })).toEqual([]);
    });
  });
});
