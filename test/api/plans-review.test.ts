import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { boardWithPeople, expectStatus, planAt } from '../helpers/factories.js';

/** Issue 12: the plan's review and the check one can act on, as the API gives them. */
const YEAR = new Date().getFullYear();
const activity = (title: string) => ({ title, measureArea: 'general', responsible: 'Samordnare', timeline: String(YEAR), followUp: 'Tertial' });

describe.each(await testDatabaseKinds())('[PLANS] review and check on %s', (kind) => {
  let t: TestApp;
  let central: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
  });
  afterAll(() => t.close());

  describe('copying a plan to next year', () => {
    it('carries each activity’s latest reported status, whichever period it is from', async () => {
      const { boardId, clients } = await boardWithPeople(t, { people: { lc: 'local_coordinator' } });
      const plan = await planAt(t, {
        as: clients.lc!,
        central,
        boardId,
        status: 'approved',
        year: YEAR,
        activities: [activity('Rapporterad i T1 och T2'), activity('Rapporterad i T1'), activity('Aldrig rapporterad')],
      });
      const [both, first] = plan.activityIds;
      const report = async (id: string, period: string, status: string) =>
        expectStatus(await clients.lc!.post(`/api/activities/${id}/follow-ups`, { period: `${YEAR}-${period}`, status }), 201, `report ${period}`);
      // Reported out of order: T2 first, then T1; the latest period counts, not the latest write.
      await report(both!, 'T2', 'ongoing');
      await report(both!, 'T1', 'not_started');
      await report(first!, 'T1', 'done');

      const res = await clients.lc!.post(`/api/plans/${plan.id}/next-year`, {});
      expect(res.statusCode, res.body).toBe(201);
      const copy = res.json() as { year: number; activities: { title: string; previousYearFinalStatus: string | null; carriedOverFromActivityId: string }[] };
      expect(copy.year).toBe(YEAR + 1);
      expect(Object.fromEntries(copy.activities.map((a) => [a.title, a.previousYearFinalStatus]))).toEqual({
        'Rapporterad i T1 och T2': 'ongoing',
        'Rapporterad i T1': 'done',
        'Aldrig rapporterad': null,
      });
      // The copy's check counts only the never-reported activity as missing last year's status, and links to it.
      const check = (await clients.lc!.get(`/api/plans/${(res.json() as { id: string }).id}/check`)).json() as {
        items: { key: string; ok: boolean; targets?: { label: string; anchor: string }[] }[];
      };
      const never = copy.activities.find((a) => a.title === 'Aldrig rapporterad') as unknown as { id: string };
      expect(check.items.find((i) => i.key === 'previous_year_status')).toMatchObject({
        ok: false,
        targets: [{ label: 'Aldrig rapporterad', anchor: `insats-${never.id}` }],
      });
    });
  });

  describe('review comments that point at a section or an activity', () => {
    type Plan = { sections: { key: string; title: string }[]; instructions: { reviewCriteria: { id: string }[] }; timeline: { to: string; review: { items: Item[] } | null }[] };
    type Item = { criterionId: string; comment: string | null; target?: string | null; targetLabel?: string | null };
    async function inReview() {
      const people = await boardWithPeople(t, { people: { lc: 'local_coordinator', member: 'viewer' } });
      const plan = await planAt(t, { as: people.clients.lc!, central, boardId: people.boardId, status: 'in_review', activities: [activity('Samverkan med polisen')] });
      const detail = (await central.get(`/api/plans/${plan.id}`)).json() as Plan;
      const [c1, c2] = detail.instructions.reviewCriteria.map((c) => c.id);
      return { ...people, plan, section: detail.sections[0]!, c1: c1!, c2: c2! };
    }
    const reviews = (planId: string) => t.database.db.selectFrom('plan_review').selectAll().where('plan_id', '=', planId).execute();

    it('are stored with the part they are about, shown to the board after the review, and audited without their text', async () => {
      const { plan, section, c1, c2, clients } = await inReview();
      const res = await central.request('PUT', `/api/plans/${plan.id}/review`, {
        items: [
          { criterionId: c1, result: 'fail', comment: 'Insatsen saknar mål.', target: `activity:${plan.activityIds[0]}` },
          { criterionId: c2, result: 'partly', comment: 'Lägesbilden är från förra året.', target: `section:${section.key}` },
        ],
        comment: 'Komplettera insatsen och lägesbilden.',
      });
      expect(res.statusCode, res.body).toBe(200);
      const byId = Object.fromEntries((res.json() as { items: Item[] }).items.map((i) => [i.criterionId, i]));
      expect(byId[c1]).toMatchObject({ target: `activity:${plan.activityIds[0]}`, targetLabel: 'Insats: Samverkan med polisen' });
      expect(byId[c2]).toMatchObject({ target: `section:${section.key}`, targetLabel: `Avsnitt: ${section.title}` });

      expectStatus(await central.post(`/api/plans/${plan.id}/transitions`, { to: 'returned', comment: 'Komplettera insatsen och lägesbilden.' }), 200, 'return');
      const seen = (await clients.member!.get(`/api/plans/${plan.id}`)).json() as Plan;
      const review = seen.timeline.findLast((m) => m.review)!.review!;
      expect(review.items.find((i) => i.criterionId === c1)).toMatchObject({ targetLabel: 'Insats: Samverkan med polisen', comment: 'Insatsen saknar mål.' });

      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'summary']).where('action', '=', 'plans.review').where('entity_id', '=', plan.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.summary).toMatchObject({ targets: [`activity:${plan.activityIds[0]}`, `section:${section.key}`] });
      expect(JSON.stringify(audit)).not.toContain('Insatsen saknar mål');
    });

    it('refuses a part that is not in this plan (422), a target without a comment and a malformed target (400), writing nothing', async () => {
      const { plan, c1 } = await inReview();
      const other = await inReview();
      const put = (item: object) => central.request('PUT', `/api/plans/${plan.id}/review`, { items: [{ criterionId: c1, result: 'fail', ...item }], comment: null });

      const stray = await put({ comment: 'Fel plan.', target: `activity:${other.plan.activityIds[0]}` });
      expect(stray.statusCode).toBe(422);
      expect(stray.json().error).toMatchObject({ code: 'unknown_target', fields: [{ field: 'items.0.target', message: 'Välj ett avsnitt eller en insats i planen.' }] });
      expect((await put({ comment: 'Finns inte.', target: 'section:finns-inte' })).statusCode).toBe(422);

      const empty = await put({ comment: '  ', target: `activity:${plan.activityIds[0]}` });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Skriv kommentaren till den del av planen du har valt.');
      expect((await put({ comment: 'Text.', target: 'insats:1' })).statusCode).toBe(400);

      expect(await reviews(plan.id)).toHaveLength(0);
      const audit = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'plans.review').where('entity_id', '=', plan.id).execute();
      expect(audit).toHaveLength(0);
    });

    it('may be written only by a central coordinator: the board’s coordinator and members get 403', async () => {
      const { plan, c1, clients } = await inReview();
      const body = { items: [{ criterionId: c1, result: 'pass', comment: 'Bra.', target: `activity:${plan.activityIds[0]}` }], comment: null };
      expect((await clients.lc!.request('PUT', `/api/plans/${plan.id}/review`, body)).statusCode).toBe(403);
      expect((await clients.member!.request('PUT', `/api/plans/${plan.id}/review`, body)).statusCode).toBe(403);
      expect(await reviews(plan.id)).toHaveLength(0);
    });
  });
});
