import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import eav2018 from '../../src/demo/data/eav-handlingsplan-2018.json' with { type: 'json' };
import { addActivities, getPlanForExport, recordPreviousYearFinalStatus } from '../../src/modules/plans/service.js';
import type { Actor } from '../../src/domain/policy/index.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { draftPlan, expectStatus, planAt, type PlanStatus, rowCount } from '../helpers/factories.js';

type Table = 'plan' | 'plan_activity' | 'plan_transition' | 'plan_version' | 'plan_section' | 'plan_review' | 'audit_log' | 'plan_instruction';
const count = (t: TestApp, table: Table) => rowCount(t, table);
const counts = async (t: TestApp) => {
  const out: Record<string, number> = {};
  for (const table of ['plan', 'plan_activity', 'plan_transition', 'plan_version', 'plan_section', 'plan_review', 'audit_log'] as const) {
    out[table] = await count(t, table);
  }
  return out;
};

const ACTIVITY = { title: 'Demokrativecka på fritidsgården', responsible: 'Enhetschef fritid', timeline: 'Mars 2027', followUp: 'Antal deltagare i tertialrapporten' };

describe.each(await testDatabaseKinds())('[PLANS] action plans on %s', (kind) => {
  let t: TestApp;
  let central: Client, eav: Client, skarholmen: Client, contributor: Client, viewer: Client, auditor: Client, admin: Client;
  let eavBoard: string, skarholmenBoard: string;
  let eav2018Id: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [central, eav, skarholmen, contributor, viewer, auditor, admin] = await Promise.all(
      ['central', 'eav', 'skarholmen', 'enhetschef', 'politiker', 'revisor', 'admin'].map((n) => t.login(`${n}@stockholm.example`)),
    );
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
    skarholmenBoard = await t.boardId('Skärholmen');
    eav2018Id = (await eav.get(`/api/plans?boardId=${eavBoard}&year=2018`)).json()[0].id;
  });
  afterAll(() => t.close());

  async function actor(email: string): Promise<Actor> {
    const u = await t.database.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const roles = await t.database.db.selectFrom('user_role').select(['role', 'board_id']).where('user_id', '=', u.id).execute();
    return { userId: u.id, email: u.email, name: u.name, municipalityId: u.municipality_id, roles: roles.map((r) => ({ role: r.role as Actor['roles'][number]['role'], boardId: r.board_id })) };
  }

  async function expectNothingWritten(run: () => Promise<{ statusCode: number; body: string }>, status: number | RegExp) {
    const before = await counts(t);
    const res = await run();
    if (typeof status === 'number') expect(res.statusCode, res.body).toBe(status);
    else expect(String(res.statusCode), res.body).toMatch(status);
    expect(JSON.parse(res.body).error.message).toMatch(/\S/);
    expect(await counts(t)).toEqual(before);
    return JSON.parse(res.body).error;
  }

  describe('demo data', () => {
    it('holds the EÅV 2018 plan: 13 unclassified activities, approved, with the review and its timeline', async () => {
      const plan = (await eav.get(`/api/plans/${eav2018Id}`)).json();
      expect(plan).toMatchObject({ year: 2018, status: 'approved', decidedOn: '2018-04-19', boardName: 'Enskede-Årsta-Vantör' });
      expect(plan.activities.map((a: { title: string }) => a.title)).toEqual(eav2018.activities.map((a) => a.title));
      expect(plan.activities.every((a: { measureArea: null }) => a.measureArea === null)).toBe(true);
      expect(plan.sections.map((s: { title: string }) => s.title)).toEqual([
        'Inledning',
        'Lokal lägesbild',
        'Förebyggande arbete',
        'Förhindrande arbete',
        'Samverkan',
        'Kompetenshöjande åtgärder',
        'Uppföljning',
        'Bilaga rutin',
      ]);
      expect(plan.timeline.map((m: { to: string }) => m.to)).toEqual(['board_decided', 'submitted', 'in_review', 'approved']);
      expect(plan.timeline[0].at.slice(0, 10)).toBe('2018-04-19');
      const approval = plan.timeline.at(-1);
      expect(approval.actorName).toBe('Cecilia Central');
      expect(approval.review.items.find((i: { criterionId: string }) => i.criterionId === 'insatsomraden').result).toBe('fail');
      expect(approval.review.comment).toContain('saknar insatsområde');
      expect(plan.allowedTransitions).toEqual([]);
      expect(plan.canEdit).toBe(false);
    });

    it('fails the check of the EÅV plan on classification, the very thing the 2019 audit criticised', async () => {
      const res = await eav.get(`/api/plans/${eav2018Id}/check`);
      expect(res.statusCode).toBe(200);
      const check = res.json();
      const item = (key: string) => check.items.find((i: { key: string }) => i.key === key);
      expect(item('activities_classified')).toMatchObject({ ok: false, message: '13 av 13 insatser saknar insatsområde' });
      expect(item('measure_areas_covered').ok).toBe(false);
      expect(item('effect_indicator').ok).toBe(false);
      expect(item('situation_picture_current')).toMatchObject({ ok: true });
      expect(item('required_sections').ok).toBe(true);
      expect(check.score).toBeLessThan(100);
    });

    it('has 2026 plans in every state, and a complete one scoring 100', async () => {
      const plans = (await central.get('/api/plans?year=2026')).json();
      expect(new Set(plans.map((p: { status: string }) => p.status))).toEqual(new Set(['draft', 'board_decided', 'submitted', 'in_review', 'returned', 'approved']));
      const rinkeby = plans.find((p: { boardName: string }) => p.boardName === 'Rinkeby-Kista');
      expect((await central.get(`/api/plans/${rinkeby.id}/check`)).json().score).toBe(100);
    });

    it('publishes the governing documents as data with every element of the 2016 guidelines and 2015 strategy', async () => {
      const docs = (await contributor.get('/api/guidelines')).json();
      const kinds = docs.flatMap((d: { elements: { kind: string }[] }) => d.elements.map((e) => e.kind));
      const n = (k: string) => kinds.filter((x: string) => x === k).length;
      expect([n('measure_area'), n('direction'), n('requirement'), n('guideline'), n('perspective'), n('risk')]).toEqual([3, 4, 6, 5, 4, 5]);
    });
  });

  describe('reading is scoped to boards', () => {
    it('lets each role list only the plans it may read; admins see no plan content', async () => {
      const boards = async (c: Client) => new Set((await c.get('/api/plans')).json().map((p: { boardName: string }) => p.boardName));
      expect(await boards(skarholmen)).toEqual(new Set(['Skärholmen']));
      expect(await boards(contributor)).toEqual(new Set(['Enskede-Årsta-Vantör']));
      expect((await boards(viewer)).size).toBeGreaterThan(5); // the city board's viewer reads the whole city
      expect((await boards(auditor)).size).toBeGreaterThan(5);
      expect((await admin.get('/api/plans')).statusCode).toBe(403);
      expect((await admin.get(`/api/plans/${eav2018Id}`)).statusCode).toBe(403);
    });

    it('answers 404 for another board’s plan and for an unknown id', async () => {
      expect((await skarholmen.get(`/api/plans/${eav2018Id}`)).statusCode).toBe(404);
      expect((await skarholmen.get(`/api/plans/${eav2018Id}/check`)).statusCode).toBe(404);
      expect((await eav.get('/api/plans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await eav.get('/api/plans/inte-ett-id')).statusCode).toBe(400);
    });
  });

  describe('creating a plan and its activities', () => {
    /** A new draft plan of EÅV (in a year no other test uses) with `activities` in order. */
    const eavDraft = (activities: object[] = []) => draftPlan(t, { as: eav, boardId: eavBoard, activities });
    /** A general activity and a minimal one, as the coordinator first adds them. */
    const TWO = [
      { ...ACTIVITY, measureArea: 'general' },
      { title: 'Andra insatsen', responsible: 'x', timeline: '2027', followUp: 'y' },
    ];

    it('lets the board’s local coordinator create a draft: 201 with the instructions’ sections', async () => {
      const res = await eav.post('/api/plans', { boardId: eavBoard, year: 2027 });
      expect(res.statusCode, res.body).toBe(201);
      const plan = res.json();
      expect(plan).toMatchObject({ boardId: eavBoard, year: 2027, status: 'draft', activities: [], allowedTransitions: ['board_decided'], canEdit: true });
      // No published instructions for 2027 (only a draft): the latest published ones apply.
      expect(plan.instructions).toMatchObject({ year: 2026, fallback: true });
      expect(plan.sections).toHaveLength(8);
      const planId = plan.id;
      const entry = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ action: 'plans.create', entity_id: planId, board_id: eavBoard, actor_email: 'eav@stockholm.example' });
    });

    it('refuses a second plan for the same board and year with 409, writing nothing', async () => {
      const { year } = await eavDraft();
      const err = await expectNothingWritten(() => central.post('/api/plans', { boardId: eavBoard, year }), 409);
      expect(err.code).toBe('duplicate');
    });

    it('refuses another board’s coordinator, contributors, viewers and admins', async () => {
      await expectNothingWritten(() => skarholmen.post('/api/plans', { boardId: eavBoard, year: 2030 }), 403);
      await expectNothingWritten(() => contributor.post('/api/plans', { boardId: eavBoard, year: 2030 }), 403);
      await expectNothingWritten(() => viewer.post('/api/plans', { boardId: eavBoard, year: 2030 }), 403);
      await expectNothingWritten(() => admin.post('/api/plans', { boardId: eavBoard, year: 2030 }), 403);
    });

    it('validates the request with Swedish messages', async () => {
      const err = await expectNothingWritten(() => eav.post('/api/plans', { boardId: 'x', year: 1800, extra: 1 }), 400);
      const fields = err.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['boardId', 'year']));
      expect(JSON.stringify(err.fields)).toContain('extra');
      const unknown = await expectNothingWritten(() => central.post('/api/plans', { boardId: '00000000-0000-4000-8000-000000000000', year: 2030 }), 422);
      expect(unknown.fields).toEqual([{ field: 'boardId', message: 'Välj en nämnd som finns.' }]);
    });

    it('adds activities with the API.md shape and the classification fields', async () => {
      const { id: planId } = await eavDraft();
      const docs = (await eav.get('/api/guidelines')).json();
      const direction = docs[0].elements.find((e: { kind: string }) => e.kind === 'direction');
      const unit = (await eav.get(`/api/boards/${eavBoard}/units`)).json()[0];
      const res = await eav.post(`/api/plans/${planId}/activities`, {
        ...ACTIVITY,
        description: 'Samtal om demokrati och källkritik',
        measureArea: 'general',
        partners: 'Skolan',
        perspective: 'Främjande',
        guidelineElementIds: [direction.id],
        responsibleUnitId: unit.id,
        startDate: '2027-03-01',
        endDate: '2027-03-31',
        indicators: [{ kind: 'effect', name: 'Andel som anger ökad kunskap', baseline: '40 %', target: '70 %' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ ...ACTIVITY, measureArea: 'general', guidelineElementIds: [direction.id], position: 1 });
      const minimal = await eav.post(`/api/plans/${planId}/activities`, { title: 'Andra insatsen', responsible: 'x', timeline: '2027', followUp: 'y' });
      expect(minimal.statusCode).toBe(201);
      expect(minimal.json()).toMatchObject({ measureArea: null, partners: null, indicators: [], position: 2 });
    });

    it('refuses another board’s coordinator (404) and a contributor (403) adding activities', async () => {
      const { id: planId } = await eavDraft();
      await expectNothingWritten(() => skarholmen.post(`/api/plans/${planId}/activities`, ACTIVITY), /^(403|404)$/);
      await expectNothingWritten(() => contributor.post(`/api/plans/${planId}/activities`, ACTIVITY), 403);
    });

    it('names each missing or invalid field of an activity', async () => {
      const { id: planId } = await eavDraft();
      const err = await expectNothingWritten(() => eav.post(`/api/plans/${planId}/activities`, { title: ' ', measureArea: 'all', indicators: [{ kind: 'x' }] }), 400);
      const byField = Object.fromEntries(err.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      expect(byField).toMatchObject({
        title: 'Ange insatsen.',
        responsible: 'Ange vem som är ansvarig.',
        timeline: 'Ange tidsplan.',
        followUp: 'Ange hur insatsen följs upp.',
        measureArea: 'Välj ett av de tre insatsområdena.',
      });
      const refs = await expectNothingWritten(
        () =>
          eav.post(`/api/plans/${planId}/activities`, {
            ...ACTIVITY,
            guidelineElementIds: ['00000000-0000-4000-8000-000000000000'],
            startDate: '2027-05-01',
            endDate: '2027-04-01',
          }),
        422,
      );
      expect(refs.fields.map((f: { field: string }) => f.field).sort()).toEqual(['endDate', 'guidelineElementIds']);
    });

    it('edits, reorders and removes activities, keeping removed ones in the history', async () => {
      const { id: planId } = await eavDraft(TWO);
      const plan = (await eav.get(`/api/plans/${planId}`)).json();
      const [first, second] = plan.activities;
      const patched = await eav.patch(`/api/plans/${planId}/activities/${second.id}`, { measureArea: 'individual', partners: 'Polisen' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ measureArea: 'individual', partners: 'Polisen', title: 'Andra insatsen' });
      const order = await eav.request('PUT', `/api/plans/${planId}/activity-order`, { activityIds: [second.id, first.id] });
      expect(order.statusCode, order.body).toBe(200);
      expect(order.json().map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
      await expectNothingWritten(() => eav.request('PUT', `/api/plans/${planId}/activity-order`, { activityIds: [second.id] }), 422);
      const extra = (await eav.post(`/api/plans/${planId}/activities`, { ...ACTIVITY, title: 'Tas bort' })).json();
      expect((await eav.del(`/api/plans/${planId}/activities/${extra.id}`)).statusCode).toBe(204);
      const after = (await eav.get(`/api/plans/${planId}`)).json();
      expect(after.activities.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
      expect(after.removedActivities.map((a: { title: string }) => a.title)).toEqual(['Tas bort']);
      expect(await t.database.db.selectFrom('plan_activity').select('deleted_at').where('id', '=', extra.id).executeTakeFirstOrThrow()).toMatchObject({
        deleted_at: expect.anything(),
      });
      expect((await eav.del(`/api/plans/${planId}/activities/${extra.id}`)).statusCode).toBe(404);
    });

    it('restores a removed activity last in the order, once, and logs it', async () => {
      const { id: planId } = await eavDraft(TWO);
      const extra = (await eav.post(`/api/plans/${planId}/activities`, { ...ACTIVITY, title: 'Ångras' })).json();
      expect((await eav.del(`/api/plans/${planId}/activities/${extra.id}`)).statusCode).toBe(204);
      const live = (await eav.get(`/api/plans/${planId}`)).json().activities.map((a: { id: string }) => a.id);
      const restored = await eav.post(`/api/plans/${planId}/activities/${extra.id}/restore`, {});
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json()).toMatchObject({ id: extra.id, title: 'Ångras' });
      const after = (await eav.get(`/api/plans/${planId}`)).json();
      expect(after.activities.map((a: { id: string }) => a.id)).toEqual([...live, extra.id]);
      expect(after.removedActivities.map((a: { title: string }) => a.title)).not.toContain('Ångras');
      // A live activity cannot be "restored", and another board's coordinator cannot restore.
      await expectNothingWritten(() => eav.post(`/api/plans/${planId}/activities/${extra.id}/restore`, {}), 404);
      expect((await eav.del(`/api/plans/${planId}/activities/${extra.id}`)).statusCode).toBe(204);
      await expectNothingWritten(() => skarholmen.post(`/api/plans/${planId}/activities/${extra.id}/restore`, {}), /^(403|404)$/);
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'plans.activities.restore')
        .where('entity_id', '=', extra.id)
        .execute();
      expect(entry).toHaveLength(1);
    });

    it('stores section text reduced to the safe subset', async () => {
      const { id: planId } = await eavDraft();
      const res = await eav.request('PUT', `/api/plans/${planId}/sections/inledning`, {
        bodyHtml:
          '<p onclick="x()">Hej <b>fet</b> <script>alert(1)</script><a href="javascript:alert(1)">x</a> <a href="https://stockholm.se" target="_blank">länk</a></p><h1>Rubrik</h1><img src=x onerror=alert(1)><ul><li>punkt</li></ul>',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().bodyHtml).toBe('<p>Hej <strong>fet</strong> x <a href="https://stockholm.se">länk</a></p><h3>Rubrik</h3><ul><li>punkt</li></ul>');
      const plain = await eav.request('PUT', `/api/plans/${planId}/sections/lagesbild`, { bodyHtml: 'Första stycket.\n\nAndra <stycket>.', datedOn: '2027-01-10' });
      expect(plain.json()).toMatchObject({ bodyHtml: '<p>Första stycket.</p><p>Andra &lt;stycket&gt;.</p>', datedOn: '2027-01-10' });
      expect((await eav.request('PUT', `/api/plans/${planId}/sections/okand`, { bodyHtml: 'x' })).statusCode).toBe(404);
      const err = await expectNothingWritten(
        () => eav.request('PUT', `/api/plans/${planId}/sections/lagesbild`, { bodyHtml: '<p>Klotter vid Storgatan 12, ring 070-123 45 67.</p>' }),
        422,
      );
      expect(err.code).toBe('personal_data');
      expect(err.fields[0].field).toBe('bodyHtml');
    });

    it('explains a measure-area gap, which the check accepts', async () => {
      const { id: planId } = await eavDraft([TWO[0], { ...ACTIVITY, title: 'Andra insatsen', measureArea: 'individual' }]);
      const before = (await eav.get(`/api/plans/${planId}/check`)).json();
      expect(before.items.find((i: { key: string }) => i.key === 'measure_areas_covered').ok).toBe(false);
      const res = await eav.patch(`/api/plans/${planId}`, { measureAreaGaps: { targeted: 'Inga kända grupperingar i området enligt polisens lägesbild.' } });
      expect(res.statusCode, res.body).toBe(200);
      const after = (await eav.get(`/api/plans/${planId}/check`)).json();
      expect(after.items.find((i: { key: string }) => i.key === 'measure_areas_covered').ok).toBe(true);
    });
  });

  describe('workflow', () => {
    /** Skärholmen's new plan with one general activity, brought to `status` (decided on 20 April, § 12). */
    const skhPlan = async (status: PlanStatus) =>
      (
        await planAt(t, {
          as: skarholmen,
          central,
          boardId: skarholmenBoard,
          status,
          activities: [{ ...ACTIVITY, measureArea: 'general' }],
          decided: { decidedOn: '2026-04-20', paragraph: '§ 12', comment: 'Beslutad i nämnden' },
        })
      ).id;
    const mover = (planId: string) => (c: Client, body: object) => c.post(`/api/plans/${planId}/transitions`, body);
    /** In review, with the checklist filled: one criterion failed, one partly met, and a comment. */
    async function reviewedPlan() {
      const planId = await skhPlan('in_review');
      const criteria = (await central.get(`/api/plans/${planId}`)).json().instructions.reviewCriteria;
      const items = [
        { criterionId: criteria[0].id, result: 'pass' },
        { criterionId: criteria[1].id, result: 'fail', comment: 'Klassificera insatserna.' },
        { criterionId: criteria[2].id, result: 'partly', comment: null },
      ];
      expectStatus(await central.request('PUT', `/api/plans/${planId}/review`, { items, comment: 'Två saker att rätta.' }), 200, 'save review');
      return planId;
    }
    /** Returned with the review, and opened again as a draft by the board adding an activity. */
    async function reopenedPlan() {
      const planId = await reviewedPlan();
      expectStatus(await mover(planId)(central, { to: 'returned' }), 200, 'return');
      expectStatus(await skarholmen.post(`/api/plans/${planId}/activities`, { ...ACTIVITY, title: 'Ny insats efter återremiss', measureArea: 'targeted' }), 201, 'revise');
      return planId;
    }

    it('refuses the local coordinator approving the own plan (409) and wrong-state moves (409)', async () => {
      const planId = await skhPlan('draft');
      const move = mover(planId);
      const err = await expectNothingWritten(() => move(skarholmen, { to: 'approved' }), 409);
      expect(err.code).toBe('invalid_transition');
      expect((await expectNothingWritten(() => move(skarholmen, { to: 'submitted' }), 409)).message).toContain('beslutas i nämnd');
      await expectNothingWritten(() => move(central, { to: 'in_review' }), 409);
      await expectNothingWritten(() => move(eav, { to: 'board_decided', decidedOn: '2026-04-20', paragraph: '§ 12' }), 404);
      await expectNothingWritten(() => move(contributor, { to: 'board_decided' }), 403);
    });

    it('requires the decision date and paragraph (422 naming them)', async () => {
      const planId = await skhPlan('draft');
      const move = mover(planId);
      const err = await expectNothingWritten(() => move(skarholmen, { to: 'board_decided' }), 422);
      expect(err.fields.map((f: { field: string }) => f.field)).toEqual(['decidedOn', 'paragraph']);
      await expectNothingWritten(() => move(skarholmen, { to: 'board_decided', decidedOn: '2099-01-01', paragraph: '§ 3' }), 422);
    });

    it('goes draft → board_decided → submitted → in_review, with versions and a timeline', async () => {
      const planId = await skhPlan('draft');
      const move = mover(planId);
      const decided = await move(skarholmen, { to: 'board_decided', decidedOn: '2026-04-20', paragraph: '§ 12', comment: 'Beslutad i nämnden' });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'board_decided', decidedOn: '2026-04-20', paragraph: '§ 12', canEdit: false });
      expect(decided.json().allowedTransitions.sort()).toEqual(['draft', 'submitted']);
      await expectNothingWritten(() => skarholmen.post(`/api/plans/${planId}/activities`, ACTIVITY), 409);
      expect((await move(skarholmen, { to: 'submitted' })).statusCode).toBe(200);
      const review = await move(central, { to: 'in_review' });
      expect(review.statusCode).toBe(200);
      const plan = review.json();
      expect(plan.timeline.map((m: { from: string; to: string; actorName: string }) => `${m.from}>${m.to} ${m.actorName}`)).toEqual([
        'draft>board_decided Samira Haddad',
        'board_decided>submitted Samira Haddad',
        'submitted>in_review Cecilia Central',
      ]);
      expect(plan.timeline[0].comment).toBe('Beslutad i nämnden');
      expect(plan.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
      expect(plan.canReview).toBe(true);
      expect((await skarholmen.get(`/api/plans/${planId}`)).json().canReview).toBe(false);
    });

    it('saves the review checklist (central coordinator only, in review only)', async () => {
      const planId = await skhPlan('in_review');
      const move = mover(planId);
      const criteria = (await central.get(`/api/plans/${planId}`)).json().instructions.reviewCriteria;
      await expectNothingWritten(() => skarholmen.request('PUT', `/api/plans/${planId}/review`, { items: [] }), 403);
      await expectNothingWritten(() => central.request('PUT', `/api/plans/${planId}/review`, { items: [{ criterionId: 'okand', result: 'pass' }] }), 422);
      const res = await central.request('PUT', `/api/plans/${planId}/review`, {
        items: [
          { criterionId: criteria[0].id, result: 'pass' },
          { criterionId: criteria[1].id, result: 'fail', comment: 'Klassificera insatserna.' },
          { criterionId: criteria[2].id, result: 'partly', comment: null },
        ],
        comment: 'Två saker att rätta.',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(criteria.length);
      expect(res.json().items[1]).toMatchObject({ result: 'fail', comment: 'Klassificera insatserna.', text: criteria[1].text });
      expect((await central.get(`/api/plans/${planId}`)).json().review.comment).toBe('Två saker att rätta.');
      expect((await skarholmen.get(`/api/plans/${planId}`)).json().review).toBeNull();
    });

    it('returns the plan with the filled review; the board sees it on the timeline', async () => {
      const planId = await reviewedPlan();
      const move = mover(planId);
      await expectNothingWritten(() => move(skarholmen, { to: 'returned', comment: 'x' }), 409);
      const res = await move(central, { to: 'returned' });
      expect(res.statusCode, res.body).toBe(200);
      const plan = (await skarholmen.get(`/api/plans/${planId}`)).json();
      expect(plan.status).toBe('returned');
      expect(plan.timeline.at(-1).review).toMatchObject({ final: true, comment: 'Två saker att rätta.', reviewerName: 'Cecilia Central' });
      expect(plan.allowedTransitions).toEqual(['draft']);
      expect(plan.canEdit).toBe(true);
    });

    it('reopens a returned plan as a draft when the board starts revising it', async () => {
      const planId = await reviewedPlan();
      expectStatus(await mover(planId)(central, { to: 'returned' }), 200, 'return');
      const res = await skarholmen.post(`/api/plans/${planId}/activities`, { ...ACTIVITY, title: 'Ny insats efter återremiss', measureArea: 'targeted' });
      expect(res.statusCode).toBe(201);
      const plan = (await skarholmen.get(`/api/plans/${planId}`)).json();
      expect(plan.status).toBe('draft');
      expect(plan.timeline.at(-1)).toMatchObject({ from: 'returned', to: 'draft', comment: 'Öppnad som utkast automatiskt när revideringen påbörjades.' });
    });

    it('goes through again to approval; a return needs a comment or a review', async () => {
      const planId = await reopenedPlan();
      const move = mover(planId);
      await move(skarholmen, { to: 'board_decided', decidedOn: '2026-05-20', paragraph: '§ 15' });
      await move(skarholmen, { to: 'submitted' });
      await move(central, { to: 'in_review' });
      const err = await expectNothingWritten(() => move(central, { to: 'returned' }), 422);
      expect(err.fields[0].field).toBe('comment');
      const res = await move(central, { to: 'approved', comment: 'Godkänd.' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'approved', allowedTransitions: [], canEdit: false });
      await expectNothingWritten(() => skarholmen.patch(`/api/plans/${planId}`, { measureAreaGaps: {} }), 409);
    });

    it('compares any two versions: what was added between the first decision and the approval', async () => {
      // Decided, returned with the review, revised, decided again and approved.
      const planId = await reopenedPlan();
      const move = mover(planId);
      expectStatus(await move(skarholmen, { to: 'board_decided', decidedOn: '2026-05-20', paragraph: '§ 15' }), 200, 'decide');
      expectStatus(await move(skarholmen, { to: 'submitted' }), 200, 'submit');
      expectStatus(await move(central, { to: 'in_review' }), 200, 'review');
      expectStatus(await move(central, { to: 'approved', comment: 'Godkänd.' }), 200, 'approve');
      const plan = (await central.get(`/api/plans/${planId}`)).json();
      const last = plan.versions.at(-1).number;
      const res = await central.get(`/api/plans/compare?from=${planId}:1&to=${planId}:${last}`);
      expect(res.statusCode, res.body).toBe(200);
      const diff = res.json();
      expect(diff.added.map((a: { title: string }) => a.title)).toEqual(['Ny insats efter återremiss']);
      expect(diff.removed).toEqual([]);
      expect(diff.from).toMatchObject({ version: 1, status: 'board_decided' });
      expect(diff.to).toMatchObject({ version: last, status: 'approved' });
      expect((await central.get(`/api/plans/${planId}/versions/1`)).json().snapshot.activities).toHaveLength(1);
      expect((await central.get(`/api/plans/${planId}/versions/999`)).statusCode).toBe(404);
      expect((await eav.get(`/api/plans/compare?from=${planId}:1&to=${planId}`)).statusCode).toBe(404);
    });
  });

  describe('annual revision', () => {
    it('starts next year’s plan as a copy; carried-over activities need last year’s final status', async () => {
      const res = await eav.post(`/api/plans/${eav2018Id}/next-year`, {});
      expect(res.statusCode, res.body).toBe(201);
      const copy = res.json();
      expect(copy).toMatchObject({ year: 2019, status: 'draft', previousPlanId: eav2018Id });
      expect(copy.activities).toHaveLength(13);
      expect(copy.activities.every((a: { carriedOverFromActivityId: string | null }) => a.carriedOverFromActivityId)).toBe(true);
      expect(copy.sections.find((s: { key: string }) => s.key === 'lagesbild').bodyHtml).toContain('32 verksamheter');
      expect((await eav.get(`/api/plans/${eav2018Id}`)).json().nextYearPlanId).toBe(copy.id);
      await expectNothingWritten(() => eav.post(`/api/plans/${eav2018Id}/next-year`, {}), 409);

      const check = async () => (await eav.get(`/api/plans/${copy.id}/check`)).json().items.find((i: { key: string }) => i.key === 'previous_year_status');
      expect(await check()).toMatchObject({ ok: false, message: '13 av 13 överförda insatser saknar föregående års slutstatus' });
      const first = copy.activities[0];
      const set = await eav.patch(`/api/plans/${copy.id}/activities/${first.id}`, { previousYearFinalStatus: 'done' });
      expect(set.json().previousYearFinalStatus).toBe('done');
      // The follow-up capability records the others through the service, in its own transaction.
      const system = { system: 'test', municipalityId: (await actor('central@stockholm.example')).municipalityId, name: 'Uppföljning', roles: [] };
      await t.database.db.transaction().execute(async (trx) => {
        for (const a of copy.activities.slice(1)) {
          await recordPreviousYearFinalStatus({ trx, actor: system, sourceActivityId: a.carriedOverFromActivityId, status: 'ongoing' });
        }
      });
      expect(await check()).toMatchObject({ ok: true });

      const diff = (await eav.get(`/api/plans/compare?from=${eav2018Id}&to=${copy.id}`)).json();
      expect(diff.added).toEqual([]);
      expect(diff.removed).toEqual([]);
      expect(diff.unchanged).toHaveLength(13);
    });
  });

  describe('overview for the central coordinator', () => {
    it('shows every board × the year’s plan with status, score, deadline and coverage', async () => {
      const res = await central.get('/api/plans/overview?year=2026');
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json();
      expect(o.boards).toHaveLength(20);
      expect(o.deadline).toBe('2026-04-30');
      const row = (name: string) => o.boards.find((b: { boardName: string }) => b.boardName === name);
      expect(row('Rinkeby-Kista').plan).toMatchObject({ status: 'approved', score: 100 });
      expect(row('Bromma').plan).toBeNull();
      expect(row('Norrmalm').plan.score).toBeLessThan(100);
      const general = o.elements.find((e: { kind: string; label: string }) => e.kind === 'measure_area' && e.label.startsWith('Allmänna'));
      expect(o.coverage[row('Rinkeby-Kista').boardId][general.id]).toBe(2);
      expect(o.elements.length).toBe(27);
    });

    it('narrows the overview to the boards a local coordinator reads', async () => {
      const o = (await skarholmen.get('/api/plans/overview?year=2026')).json();
      expect(o.boards.map((b: { boardName: string }) => b.boardName)).toEqual(['Skärholmen']);
      expect((await admin.get('/api/plans/overview')).statusCode).toBe(403);
    });
  });

  describe('plan instructions and governing documents', () => {
    it('lets the central coordinator draft, edit and publish a year’s instructions; others see published ones only', async () => {
      const created = await central.post('/api/plan-instructions', { year: 2031, deadline: '2031-04-30' });
      expect(created.statusCode, created.body).toBe(201);
      const i = created.json();
      expect(i).toMatchObject({ year: 2031, status: 'draft', deadline: '2031-04-30' });
      expect(i.sections.map((s: { key: string }) => s.key)).toContain('lagesbild');
      expect((await eav.get('/api/plan-instructions')).json().some((x: { year: number }) => x.year === 2031)).toBe(false);
      expect((await eav.get(`/api/plan-instructions/${i.id}`)).statusCode).toBe(404);
      const edited = await central.patch(`/api/plan-instructions/${i.id}`, {
        requiredActivityFields: ['title', 'measureArea', 'indicators'],
        reviewCriteria: [{ text: 'Planen har en lägesbild.' }, { id: 'egen', text: 'Eget kriterium.' }, { text: 'Tredje.' }],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().reviewCriteria).toEqual([
        { id: 'k1', text: 'Planen har en lägesbild.' },
        { id: 'egen', text: 'Eget kriterium.' },
        { id: 'k2', text: 'Tredje.' },
      ]);
      expect((await central.post(`/api/plan-instructions/${i.id}/publish`, {})).json().status).toBe('published');
      expect((await central.post(`/api/plan-instructions/${i.id}/publish`, {})).statusCode).toBe(409);
      expect((await eav.get(`/api/plan-instructions/${i.id}`)).statusCode).toBe(200);
      expect((await eav.get('/api/plan-instructions/effective?year=2031')).json()).toMatchObject({ year: 2031, fallback: false });
      expect((await eav.get('/api/plan-instructions/effective?year=2035')).json()).toMatchObject({ year: 2031, fallback: true, deadline: null });
      await expectNothingWritten(() => central.post('/api/plan-instructions', { year: 2031 }), 409);
      await expectNothingWritten(() => eav.post('/api/plan-instructions', { year: 2032 }), 403);
      const dupe = await expectNothingWritten(
        () => central.patch(`/api/plan-instructions/${i.id}`, { sections: [{ key: 'a', title: 'A' }, { key: 'a', title: 'B' }] }),
        422,
      );
      expect(dupe.code).toBe('duplicate_section');
    });

    it('lets the central coordinator add a governing document and elements; nobody else', async () => {
      const doc = await central.post('/api/guidelines', { title: 'Lokal strategi för trygghet', adoptedOn: '2026-06-01' });
      expect(doc.statusCode, doc.body).toBe(201);
      const el = await central.post(`/api/guidelines/${doc.json().id}/elements`, { kind: 'direction', label: 'Öka tryggheten i centrum' });
      expect(el.statusCode, el.body).toBe(201);
      const archived = await central.patch(`/api/guideline-elements/${el.json().id}`, { archived: true, label: 'Öka tryggheten' });
      expect(archived.json()).toMatchObject({ archived: true, label: 'Öka tryggheten' });
      expect((await central.patch(`/api/guidelines/${doc.json().id}`, { description: 'Antagen 2026.' })).json().description).toBe('Antagen 2026.');
      expect((await central.post('/api/guidelines', { title: 'lokal strategi för trygghet' })).statusCode).toBe(409);
      expect((await eav.post('/api/guidelines', { title: 'X' })).statusCode).toBe(403);
      expect((await eav.post(`/api/guidelines/${doc.json().id}/elements`, { kind: 'risk', label: 'X' })).statusCode).toBe(403);
      const bad = await central.post(`/api/guidelines/${doc.json().id}/elements`, { kind: 'okänd', label: '' });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('service functions for export and import', () => {
    it('getPlanForExport gives the document model after the read check', async () => {
      const model = await getPlanForExport({ db: t.database.db, actor: await actor('eav@stockholm.example'), planId: eav2018Id });
      expect(model).toMatchObject({ municipality: 'Stockholms stad', boardName: 'Enskede-Årsta-Vantör', year: 2018, status: 'approved', decidedOn: '2018-04-19', paragraph: '§ 18' });
      expect(model.activities).toHaveLength(13);
      expect(model.sections[0]).toMatchObject({ title: 'Inledning' });
      await expect(getPlanForExport({ db: t.database.db, actor: await actor('skarholmen@stockholm.example'), planId: eav2018Id })).rejects.toMatchObject({ status: 404 });
      await expect(getPlanForExport({ db: t.database.db, actor: await actor('admin@stockholm.example'), planId: eav2018Id })).rejects.toMatchObject({ status: 404 });
    });

    it('addActivities writes all rows in one transaction or none', async () => {
      const lc = await actor('eav@stockholm.example');
      const { id: planId } = await draftPlan(t, { as: eav, boardId: eavBoard });
      const before = await count(t, 'plan_activity');
      await expect(
        addActivities({
          db: t.database.db,
          actor: lc,
          planId,
          activities: [ACTIVITY, { ...ACTIVITY, guidelineElementIds: ['00000000-0000-4000-8000-000000000000'] }],
        }),
      ).rejects.toMatchObject({ status: 422, fields: [{ field: 'activities.1.guidelineElementIds' }] });
      expect(await count(t, 'plan_activity')).toBe(before);
      const added = await addActivities({ db: t.database.db, actor: lc, planId, activities: [ACTIVITY, { ...ACTIVITY, title: 'Två' }] });
      expect(added.map((a) => a.position)).toEqual([1, 2]);
      await expect(addActivities({ db: t.database.db, actor: lc, planId: eav2018Id, activities: [ACTIVITY] })).rejects.toMatchObject({ status: 409 });
      await expect(addActivities({ db: t.database.db, actor: await actor('skarholmen@stockholm.example'), planId, activities: [ACTIVITY] })).rejects.toMatchObject({
        status: 404,
      });
    });
  });
});
