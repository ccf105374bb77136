import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { auditMeasure, auditReport, draftPlan, expectStatus, rowCount } from '../helpers/factories.js';
import { uploader } from '../helpers/upload.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(await testDatabaseKinds())('[AUDIT-TRACKING] audit reports, replies and measures on %s', (kind) => {
  let t: TestApp;
  let revisor: Client;
  let eav: Client; // local coordinator, Enskede-Årsta-Vantör
  let skarholmen: Client; // local coordinator of another board
  let central: Client;
  let politiker: Client; // viewer of Kommunstyrelsen
  let enhetschef: Client; // contributor, EÅV
  let eavBoard: string;
  let skhBoard: string;
  let ksBoard: string;

  const count = (table: 'audit_report' | 'audit_reply' | 'audit_measure' | 'audit_log' | 'plan_activity') => rowCount(t, table);
  /** Asserts that a refused request wrote nothing: no row, no audit entry. */
  async function refused(run: () => Promise<{ statusCode: number; body: string }>, status: number | number[]) {
    const before = [await count('audit_report'), await count('audit_reply'), await count('audit_measure'), await count('audit_log')];
    const res = await run();
    expect([status].flat(), res.body).toContain(res.statusCode);
    expect([await count('audit_report'), await count('audit_reply'), await count('audit_measure'), await count('audit_log')]).toEqual(before);
    return JSON.parse(res.body) as { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
  }
  const replyOf = (report: Json, rec: string, board: string) => report.recommendations.find((c: Json) => c.id === rec)?.replies.find((r: Json) => r.boardId === board);

  /**
   * Report 2/2019 as the auditors registered it: a recommendation to Enskede-Årsta-Vantör and
   * Skärholmen (`recommendationIds[0]`) and one to the city board (`recommendationIds[1]`).
   */
  const report2019 = () =>
    auditReport(t, {
      as: revisor,
      report: { number: '2/2019', scope: 'Granskningen omfattar kommunstyrelsen, socialnämnden och tre stadsdelsnämnder.' },
      recommendations: [
        { text: 'Säkerställ att medarbetarna genomför den webbaserade grundutbildningen.', boardIds: [eavBoard, skhBoard] },
        { text: 'Utforma en vägledning för samverkan med civilsamhället.', boardIds: [ksBoard] },
      ],
    });
  const REPLY = { text: 'Nämnden instämmer. Alla chefer ska se till att medarbetarna genomför utbildningen under 2020.', decidedOn: '2020-02-20', paragraph: '§ 9', caseNumber: 'EÅV 2019/412' };
  /** Report 2/2019 with EÅV's reply to its first recommendation written and decided. */
  async function repliedReport2019() {
    const report = await report2019();
    expectStatus(await eav.request('PUT', `/api/recommendations/${report.recommendationIds[0]}/replies/${eavBoard}`, REPLY), 200, 'reply');
    return report;
  }
  /** Measures in EÅV's reply: one done and one waiting for the city board, so the reply is in progress. */
  async function measuresInProgress(recId: string) {
    const done = await auditMeasure(eav, recId, eavBoard, { title: 'Förskolans personal genomför grundutbildningen', dueOn: '2099-12-31' });
    await auditMeasure(eav, recId, eavBoard, { title: 'Strategi för samverkan med civilsamhället', dueOn: '2020-06-30', waitingFor: 'Kommunstyrelsens vägledning om samverkan med civilsamhället' });
    expectStatus(await eav.patch(`/api/audit-measures/${done.id}`, { status: 'done', comment: 'Klart' }), 200, 'measure done');
  }

  // Seeding the demo and the Argon2 logins take a while on a busy machine.
  beforeAll(async () => {
    t = await startTestApp(kind);
    [revisor, eav, skarholmen, central, politiker, enhetschef] = await Promise.all(
      ['revisor', 'eav', 'skarholmen', 'central', 'politiker', 'enhetschef'].map((u) => t.login(`${u}@stockholm.example`)),
    );
    [eavBoard, skhBoard, ksBoard] = await Promise.all(['Enskede-Årsta-Vantör', 'Skärholmen', 'Kommunstyrelsen'].map((n) => t.boardId(n)));
  }, 300_000);
  afterAll(() => t.close());

  describe('the auditor registers a report and its recommendations', () => {
    it('with the report itself as an attached PDF, a number, dates and scope', async () => {
      const file = await (await uploader(t, 'revisor@stockholm.example')).upload('/api/attachments', tinyPdf('Revisionsrapport 2/2019'), 'rapport.pdf');
      const res = await revisor.post('/api/audit-reports', {
        title: 'Stadens arbete mot våldsbejakande extremism',
        number: '2/2019',
        issuedOn: '2019-11-19',
        replyDue: '2099-02-28',
        scope: 'Granskningen omfattar kommunstyrelsen, socialnämnden och tre stadsdelsnämnder.',
        attachmentIds: [file.json().id],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ number: '2/2019', issuedOn: '2019-11-19', replyDue: '2099-02-28', recommendations: [], attachments: [{ contentType: 'application/pdf' }] });
      const reportId = res.json().id;
      const entry = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toEqual({ action: 'audit_reports.create', entity_id: reportId });
    });

    it('a recommendation addressed to one or more boards, the city board included', async () => {
      const { id: reportId } = await auditReport(t, { as: revisor, report: { number: '2/2019' } });
      const res = await revisor.post(`/api/audit-reports/${reportId}/recommendations`, {
        text: 'Säkerställ att medarbetarna genomför den webbaserade grundutbildningen.',
        boardIds: [eavBoard, skhBoard],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().replies.map((r: Json) => [r.boardId, r.status, r.overdue])).toEqual([
        [eavBoard, 'awaiting_reply', false],
        [skhBoard, 'awaiting_reply', false],
      ]);
      const ks = await revisor.post(`/api/audit-reports/${reportId}/recommendations`, { text: 'Utforma en vägledning för samverkan med civilsamhället.', boardIds: [ksBoard] });
      expect(ks.statusCode).toBe(201);
      expect(ks.json().position).toBe(2);
    });

    it('refuses a reply date before the report, an unknown board, and missing fields — naming each field, writing nothing', async () => {
      const { id: reportId } = await auditReport(t, { as: revisor });
      const dates = await refused(() => revisor.post('/api/audit-reports', { title: 'X', issuedOn: '2020-03-01', replyDue: '2020-02-01' }), 422);
      expect(dates.error.fields).toEqual([{ field: 'replyDue', message: 'Sista dag för yttrande kan inte vara före rapportens datum.' }]);
      const board = await refused(() => revisor.post(`/api/audit-reports/${reportId}/recommendations`, { text: 'X', boardIds: [eavBoard, '00000000-0000-4000-8000-000000000000'] }), 422);
      expect(board.error.fields).toEqual([{ field: 'boardIds.1', message: expect.stringContaining('Nämnden finns inte') }]);
      const empty = await refused(() => revisor.post(`/api/audit-reports/${reportId}/recommendations`, { text: ' ', boardIds: [] }), 400);
      expect(empty.error.fields?.map((f) => f.field).sort()).toEqual(['boardIds', 'text']);
    });

    it('nobody else registers reports or recommendations', async () => {
      const { id: reportId } = await auditReport(t, { as: revisor });
      for (const c of [eav, central, politiker]) {
        await refused(() => c.post('/api/audit-reports', { title: 'x', issuedOn: '2019-11-19', replyDue: '2020-02-28' }), 403);
        await refused(() => c.post(`/api/audit-reports/${reportId}/recommendations`, { text: 'x', boardIds: [eavBoard] }), 403);
      }
    });
  });

  describe('who reads what', () => {
    it('the addressed board’s coordinator sees the report with its own board’s reply only', async () => {
      const { id: reportId } = await report2019();
      const list = await eav.get(`/api/audit-reports?boardId=${eavBoard}`);
      expect(list.statusCode).toBe(200);
      const report = list.json().find((r: Json) => r.id === reportId);
      expect(report.recommendations.map((c: Json) => c.replies.map((r: Json) => r.boardId))).toEqual([[eavBoard]]);
      expect(report.recommendations[0].replies[0].can).toEqual({ reply: true, assess: false });
      const one = await eav.get(`/api/audit-reports/${reportId}`);
      expect(one.json().recommendations).toHaveLength(1);
    });

    it('the auditor and the central coordinator read every board’s reply; the city board’s viewer reads the city’s', async () => {
      const { id: reportId } = await report2019();
      for (const c of [revisor, central, politiker]) {
        const res = await c.get(`/api/audit-reports/${reportId}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().recommendations.flatMap((x: Json) => x.replies.map((r: Json) => r.boardId)).sort()).toEqual([eavBoard, skhBoard, ksBoard].sort());
      }
      expect((await revisor.get(`/api/audit-reports/${reportId}`)).json().can).toEqual({ update: true, addRecommendation: true });
      expect((await central.get(`/api/audit-reports/${reportId}`)).json().can).toEqual({ update: false, addRecommendation: false });
    });

    it('another board does not see a report not addressed to it; a contributor reads no audit reports', async () => {
      const farsta = await t.boardId('Farsta');
      const rec = await revisor.post('/api/audit-reports', { title: 'Endast EÅV', issuedOn: '2020-01-01', replyDue: '2099-01-01' });
      await revisor.post(`/api/audit-reports/${rec.json().id}/recommendations`, { text: 'x', boardIds: [eavBoard] });
      expect((await skarholmen.get(`/api/audit-reports/${rec.json().id}`)).statusCode).toBe(404);
      expect((await skarholmen.get('/api/audit-reports')).json().map((r: Json) => r.id)).not.toContain(rec.json().id);
      expect((await skarholmen.get(`/api/audit-reports?boardId=${farsta}`)).statusCode).toBe(403);
      expect((await enhetschef.get('/api/audit-reports')).statusCode).toBe(403);
    });
  });

  describe('the board replies and adds measures', () => {
    it('only the addressed board’s local coordinator writes the reply', async () => {
      const {
        recommendationIds: [recId],
      } = await report2019();
      await refused(() => skarholmen.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, { text: 'Fel nämnd svarar' }), [403, 404]);
      await refused(() => central.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, { text: 'Central svarar' }), 403);
      await refused(() => revisor.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, { text: 'Revisorn svarar' }), 403);
      // Kommunstyrelsen was not addressed by this recommendation.
      await refused(() => eav.request('PUT', `/api/recommendations/${recId}/replies/${ksBoard}`, { text: 'x' }), [403, 404]);
    });

    it('a decision in the future is refused; the reply with its decision is stored and audited', async () => {
      const {
        recommendationIds: [recId],
      } = await report2019();
      const future = await refused(() => eav.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, { text: 'x', decidedOn: '2999-01-01' }), 422);
      expect(future.error.fields?.[0].field).toBe('decidedOn');
      const res = await eav.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, {
        text: 'Nämnden instämmer. Alla chefer ska se till att medarbetarna genomför utbildningen under 2020.',
        decidedOn: '2020-02-20',
        paragraph: '§ 9',
        caseNumber: 'EÅV 2019/412',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ boardId: eavBoard, status: 'replied', overdue: false, replied: true, decidedOn: '2020-02-20', paragraph: '§ 9', caseNumber: 'EÅV 2019/412', measures: [] });
      const entry = await t.database.db.selectFrom('audit_log').select(['action', 'board_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry).toEqual({ action: 'audit_replies.create', board_id: eavBoard });
    });

    it('the board’s protocol extract attached to its reply is read by the board and the auditors, not by another board', async () => {
      const {
        recommendationIds: [recId],
      } = await report2019();
      const lc = await uploader(t, 'eav@stockholm.example');
      const file = (await lc.upload('/api/attachments', tinyPdf('Protokollsutdrag 9'), 'Protokollsutdrag § 9.pdf')).json();
      const res = await eav.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, {
        text: 'Nämnden instämmer. Alla chefer ska se till att medarbetarna genomför utbildningen under 2020.',
        decidedOn: '2020-02-20',
        paragraph: '§ 9',
        caseNumber: 'EÅV 2019/412',
        attachmentIds: [file.id],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().attachments).toEqual([expect.objectContaining({ id: file.id, name: 'Protokollsutdrag § 9.pdf' })]);
      const read = async (email: string) => (await (await uploader(t, email)).get(`/api/attachments/${file.id}`)).statusCode;
      expect(await read('revisor@stockholm.example')).toBe(200);
      expect(await read('politiker@stockholm.example')).toBe(200);
      expect(await read('skarholmen@stockholm.example')).toBe(404);
      // Saving the reply again without attachmentIds keeps the file.
      const again = await eav.request('PUT', `/api/recommendations/${recId}/replies/${eavBoard}`, { text: res.json().text, decidedOn: '2020-02-20', paragraph: '§ 9', caseNumber: 'EÅV 2019/412' });
      expect(again.json().attachments).toHaveLength(1);
    });

    it('a measure linked to an activity of the board’s plan, and one waiting for another body: in progress when one is done', async () => {
      const {
        id: reportId,
        recommendationIds: [recId],
      } = await repliedReport2019();
      const plan = await eav.post('/api/plans', { boardId: eavBoard, year: 2030 });
      expect(plan.statusCode, plan.body).toBe(201);
      const planId = plan.json().id;
      const act = await eav.post(`/api/plans/${planId}/activities`, { title: 'Grundutbildning för förskolans personal', measureArea: 'general', responsible: 'Avdelningschef förskola', timeline: '2030', followUp: 'Deltagarlistor per tertial' });
      const activityId = act.json().id;
      const linked = await eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'Förskolans personal genomför grundutbildningen', dueOn: '2099-12-31', activityId });
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json()).toMatchObject({ status: 'planned', waiting: false, overdue: false, activity: { id: activityId, planId, year: 2030, title: 'Grundutbildning för förskolans personal' } });
      const m1 = linked.json().id;
      const waiting = await eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'Strategi för samverkan med civilsamhället', dueOn: '2020-06-30', waitingFor: 'Kommunstyrelsens vägledning om samverkan med civilsamhället' });
      expect(waiting.statusCode).toBe(201);
      // Past its date, but waiting for another body: waiting, not late.
      expect(waiting.json()).toMatchObject({ status: 'planned', waiting: true, overdue: false });

      const done = await eav.patch(`/api/audit-measures/${m1}`, { status: 'done', comment: 'Klart' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().history).toEqual([expect.objectContaining({ status: 'done', comment: 'Klart', actorName: 'Erik Lindqvist', period: expect.stringMatching(/^\d{4}-(T1|T2|VB)$/) })]);
      const reply = replyOf((await revisor.get(`/api/audit-reports/${reportId}`)).json(), recId, eavBoard);
      expect([reply.status, reply.measures.length, reply.overdue]).toEqual(['in_progress', 2, false]);
    });

    it('a new activity created from a measure lands in the board’s draft plan, in the same request', async () => {
      const {
        recommendationIds: [recId],
      } = await repliedReport2019();
      const { id: planId } = await draftPlan(t, { as: eav, boardId: eavBoard });
      const before = await count('plan_activity');
      const res = await eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, {
        title: 'Äldreomsorgens personal genomför grundutbildningen',
        responsible: 'Avdelningschef äldreomsorg',
        dueOn: '2099-06-30',
        newActivity: { planId, measureArea: 'general' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await count('plan_activity')).toBe(before + 1);
      const activity = await t.database.db.selectFrom('plan_activity').selectAll().where('id', '=', res.json().activity.id).executeTakeFirstOrThrow();
      expect(activity).toMatchObject({ plan_id: planId, title: 'Äldreomsorgens personal genomför grundutbildningen', responsible: 'Avdelningschef äldreomsorg', measure_area: 'general' });
    });

    it('refuses an activity of another board, two links at once, and a plan that cannot change — writing nothing', async () => {
      const {
        recommendationIds: [recId],
      } = await repliedReport2019();
      const {
        activityIds: [activityId],
      } = await draftPlan(t, { as: eav, boardId: eavBoard, activities: [{ title: 'Grundutbildning för förskolans personal', measureArea: 'general', responsible: 'Avdelningschef förskola', timeline: '2030', followUp: 'Deltagarlistor per tertial' }] });
      const {
        activityIds: [skhActivity],
      } = await draftPlan(t, { as: skarholmen, boardId: skhBoard, activities: [{ title: 'Skärholmens insats', responsible: 'X', timeline: '2030', followUp: 'X' }] });
      const other = await refused(() => eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'x', dueOn: '2099-01-01', activityId: skhActivity }), 422);
      expect(other.error.fields).toEqual([{ field: 'activityId', message: 'Välj en insats i nämndens egen handlingsplan.' }]);
      const both = await refused(() => eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'x', dueOn: '2099-01-01', activityId, waitingFor: 'KS' }), 422);
      expect(both.error.fields?.[0].message).toMatch(/Välj ett sätt/);
      const approved = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', eavBoard).where('status', '=', 'approved').limit(1).executeTakeFirstOrThrow();
      const before = await count('plan_activity');
      await refused(() => eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'x', dueOn: '2099-01-01', newActivity: { planId: approved.id } }), 409);
      expect(await count('plan_activity')).toBe(before);
      // Another board's coordinator cannot add measures to this board's reply.
      await refused(() => skarholmen.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'x', dueOn: '2099-01-01' }), [403, 404]);
    });

    it('only the board’s coordinator follows up its measures', async () => {
      const {
        recommendationIds: [recId],
      } = await repliedReport2019();
      const { id: m1 } = await auditMeasure(eav, recId, eavBoard, { title: 'Förskolans personal genomför grundutbildningen', dueOn: '2099-12-31' });
      await refused(() => skarholmen.patch(`/api/audit-measures/${m1}`, { status: 'ongoing' }), [403, 404]);
      await refused(() => revisor.patch(`/api/audit-measures/${m1}`, { status: 'ongoing' }), 403);
      await refused(() => politiker.patch(`/api/audit-measures/${m1}`, { status: 'ongoing' }), 403);
    });

    it('a linked activity’s tertial report feeds the measure; a later update of the measure wins again', async () => {
      const {
        id: reportId,
        recommendationIds: [recId],
      } = await repliedReport2019();
      const plan2026 = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', eavBoard).where('year', '=', 2026).where('status', '=', 'approved').executeTakeFirstOrThrow();
      const act = await t.database.db.selectFrom('plan_activity').select('id').where('plan_id', '=', plan2026.id).where('deleted_at', 'is', null).orderBy('position').limit(1).executeTakeFirstOrThrow();
      const m = await eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'Följs i planen 2026', dueOn: '2099-12-31', activityId: act.id });
      expect(m.statusCode).toBe(201);
      const report = await eav.post(`/api/activities/${act.id}/follow-ups`, { period: `${new Date().getFullYear()}-VB`, status: 'done', comment: 'Genomförd under året.' });
      expect(report.statusCode, report.body).toBe(201);
      const fed = replyOf((await eav.get(`/api/audit-reports/${reportId}`)).json(), recId, eavBoard).measures.find((x: Json) => x.id === m.json().id);
      expect(fed).toMatchObject({ status: 'done', statusSource: 'activity', activity: { latestFollowUp: { status: 'done' } } });
      const back = await eav.patch(`/api/audit-measures/${m.json().id}`, { status: 'ongoing', comment: 'Uppföljningen visar att fler behöver gå utbildningen.' });
      expect(back.json()).toMatchObject({ status: 'ongoing', statusSource: 'measure' });
    });

    it('a measure may wait for another board’s own measure; the wait ends when that one is done', async () => {
      const {
        id: reportId,
        recommendationIds: [recId],
      } = await repliedReport2019();
      const ksRec = (await revisor.get(`/api/audit-reports/${reportId}`)).json().recommendations.find((c: Json) => c.boardIds.includes(ksBoard)).id;
      const admin = await t.login('admin@stockholm.example');
      await admin.post('/api/users', { email: 'ks.samordnare@stockholm.example', name: 'Kim Kommunstyrelsen', password: 'ett-langt-demo-losenord', roles: [{ role: 'local_coordinator', boardId: ksBoard }] });
      const ks = await t.login('ks.samordnare@stockholm.example', 'ett-langt-demo-losenord');
      const guidance = await ks.post(`/api/recommendations/${ksRec}/replies/${ksBoard}/measures`, { title: 'Vägledning för samverkan med civilsamhället', dueOn: '2020-12-31' });
      expect(guidance.statusCode, guidance.body).toBe(201);
      const waiting = await eav.post(`/api/recommendations/${recId}/replies/${eavBoard}/measures`, { title: 'Lokal strategi för samverkan', dueOn: '2020-06-30', waitingForMeasureId: guidance.json().id });
      expect(waiting.json()).toMatchObject({ waiting: true, overdue: false, waitingForMeasure: { boardName: 'Kommunstyrelsen', status: 'planned' } });
      await ks.patch(`/api/audit-measures/${guidance.json().id}`, { status: 'done' });
      const after = replyOf((await eav.get(`/api/audit-reports/${reportId}`)).json(), recId, eavBoard).measures.find((x: Json) => x.id === waiting.json().id);
      expect(after).toMatchObject({ waiting: false, overdue: true, waitingForMeasure: { status: 'done' } });
      // One late measure makes the board's reply overdue.
      expect(replyOf((await central.get(`/api/audit-reports/${reportId}`)).json(), recId, eavBoard).overdue).toBe(true);
    });
  });

  describe('overdue replies and the follow-up audit', () => {
    it('an unanswered reply past its date is overdue, and counted on the start-page summary', async () => {
      const r = await revisor.post('/api/audit-reports', { title: 'Uppföljning', issuedOn: '2020-01-10', replyDue: '2020-02-01' });
      await revisor.post(`/api/audit-reports/${r.json().id}/recommendations`, { text: 'Följ upp planen.', boardIds: [skhBoard] });
      const report = (await revisor.get(`/api/audit-reports/${r.json().id}`)).json();
      expect(report.recommendations.flatMap((c: Json) => c.replies.map((x: Json) => [x.status, x.overdue]))).toEqual([['awaiting_reply', true]]);
      const summary = (await skarholmen.get('/api/audit-reports/summary')).json();
      expect(summary.tally.overdue).toBeGreaterThanOrEqual(1);
      expect(summary.boards).toEqual([expect.objectContaining({ boardId: skhBoard, overdue: expect.any(Number) })]);
      expect((await central.get('/api/audit-reports/summary')).json().boards.map((b: Json) => b.boardId)).toContain(skhBoard);
    });

    it('the auditor records assessments per board; the history stays and the latest is last', async () => {
      const {
        id: reportId,
        recommendationIds: [recId],
      } = await repliedReport2019();
      const first = await revisor.post(`/api/recommendations/${recId}/assessments`, { boardId: eavBoard, result: 'partly', comment: 'Förskolan klar, äldreomsorgen återstår.', assessedOn: '2021-01-15' });
      expect(first.statusCode, first.body).toBe(201);
      await revisor.post(`/api/recommendations/${recId}/assessments`, { boardId: eavBoard, result: 'addressed', assessedOn: '2021-06-15' });
      const reply = replyOf((await eav.get(`/api/audit-reports/${reportId}`)).json(), recId, eavBoard);
      expect(reply.assessments.map((a: Json) => [a.result, a.assessedOn, a.assessorName])).toEqual([
        ['partly', '2021-01-15', 'Rut Revisor'],
        ['addressed', '2021-06-15', 'Rut Revisor'],
      ]);
      await refused(() => eav.post(`/api/recommendations/${recId}/assessments`, { boardId: eavBoard, result: 'addressed' }), 403);
      await refused(() => central.post(`/api/recommendations/${recId}/assessments`, { boardId: eavBoard, result: 'addressed' }), 403);
      await refused(() => revisor.post(`/api/recommendations/${recId}/assessments`, { boardId: ksBoard, result: 'addressed' }), 404);
    });
  });

  describe('the reply as a Word memo', () => {
    it('is a DOCX for the board’s readers, named after the report and board; not for a board the report does not address', async () => {
      const { id: reportId } = await repliedReport2019();
      const res = await eav.get(`/api/audit-reports/${reportId}/replies/${eavBoard}/document`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toBe('attachment; filename="yttrande-2-2019-enskede-arsta-vantor.docx"');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await politiker.get(`/api/audit-reports/${reportId}/replies/${eavBoard}/document`)).statusCode).toBe(200);
      expect((await skarholmen.get(`/api/audit-reports/${reportId}/replies/${eavBoard}/document`)).statusCode).toBe(404);
      const farsta = await t.boardId('Farsta');
      expect((await revisor.get(`/api/audit-reports/${reportId}/replies/${farsta}/document`)).statusCode).toBe(404);
      expect((await enhetschef.get(`/api/audit-reports/${reportId}/replies/${eavBoard}/document`)).statusCode).toBe(403);
    });
  });

  describe('reports carry an audits section', () => {
    it('the board report lists the board’s replies and measures; the city report every board’s', async () => {
      const { id: reportId } = await repliedReport2019();
      const board = await eav.get(`/api/reports/boards/${eavBoard}?year=2026&format=json`);
      expect(board.statusCode, board.body).toBe(200);
      const audits = board.json().audits;
      expect(audits.available).toBe(true);
      const row = audits.replies.find((r: Json) => r.reportId === reportId && r.boardId === eavBoard);
      expect(row).toMatchObject({ reportNumber: '2/2019', boardName: 'Enskede-Årsta-Vantör', measures: expect.any(Number) });
      expect(audits.replies.every((r: Json) => r.boardId === eavBoard)).toBe(true);
      const city = await central.get('/api/reports/city?year=2026&format=json');
      const boards = new Set(city.json().audits.replies.map((r: Json) => r.boardId));
      expect([...boards]).toEqual(expect.arrayContaining([eavBoard, skhBoard, ksBoard]));
    });

    it('the board report’s PDF has the section with the replies’ status and the measures', async () => {
      const {
        recommendationIds: [recId],
      } = await repliedReport2019();
      await measuresInProgress(recId);
      const res = await eav.get(`/api/reports/boards/${eavBoard}?year=2026&format=pdf`);
      expect(res.statusCode).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), 'varna-audits-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), res.rawPayload);
        const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        for (const words of ['Revision', 'Rekommendationer och svar', 'Åtgärder pågår', 'Förskolans personal genomför grundutbildningen', 'Väntar på: Kommunstyrelsens vägledning']) {
          expect(text).toContain(words);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
