import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { boardWithPeople, draftPlan, rowCount } from '../helpers/factories.js';

/**
 * Follow-up deadlines, named reporters and figures Värna already has (issue #12), on the demo:
 * EÅV's 2026 plan, whose two activities of the demo unit manager lack their T2 report.
 */
describe.each(await testDatabaseKinds())('[FOLLOWUP] deadlines, reporters and known figures on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let eav: Client;
  let unitManager: Client;
  let eavBoard: string;
  let acts2026: { id: string }[];

  const lastAudit = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const userId = async (email: string) => (await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [central, eav, unitManager] = await Promise.all(['central', 'eav', 'enhetschef'].map((u) => t.login(`${u}@stockholm.example`)));
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
    const plan = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', eavBoard).where('year', '=', 2026).executeTakeFirstOrThrow();
    acts2026 = await t.database.db.selectFrom('plan_activity').select('id').where('plan_id', '=', plan.id).where('deleted_at', 'is', null).orderBy('position').execute();
  });
  afterAll(() => t.close());

  describe('default deadlines', () => {
    it('are Stockholm’s until the central coordinator sets others: 15 May, 15 September, 31 January next year', async () => {
      expect((await unitManager.get('/api/followup/deadlines')).json()).toEqual({ T1: '05-15', T2: '09-15', VB: '01-31' });
      const periods = (await unitManager.get('/api/followup/periods?year=2026')).json();
      expect(periods.map((p: { period: string; deadline: string; deadlineIsDefault: boolean }) => [p.period, p.deadline, p.deadlineIsDefault])).toEqual([
        ['2026-T1', '2026-05-15', true],
        ['2026-T2', '2026-09-15', true],
        ['2026-VB', '2027-01-31', true],
      ]);
    });

    it('the central coordinator sets a default day: audited, and every year’s period follows it', async () => {
      const res = await central.request('PUT', '/api/followup/deadlines', { T2: '09-30' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ T1: '05-15', T2: '09-30', VB: '01-31' });
      const entry = await lastAudit('followup.deadlines.update');
      expect(entry?.summary).toEqual({ from: { T2: '09-15' }, to: { T2: '09-30' } });
      const periods = (await eav.get('/api/followup/periods?year=2027')).json();
      expect(periods.find((p: { kind: string }) => p.kind === 'T2')).toMatchObject({ deadline: '2027-09-30', deadlineIsDefault: true });
      expect((await central.request('PUT', '/api/followup/deadlines', { T2: '09-15' })).statusCode).toBe(200);
    });

    it.each([
      [{ T1: '02-29' }, '02-28'],
      [{ VB: '13-01' }, 'Månaden'],
      [{ T1: '5-15' }, 'MM-DD'],
      [{}, 'minst en period'],
      [{ T3: '05-15' }, ''],
    ])('refuses %j with a Swedish message and writes nothing', async (body, words) => {
      const before = await rowCount(t, 'audit_log');
      const res = await central.request('PUT', '/api/followup/deadlines', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message + JSON.stringify(res.json().error.fields ?? [])).toContain(words);
      expect(await rowCount(t, 'audit_log')).toBe(before);
    });

    it('only the central coordinator sets them: others get 403, no session 401, and nothing is written', async () => {
      const others = await Promise.all(['eav', 'enhetschef', 'politiker', 'revisor', 'admin'].map(async (who) => [who, await t.login(`${who}@stockholm.example`)] as const));
      const before = await rowCount(t, 'audit_log');
      for (const [who, c] of others) {
        expect((await c.request('PUT', '/api/followup/deadlines', { T1: '05-31' })).statusCode, who).toBe(403);
        expect((await c.patch('/api/followup/periods/2026-T1', { deadline: '2026-05-31' })).statusCode, who).toBe(403);
      }
      expect((await t.anonymous.request('PUT', '/api/followup/deadlines', { T1: '05-31' })).statusCode).toBe(401);
      expect(await rowCount(t, 'audit_log')).toBe(before);
      expect((await central.get('/api/followup/deadlines')).json().T1).toBe('05-15');
    });
  });

  describe('a period’s own deadline', () => {
    it('is set through PATCH, audited, validated, and cleared back to the default', async () => {
      const res = await central.patch('/api/followup/periods/2026-VB', { deadline: '2027-02-15' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ period: '2026-VB', deadline: '2027-02-15', deadlineIsDefault: false, state: 'open' });
      const entry = await lastAudit('followup.periods.update');
      expect(entry?.summary).toMatchObject({ period: '2026-VB', from: { deadline: null }, to: { deadline: '2027-02-15' } });

      const before = await rowCount(t, 'audit_log');
      const late = await central.patch('/api/followup/periods/2026-VB', { deadline: '2028-01-01' });
      expect(late.statusCode).toBe(422);
      expect(late.json().error.fields).toEqual([{ field: 'deadline', message: 'Sista dagen ska ligga mellan 2026-01-01 och 2027-12-31.' }]);
      const bad = await central.patch('/api/followup/periods/2026-VB', { deadline: '31/1' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].message).toBe('Ange sista dag för rapporterna som ÅÅÅÅ-MM-DD.');
      expect(await rowCount(t, 'audit_log')).toBe(before);

      const cleared = await central.patch('/api/followup/periods/2026-VB', { deadline: null });
      expect(cleared.json()).toMatchObject({ deadline: '2027-01-31', deadlineIsDefault: true });
    });
  });

  describe('overdue reports and the period due next', () => {
    it('the unit manager’s activities open on the missed T2, not the annual report, with both reports overdue', async () => {
      const body = (await unitManager.get('/api/followup/my-activities')).json();
      expect(body.period).toMatchObject({ period: '2026-T2', deadline: '2026-09-15', deadlinePassed: true });
      expect(body.activities.map((a: { activityId: string; overdue: boolean }) => [a.activityId, a.overdue])).toEqual([
        [acts2026[0].id, true],
        [acts2026[2].id, true],
      ]);
      expect(body.missed).toEqual([{ period: '2026-T2', deadline: '2026-09-15', missing: 2 }]);
      // T1 was reported: nothing there is overdue.
      const t1 = (await unitManager.get('/api/followup/my-activities?period=2026-T1')).json();
      expect(t1.activities.every((a: { overdue: boolean }) => !a.overdue)).toBe(true);
    });

    it('the board’s follow-up flags the same two as overdue', async () => {
      const b = (await eav.get(`/api/followup/boards/${eavBoard}?period=2026-T2`)).json();
      expect(b.activities.filter((a: { overdue: boolean }) => a.overdue).map((a: { activityId: string }) => a.activityId)).toEqual([acts2026[0].id, acts2026[2].id]);
    });

    it('a later deadline set for the period means nothing is overdue yet; it is still the one due next', async () => {
      expect((await central.patch('/api/followup/periods/2026-T2', { deadline: '2027-01-15' })).statusCode).toBe(200);
      const body = (await unitManager.get('/api/followup/my-activities')).json();
      expect(body.period).toMatchObject({ period: '2026-T2', deadline: '2027-01-15', deadlinePassed: false });
      expect(body.activities.some((a: { overdue: boolean }) => a.overdue)).toBe(false);
      expect(body.missed).toEqual([]);
      expect((await central.patch('/api/followup/periods/2026-T2', { deadline: null })).statusCode).toBe(200);
    });
  });

  describe('reporters chosen in the plan’s activity form', () => {
    it('saves the board’s users as reporters with the activity, audited; refuses others’ users and other roles', async () => {
      const b = await boardWithPeople(t, { people: { lc: 'local_coordinator', unit: 'contributor', member: 'viewer' } });
      const other = await boardWithPeople(t, { people: { unit: 'contributor' } });
      const [unitId, memberId, outsiderId, lcId] = await Promise.all([userId(b.emails.unit), userId(b.emails.member), userId(other.emails.unit), userId(b.emails.lc)]);
      const activity = { title: 'Grundutbildning', responsible: 'Enhetschef', timeline: 'Under året', followUp: 'Tertial' };
      const plan = await draftPlan(t, { as: b.clients.lc, boardId: b.boardId });

      const created = await b.clients.lc.post(`/api/plans/${plan.id}/activities`, { ...activity, reporterIds: [unitId] });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const choices = (await b.clients.lc.get(`/api/followup/boards/${b.boardId}/reporters`)).json();
      expect(choices.candidates.map((c: { id: string }) => c.id).sort()).toEqual([unitId, lcId].sort());
      expect(choices.assigned[id]).toEqual([unitId]);
      expect((await lastAudit('followup.reporters.assign'))?.summary).toEqual({ userIds: [unitId] });

      const before = [await rowCount(t, 'audit_log')];
      for (const wrong of [outsiderId, memberId]) {
        const res = await b.clients.lc.patch(`/api/plans/${plan.id}/activities/${id}`, { reporterIds: [wrong] });
        expect(res.statusCode).toBe(422);
        expect(res.json().error).toMatchObject({ code: 'not_contributor', fields: [{ field: 'reporterIds', message: `Välj rapportörer bland användarna i ${b.name}.` }] });
      }
      // The central coordinator edits activities but does not name reporters.
      expect((await central.patch(`/api/plans/${plan.id}/activities/${id}`, { reporterIds: [] })).statusCode).toBe(403);
      expect([await rowCount(t, 'audit_log')]).toEqual(before);
      expect((await b.clients.lc.get(`/api/followup/boards/${b.boardId}/reporters`)).json().assigned[id]).toEqual([unitId]);

      const changed = await b.clients.lc.patch(`/api/plans/${plan.id}/activities/${id}`, { reporterIds: [lcId] });
      expect(changed.statusCode).toBe(200);
      expect((await b.clients.lc.get(`/api/followup/boards/${b.boardId}/reporters`)).json().assigned[id]).toEqual([lcId]);
      // Only the board's local coordinator reads the choices.
      expect((await b.clients.unit.get(`/api/followup/boards/${b.boardId}/reporters`)).statusCode).toBe(403);
      expect((await other.clients.unit.get(`/api/followup/boards/${b.boardId}/reporters`)).statusCode).toBe(403);
    });
  });

  describe('figures Värna already has', () => {
    it('prefills the training-coverage indicator with the board’s coverage and says where it comes from', async () => {
      const body = (await unitManager.get(`/api/followup/activities/${acts2026[0].id}?period=2026-T2`)).json();
      const coverage = (await unitManager.get(`/api/training/boards/${eavBoard}`)).json();
      expect(coverage.total.percent).not.toBeNull();
      expect(body.prefill).toEqual([
        {
          indicatorName: 'Andel medarbetare som genomfört grundutbildningen (%)',
          value: coverage.total.percent,
          source: expect.stringContaining(`${coverage.total.completed} av ${coverage.total.employees} medarbetare`),
        },
      ]);
      expect(body.prefill[0].source).toMatch(/^Hämtat från Värnas utbildningsuppföljning: .+, Enskede-Årsta-Vantör, /);
      // An activity without a coverage indicator gets nothing, and a reader who cannot report gets no form to fill.
      expect((await unitManager.get(`/api/followup/activities/${acts2026[2].id}?period=2026-T2`)).json().prefill).toEqual([]);
      const viewer = await t.login('politiker@stockholm.example');
      expect((await viewer.get(`/api/followup/activities/${acts2026[0].id}?period=2026-T2`)).json().prefill).toEqual([]);
    });
  });
});
