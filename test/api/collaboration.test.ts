import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../src/domain/calendar.js';
import { tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { draftPlan, expectStatus, rowCount } from '../helpers/factories.js';
import { uploader } from '../helpers/upload.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TODAY = todayInSweden();
const ACTIVITY = { title: 'Föräldraträffar om nätet', measureArea: 'targeted', responsible: 'Fältassistenter', timeline: 'Under året', followUp: 'Antal träffar' };

describe.each(await testDatabaseKinds())('[COLLABORATION] partners, forums, agreements and strategies on %s', (kind) => {
  let t: TestApp;
  let eav: Client; // local coordinator, Enskede-Årsta-Vantör
  let skarholmen: Client; // local coordinator of another board
  let central: Client;
  let politiker: Client; // viewer of Kommunstyrelsen: reads every board
  let enhetschef: Client; // contributor: no part in collaboration
  let eavBoard: string;
  let skhBoard: string;
  let police: string; // EÅV's local police, created below
  let school: string;

  const counts = async () =>
    Promise.all((['partner', 'partner_board', 'forum', 'forum_meeting', 'agreement', 'civil_society_strategy', 'plan_activity', 'audit_log'] as const).map((x) => rowCount(t, x)));
  /** A refused request: the status expected, and not a row written anywhere (the audit log included). */
  async function refused(run: () => Promise<{ statusCode: number; body: string }>, status: number | number[]) {
    const before = await counts();
    const res = await run();
    expect([status].flat(), res.body).toContain(res.statusCode);
    expect(await counts()).toEqual(before);
    return JSON.parse(res.body) as { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
  }
  const partner = async (c: Client, body: Json) => expectStatus(await c.post('/api/partners', body), 201, `partner ${body.name}`);

  beforeAll(async () => {
    t = await startTestApp(kind);
    [eav, skarholmen, central, politiker, enhetschef] = await Promise.all(
      ['eav', 'skarholmen', 'central', 'politiker', 'enhetschef'].map((u) => t.login(`${u}@stockholm.example`)),
    );
    [eavBoard, skhBoard] = await Promise.all(['Enskede-Årsta-Vantör', 'Skärholmen'].map((n) => t.boardId(n)));
    police = (await partner(eav, { name: 'Lokalpolisområde Prov', type: 'police', boardIds: [eavBoard], contacts: [{ role: 'Kommunpolis', mailbox: 'kommunpolis.prov@polisen.example' }] })).id;
    school = (await partner(eav, { name: 'Provskolan', type: 'school', boardIds: [eavBoard] })).id;
  });
  afterAll(() => t.close());

  describe('the partner register', () => {
    it('registers an organisation by type with its boards and a function contact, and writes the audit log', async () => {
      const list = (await eav.get(`/api/partners?boardId=${eavBoard}&type=police`)).json() as Json[];
      const p = list.find((x) => x.id === police)!;
      expect(p).toMatchObject({ name: 'Lokalpolisområde Prov', type: 'police', typeLabel: 'Polisen', boards: [{ id: eavBoard, name: 'Enskede-Årsta-Vantör' }], contacts: [{ role: 'Kommunpolis' }] });
      expect(list.every((x) => x.type === 'police')).toBe(true);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'board_id']).where('entity_id', '=', police).executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'partners.create', board_id: eavBoard });
    });

    it('finds by words of the name', async () => {
      const names = ((await eav.get('/api/partners?q=provsko')).json() as Json[]).map((x) => x.name);
      expect(names).toEqual(['Provskolan']);
    });

    it('refuses an unknown type, a second organisation of the same name and a private person in the contacts, writing nothing', async () => {
      const unknown = await refused(() => eav.post('/api/partners', { name: 'Gänget', type: 'gang', boardIds: [eavBoard] }), [400, 422]);
      expect(unknown.error.fields?.find((f) => f.field === 'type')?.message).toMatch(/typ/i);
      const twice = await refused(() => eav.post('/api/partners', { name: 'provskolan', type: 'school', boardIds: [eavBoard] }), 409);
      expect(twice.error.message).toContain('finns redan');
      const person = await refused(
        () => eav.post('/api/partners', { name: 'Föreningen X', type: 'association', boardIds: [eavBoard], contacts: [{ role: 'Ring Anna på 070-123 45 67', mailbox: 'info@x.example' }] }),
        422,
      );
      expect(person.error.fields?.map((f) => f.field)).toContain('contacts.0.role');
    });

    it('keeps a board’s register its own: another board’s coordinator neither sees nor changes it; the city’s are everyone’s', async () => {
      const theirs = ((await skarholmen.get('/api/partners')).json() as Json[]).map((x) => x.id);
      expect(theirs).not.toContain(police);
      // The city's own partners (no board) are read by every board.
      const city = ((await central.get('/api/partners')).json() as Json[]).filter((x) => x.boards.length === 0);
      expect(city.length).toBeGreaterThan(0);
      expect(theirs).toContain(city[0]!.id);
      await refused(() => skarholmen.request('PATCH', `/api/partners/${police}`, { name: 'Övertaget' }), [403, 404]);
      await refused(() => skarholmen.post('/api/partners', { name: 'Smygpartner', type: 'other', boardIds: [eavBoard] }), 403);
      // A local coordinator cannot make a partner of the whole city.
      const noBoard = await refused(() => eav.post('/api/partners', { name: 'Stadens egen', type: 'business' }), 422);
      expect(noBoard.error.message).toContain('Välj vilken nämnd');
      await refused(() => enhetschef.post('/api/partners', { name: 'Enhetens', type: 'other', boardIds: [eavBoard] }), 403);
      // The central coordinator sees all, the city-board viewer reads all.
      for (const c of [central, politiker]) expect(((await c.get('/api/partners')).json() as Json[]).map((x) => x.id)).toContain(police);
    });
  });

  describe('forums and meetings', () => {
    let forum: string;
    beforeAll(async () => {
      forum = expectStatus(await eav.post('/api/forums', { name: 'Provrådet', boardId: eavBoard, cadence: 'monthly', partnerIds: [police, school] }), 201, 'forum').id;
    });

    it('records meetings held with VBE on the agenda and counts them for the year', async () => {
      for (const [heldOn, vbeOnAgenda] of [[TODAY, true], [TODAY, false], [TODAY, true]] as const) {
        expectStatus(await eav.post(`/api/forums/${forum}/meetings`, { heldOn, vbeOnAgenda, notes: 'Gemensam lägesbild på gruppnivå.' }), 201, 'meeting');
      }
      const f = ((await eav.get(`/api/forums?boardId=${eavBoard}`)).json() as Json[]).find((x) => x.id === forum)!;
      expect(f).toMatchObject({ name: 'Provrådet', cadence: 'monthly', cadenceLabel: expect.any(String), meetingsThisYear: 3, vbeMeetingsThisYear: 2, lastMeetingOn: TODAY });
      expect(f.partners.map((p: Json) => p.id).sort()).toEqual([police, school].sort());
    });

    it('refuses notes with a phone number or an identity number, and a meeting in the future, writing nothing', async () => {
      const phone = await refused(() => eav.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: false, notes: 'Kontakta pappan på 070-123 45 67' }), 422);
      expect(phone.error.fields?.[0]?.field).toBe('notes');
      await refused(() => eav.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: true, notes: 'Gäller 19850312-1234 som nämndes.' }), 422);
      const future = await refused(() => eav.post(`/api/forums/${forum}/meetings`, { heldOn: addDays(TODAY, 2), vbeOnAgenda: true }), 422);
      expect(future.error.message).toContain('framtiden');
      await refused(() => eav.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: 'ja' }), 400);
    });

    it('keeps minutes as attachments that the forum’s readers open and another board does not', async () => {
      const up = await uploader(t, 'eav@stockholm.example');
      const file = (await up.upload('/api/attachments', tinyPdf('Minnesanteckningar'), 'Minnesanteckningar.pdf')).json();
      const meeting = expectStatus(await eav.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: false, attachmentIds: [file.id] }), 201, 'meeting with minutes');
      expect(meeting.attachments).toEqual([expect.objectContaining({ id: file.id, name: 'Minnesanteckningar.pdf' })]);
      const read = async (email: string) => (await (await uploader(t, email)).get(`/api/attachments/${file.id}`)).statusCode;
      expect(await read('central@stockholm.example')).toBe(200);
      expect(await read('politiker@stockholm.example')).toBe(200);
      expect([403, 404]).toContain(await read('skarholmen@stockholm.example'));
    });

    it('another board’s coordinator neither reads the forum nor adds or removes its meetings', async () => {
      expect([403, 404]).toContain((await skarholmen.get(`/api/forums/${forum}`)).statusCode);
      expect(((await skarholmen.get('/api/forums')).json() as Json[]).map((x) => x.id)).not.toContain(forum);
      await refused(() => skarholmen.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: true }), [403, 404]);
      const meeting = ((await eav.get(`/api/forums/${forum}`)).json().meetings as Json[])[0]!;
      await refused(() => skarholmen.request('DELETE', `/api/forums/${forum}/meetings/${meeting.id}`), [403, 404]);
      // A forum may not name another board's partner.
      const foreign = (await partner(skarholmen, { name: 'Skärholmens polis prov', type: 'police', boardIds: [skhBoard] })).id;
      const e = await refused(() => eav.post('/api/forums', { name: 'Blandat råd', boardId: eavBoard, partnerIds: [foreign] }), 422);
      expect(e.error.fields?.[0]).toMatchObject({ field: 'partnerIds.0' });
    });

    it('removes a meeting registered by mistake, and the audit log keeps that it existed', async () => {
      const m = expectStatus(await eav.post(`/api/forums/${forum}/meetings`, { heldOn: TODAY, vbeOnAgenda: false }), 201, 'meeting');
      expect((await eav.request('DELETE', `/api/forums/${forum}/meetings/${m.id}`)).statusCode).toBe(204);
      expect(((await eav.get(`/api/forums/${forum}`)).json().meetings as Json[]).map((x) => x.id)).not.toContain(m.id);
      const actions = (await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', m.id).orderBy('seq').execute()).map((r) => r.action);
      expect(actions).toEqual(['forums.meetings.create', 'forums.meetings.delete']);
    });
  });

  describe('police agreements', () => {
    it('lists those due for review by a day, with overdue ones, and not those that have ended or come later', async () => {
      const make = async (title: string, reviewOn: string, validTo: string | null = null) =>
        expectStatus(await eav.post('/api/agreements', { title, boardId: eavBoard, partnerIds: [police], validFrom: addDays(TODAY, -400), validTo, reviewOn }), 201, title).id as string;
      const soon = await make('Revideras snart', addDays(TODAY, 30));
      const overdue = await make('Försenad revidering', addDays(TODAY, -5));
      const later = await make('Revideras nästa år', addDays(TODAY, 300));
      const ended = await make('Har upphört', addDays(TODAY, -10), addDays(TODAY, -1));
      const due = ((await eav.get(`/api/agreements?dueBefore=${addDays(TODAY, 60)}`)).json() as Json[]).map((a) => a.id);
      expect(due).toEqual(expect.arrayContaining([soon, overdue]));
      expect(due).not.toContain(later);
      expect(due).not.toContain(ended);
      const all = Object.fromEntries(((await eav.get('/api/agreements')).json() as Json[]).map((a) => [a.id, a.reviewState]));
      expect([all[soon], all[overdue], all[later], all[ended]]).toEqual(['due_soon', 'overdue', 'current', 'expired']);
    });

    it('refuses dates out of order and a party from another board, writing nothing', async () => {
      const dates = await refused(() => eav.post('/api/agreements', { title: 'Fel datum', boardId: eavBoard, partnerIds: [police], validFrom: TODAY, validTo: addDays(TODAY, -1), reviewOn: TODAY }), 422);
      expect(dates.error.fields?.map((f) => f.field)).toContain('validTo');
      await refused(() => eav.post('/api/agreements', { title: 'Utan part', boardId: eavBoard, partnerIds: [], validFrom: TODAY, reviewOn: TODAY }), [400, 422]);
      await refused(() => skarholmen.post('/api/agreements', { title: 'Annans', boardId: eavBoard, partnerIds: [police], validFrom: TODAY, reviewOn: TODAY }), 403);
      // The central agreement (no board) is the central coordinator's.
      const central = await refused(() => eav.post('/api/agreements', { title: 'Central', partnerIds: [police], validFrom: TODAY, reviewOn: TODAY }), 422);
      expect(central.error.fields?.[0]?.field).toBe('boardId');
    });
  });

  describe('activities with typed partners and target groups, and the plan check', () => {
    it('stores an activity’s partners from the register and its target groups, and refuses another board’s partner', async () => {
      const plan = await draftPlan(t, { as: eav, boardId: eavBoard, activities: [{ ...ACTIVITY, partnerIds: [school], targetGroups: ['parents_families', 'online'] }] });
      const a = (await eav.get(`/api/plans/${plan.id}`)).json().activities[0];
      expect(a).toMatchObject({ partnerIds: [school], targetGroups: ['parents_families', 'online'] });
      const foreign = ((await skarholmen.get(`/api/partners?boardId=${skhBoard}`)).json() as Json[])[0]!.id;
      const e = await refused(() => eav.post(`/api/plans/${plan.id}/activities`, { ...ACTIVITY, partnerIds: [foreign] }), 422);
      expect(e.error.fields?.[0]?.field).toMatch(/^partnerIds/);
      await refused(() => eav.post(`/api/plans/${plan.id}/activities`, { ...ACTIVITY, targetGroups: ['extremists'] }), 400);
    });

    it('enforces the partner types the instructions require, and flags a board without a civil-society strategy', async () => {
      const year = 2033;
      const instruction = expectStatus(await central.post('/api/plan-instructions', { year, requiredPartnerTypes: ['police', 'school', 'social_services'] }), 201, 'instructions');
      expectStatus(await central.post(`/api/plan-instructions/${instruction.id}/publish`, {}), 200, 'publish');
      const plan = await draftPlan(t, { as: eav, boardId: eavBoard, year, activities: [{ ...ACTIVITY, partnerIds: [police, school] }] });
      const check = async () => Object.fromEntries(((await eav.get(`/api/plans/${plan.id}/check`)).json().items as Json[]).map((i) => [i.key, i]));
      let items = await check();
      expect(items.partner_types).toMatchObject({ ok: false, details: ['Socialtjänst'] });
      // The demo's EÅV has no strategy (its audit reply waits for the city board's guidance).
      expect(items.civil_society_strategy.ok).toBe(false);

      const social = (await partner(eav, { name: 'Socialtjänsten prov', type: 'social_services', boardIds: [eavBoard] })).id;
      const activity = expectStatus(await eav.post(`/api/plans/${plan.id}/activities`, { ...ACTIVITY, title: 'Samverkan kring unga', partnerIds: [social] }), 201, 'activity');
      expectStatus(
        await eav.request('PUT', `/api/civil-society-strategies/${eavBoard}`, { adoptedOn: TODAY, goals: [{ text: 'Dialog med trossamfund och föreningar', activityIds: [activity.id] }] }),
        200,
        'strategy',
      );
      items = await check();
      expect(items.partner_types.ok).toBe(true);
      expect(items.civil_society_strategy.ok).toBe(true);
      // The overview's coverage matrix counts the activities per partner type.
      const overview = (await central.get(`/api/plans/overview?year=${year}`)).json();
      expect(overview.partnerTypeCoverage[eavBoard]).toEqual({ police: 1, school: 1, social_services: 1 });
    });
  });

  describe('the civil-society strategy', () => {
    it('shows each goal with the activities that carry it out; another board may neither read nor change it', async () => {
      const s = (await eav.get(`/api/civil-society-strategies/${eavBoard}`)).json();
      expect(s.goals[0]).toMatchObject({ text: 'Dialog med trossamfund och föreningar', activities: [expect.objectContaining({ title: 'Samverkan kring unga' })] });
      expect([403, 404]).toContain((await skarholmen.get(`/api/civil-society-strategies/${eavBoard}`)).statusCode);
      await refused(() => skarholmen.request('PUT', `/api/civil-society-strategies/${eavBoard}`, { goals: [{ text: 'Övertaget' }] }), [403, 404]);
      expect((await politiker.get(`/api/civil-society-strategies/${eavBoard}`)).statusCode).toBe(200);
    });

    it('refuses a strategy without goals and an activity of another board', async () => {
      await refused(() => eav.request('PUT', `/api/civil-society-strategies/${eavBoard}`, { goals: [] }), [400, 422]);
      const theirs = await t.database.db
        .selectFrom('plan_activity')
        .innerJoin('plan', 'plan.id', 'plan_activity.plan_id')
        .select('plan_activity.id')
        .where('plan.board_id', '=', skhBoard)
        .limit(1)
        .executeTakeFirstOrThrow();
      await refused(() => eav.request('PUT', `/api/civil-society-strategies/${eavBoard}`, { goals: [{ text: 'Lånat', activityIds: [theirs.id] }] }), 422);
    });
  });
});
