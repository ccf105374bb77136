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
});
