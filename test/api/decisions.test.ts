import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { boardWithPeople, draftPlan, expectStatus, movePlan } from '../helpers/factories.js';
import { uploader } from '../helpers/upload.js';

/**
 * Issue 14: the board's decision as it happens, and revising an approved plan during the year.
 * Each test builds its own board, coordinator and board member, and brings the board's plan as far
 * along as the test starts (`boardAt`), so no test leans on demo plans or on another test.
 */
const YEAR = 2026;
// Tens of thousands of characters, with line breaks and paragraphs: a reservation as parties write them.
const LONG = Array.from({ length: 400 }, (_, i) => `${i + 1}. Handlingsplanen ska tydligare beskriva åtgärder inom område ${i + 1}.\nDet gäller även samverkan.`).join('\n\n');
const ACTIVITY = { title: 'Samverkan med polisen i LBR', measureArea: 'general', responsible: 'Samordnare', timeline: String(YEAR), followUp: 'Tertial' };
const SENT_BACK = {
  meetingOn: `${YEAR}-03-16`,
  paragraph: '§ 11',
  caseNumber: `PRV ${YEAR}/101`,
  outcome: 'sent_back',
  proposals: [{ by: 'Liberalerna', text: 'Ärendet återremitteras för komplettering med samverkan med bostadsbolagen.', result: 'adopted' }],
};
const ADOPTED = {
  meetingOn: `${YEAR}-04-20`,
  paragraph: '§ 8',
  caseNumber: `PRV ${YEAR}/101`,
  outcome: 'adopted',
  proposals: [
    { by: 'Förvaltningen', text: 'Nämnden godkänner handlingsplanen.', result: 'adopted' },
    { by: 'Moderaterna', text: LONG, result: 'rejected' },
  ],
  reservations: [
    { party: 'Moderaterna', text: LONG },
    { party: 'Liberalerna', text: `${LONG}\n\nAhmed Hassan, 19811218-9876, delade vår uppfattning.`, kind: 'statement' },
  ],
};

type Step = 'draft' | 'sent_back' | 'adopted' | 'approved' | 'revised' | 'revision_extended' | 'revision_approved';
const STEPS: Step[] = ['draft', 'sent_back', 'adopted', 'approved', 'revised', 'revision_extended', 'revision_approved'];

describe.each(await testDatabaseKinds())('[PLANS] board decisions and revision on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let otherLc: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
    otherLc = await t.login('skarholmen@stockholm.example');
  }, 600_000);
  afterAll(() => t?.close());

  const status = async (id: string) => (await central.get(`/api/plans/${id}`)).json().status;

  /**
   * A new board with its local coordinator (`lc`) and a board member (`member`, a viewer), whose
   * plan of YEAR with one activity has gone through the steps up to `step`, as the tests before
   * in this file take it: sent back by the board (§ 11), adopted with reservations and the
   * protocol extract (§ 8), approved by the city board (§ 17), revised during the year with a T1
   * and a T2 report, the revision given a second activity, and the revision adopted, approved and
   * its carried-over activity reported done for the year.
   */
  async function boardAt(step: Step) {
    const reached = (s: Step) => STEPS.indexOf(step) >= STEPS.indexOf(s);
    const b = await boardWithPeople(t, { people: { lc: 'local_coordinator', member: 'viewer' } });
    const { lc, member } = b.clients;
    const plan = await draftPlan(t, { as: lc, boardId: b.boardId, year: YEAR, activities: [ACTIVITY] });
    const w = {
      board: b.boardId,
      lc,
      member,
      lcEmail: b.emails.lc,
      memberEmail: b.emails.member,
      planId: plan.id,
      activityId: plan.activityIds[0],
      revisionId: '',
      revisedActivityId: '',
      followUpId: '',
    };
    const decide = async (planId: string, body: object) => expectStatus(await lc.post(`/api/plans/${planId}/decisions`, body), 201, 'record decision');
    const report = async (activityId: string, body: object) => expectStatus(await lc.post(`/api/activities/${activityId}/follow-ups`, body), 201, 'report follow-up');
    if (reached('sent_back')) await decide(w.planId, SENT_BACK);
    if (reached('adopted')) {
      const file = expectStatus(await (await uploader(t, w.lcEmail)).upload('/api/attachments', tinyPdf('Protokollsutdrag § 8'), 'protokollsutdrag.pdf'), 201, 'upload');
      await decide(w.planId, { ...ADOPTED, attachmentIds: [file.id] });
    }
    if (reached('approved')) {
      await movePlan(lc, w.planId, { to: 'submitted' });
      await movePlan(central, w.planId, { to: 'in_review' });
      await movePlan(central, w.planId, { to: 'approved', decidedOn: `${YEAR}-05-27`, paragraph: '§ 17' });
    }
    if (reached('revised')) {
      w.followUpId = (await report(w.activityId, { period: `${YEAR}-T1`, status: 'ongoing', comment: 'Två möten hållna.' })).id;
      const revision = expectStatus(await lc.post(`/api/plans/${w.planId}/revisions`, { reason: 'Kommunstyrelsens direktiv om reviderade handlingsplaner' }), 201, 'revise');
      w.revisionId = revision.id;
      w.revisedActivityId = revision.activities[0].id;
      await report(w.activityId, { period: `${YEAR}-T2`, status: 'ongoing' });
    }
    if (reached('revision_extended')) {
      expectStatus(await lc.post(`/api/plans/${w.revisionId}/activities`, { ...ACTIVITY, title: 'Dialog med bostadsbolagen', measureArea: 'targeted' }), 201, 'add activity');
    }
    if (reached('revision_approved')) {
      await decide(w.revisionId, { meetingOn: `${YEAR}-09-21`, paragraph: '§ 4', outcome: 'adopted' });
      await movePlan(lc, w.revisionId, { to: 'submitted' });
      await movePlan(central, w.revisionId, { to: 'in_review' });
      await movePlan(central, w.revisionId, { to: 'approved' });
      await report(w.revisedActivityId, { period: `${YEAR}-VB`, status: 'done' });
    }
    return w;
  }

  it('a motion to send the plan back, adopted by the board, keeps the plan a draft with the record on it', async () => {
    const { planId, lc } = await boardAt('draft');
    const res = await lc.post(`/api/plans/${planId}/decisions`, SENT_BACK);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'sent_back', paragraph: '§ 11', caseNumber: `PRV ${YEAR}/101`, proposals: [{ by: 'Liberalerna', result: 'adopted' }] });
    expect(await status(planId)).toBe('draft');
  });

  it('refuses a meeting in the future and a paragraph without a number, naming the fields, and writes nothing', async () => {
    const { planId, lc } = await boardAt('sent_back');
    const res = await lc.post(`/api/plans/${planId}/decisions`, { meetingOn: `${YEAR + 1}-01-10`, paragraph: 'paragraf', outcome: 'adopted' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['meetingOn', 'paragraph']);
    expect((await lc.get(`/api/plans/${planId}/decisions`)).json()).toHaveLength(1);
    expect(await status(planId)).toBe('draft');
  });

  it('only the board’s local coordinator records: another board’s gets 404, the central coordinator and the board’s members 403', async () => {
    const { planId, member } = await boardAt('sent_back');
    const body = { meetingOn: `${YEAR}-04-20`, paragraph: '§ 1', outcome: 'adopted' };
    expect((await otherLc.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(404);
    expect((await central.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(403);
    expect((await member.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(403);
    expect(await status(planId)).toBe('draft');
  });

  it('adopting with a rejected proposal, two long reservations and the protocol extract moves the plan to board_decided; members read every character', async () => {
    const { planId, lc, member, lcEmail, memberEmail } = await boardAt('sent_back');
    const file = await (await uploader(t, lcEmail)).upload('/api/attachments', tinyPdf('Protokollsutdrag § 8'), 'protokollsutdrag.pdf');
    expect(file.statusCode).toBe(201);
    const res = await lc.post(`/api/plans/${planId}/decisions`, { ...ADOPTED, attachmentIds: [file.json().id] });
    // Public political records are not run through the personal-data guard: kept as written.
    expect(res.statusCode).toBe(201);
    const plan = (await lc.get(`/api/plans/${planId}`)).json();
    expect(plan).toMatchObject({ status: 'board_decided', decidedOn: `${YEAR}-04-20`, paragraph: '§ 8' });

    const read = await member.get(`/api/plans/${planId}/decisions`);
    expect(read.statusCode).toBe(200);
    const decisions = read.json();
    expect(decisions.map((d: { outcome: string }) => d.outcome)).toEqual(['sent_back', 'adopted']);
    const adopted = decisions[1];
    expect(adopted.proposals[1]).toEqual({ by: 'Moderaterna', text: LONG, result: 'rejected' });
    expect(adopted.reservations[0]).toEqual({ party: 'Moderaterna', text: LONG, kind: 'reservation' });
    expect(adopted.reservations[1].text).toHaveLength(LONG.length + '\n\nAhmed Hassan, 19811218-9876, delade vår uppfattning.'.length);
    expect(adopted.reservations[1].kind).toBe('statement');
    expect(LONG.length).toBeGreaterThan(20_000);
    expect(adopted.attachments.map((a: { name: string }) => a.name)).toEqual(['protokollsutdrag.pdf']);
    // The member reads the protocol extract through the decision.
    const extract = await (await uploader(t, memberEmail)).get(`/api/attachments/${adopted.attachments[0].id}`);
    expect(extract.statusCode).toBe(200);
    // A board that has adopted its plan cannot record another adoption before the plan is a draft again.
    const again = await lc.post(`/api/plans/${planId}/decisions`, { meetingOn: `${YEAR}-04-21`, paragraph: '§ 9', outcome: 'adopted' });
    expect(again.statusCode).toBe(409);
    // Another board's coordinator cannot read them.
    expect((await otherLc.get(`/api/plans/${planId}/decisions`)).statusCode).toBe(404);
    // The plan page carries the history for the timeline.
    expect((await member.get(`/api/plans/${planId}`)).json().decisions).toHaveLength(2);
  });

  it('the plan document and the board report show the decision history', async () => {
    const { planId, member, memberEmail, board } = await boardAt('adopted');
    const docx = await (await uploader(t, memberEmail)).get(`/api/plans/${planId}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const report = await member.get(`/api/reports/boards/${board}?year=${YEAR}&format=json`);
    expect(report.statusCode).toBe(200);
    const items = report.json().decisions.items;
    expect(items.map((d: { paragraph: string; outcome: string }) => `${d.paragraph} ${d.outcome}`)).toEqual(['§ 11 sent_back', '§ 8 adopted']);
    expect(items[1].reservations.map((r: { party: string }) => r.party)).toEqual(['Moderaterna', 'Liberalerna']);
    expect(items[1].reservations[0].text).toBe(LONG);
  });

  it('the city board approves with its own date and paragraph', async () => {
    const { planId, lc } = await boardAt('adopted');
    expect((await lc.post(`/api/plans/${planId}/transitions`, { to: 'submitted' })).statusCode).toBe(200);
    expect((await central.post(`/api/plans/${planId}/transitions`, { to: 'in_review' })).statusCode).toBe(200);
    const future = await central.post(`/api/plans/${planId}/transitions`, { to: 'approved', decidedOn: `${YEAR + 1}-01-01`, paragraph: '§ 3' });
    expect(future.statusCode).toBe(422);
    const res = await central.post(`/api/plans/${planId}/transitions`, { to: 'approved', decidedOn: `${YEAR}-05-27`, paragraph: '§ 17' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedOn: `${YEAR}-05-27`, approvedParagraph: '§ 17', decidedOn: `${YEAR}-04-20` });
  });

  it('a revision is a new draft of the same board and year; the approved plan stays in force and follow-up reports on it', async () => {
    const { planId, lc, member, board, activityId } = await boardAt('approved');
    const report = await lc.post(`/api/activities/${activityId}/follow-ups`, { period: `${YEAR}-T1`, status: 'ongoing', comment: 'Två möten hållna.' });
    expect(report.statusCode).toBe(201);
    const followUpId = report.json().id;

    expect((await member.post(`/api/plans/${planId}/revisions`, { reason: 'Direktiv' })).statusCode).toBe(403);
    expect((await lc.post(`/api/plans/${planId}/revisions`, {})).statusCode).toBe(400);
    const res = await lc.post(`/api/plans/${planId}/revisions`, { reason: 'Kommunstyrelsens direktiv om reviderade handlingsplaner' });
    expect(res.statusCode).toBe(201);
    const revision = res.json();
    expect(revision).toMatchObject({ status: 'draft', revisionOf: planId, boardId: board, year: YEAR, revisionReason: 'Kommunstyrelsens direktiv om reviderade handlingsplaner' });
    const revisionId = revision.id;
    const revisedActivityId = revision.activities[0].id;
    expect(revision.activities[0]).toMatchObject({ title: ACTIVITY.title, revisedFromActivityId: activityId });
    expect(revision.decisions).toEqual([]);

    // One revision at a time; the approved plan is unchanged and still reported on.
    expect((await lc.post(`/api/plans/${planId}/revisions`, { reason: 'En till' })).statusCode).toBe(409);
    const original = (await lc.get(`/api/plans/${planId}`)).json();
    expect(original).toMatchObject({ status: 'approved', openRevisionId: revisionId, canRevise: false });
    const t2 = await lc.post(`/api/activities/${activityId}/follow-ups`, { period: `${YEAR}-T2`, status: 'ongoing' });
    expect(t2.statusCode).toBe(201);
    // Nothing is reported on the revision's copy while it is a draft.
    expect((await lc.post(`/api/activities/${revisedActivityId}/follow-ups`, { period: `${YEAR}-T2`, status: 'ongoing' })).statusCode).toBe(409);

    const list = (await lc.get(`/api/plans?boardId=${board}&year=${YEAR}`)).json();
    expect(list.map((p: { id: string; status: string }) => p.status).sort()).toEqual(['approved', 'draft']);
  });

  it('the reviewer sees the difference against the approved version', async () => {
    const { planId, lc, revisionId } = await boardAt('revised');
    expect((await lc.post(`/api/plans/${revisionId}/activities`, { ...ACTIVITY, title: 'Dialog med bostadsbolagen', measureArea: 'targeted' })).statusCode).toBe(201);
    const diff = (await central.get(`/api/plans/compare?from=${planId}&to=${revisionId}`)).json();
    expect(diff.added.map((a: { title: string }) => a.title)).toEqual(['Dialog med bostadsbolagen']);
    expect(diff.removed).toEqual([]);
  });

  it('approving the revision supersedes the plan and moves follow-up to its activities, history included', async () => {
    const { planId, lc, member, activityId, revisionId, revisedActivityId, followUpId } = await boardAt('revision_extended');
    expect((await lc.post(`/api/plans/${revisionId}/decisions`, { meetingOn: `${YEAR}-09-21`, paragraph: '§ 4', outcome: 'adopted' })).statusCode).toBe(201);
    for (const [who, to] of [
      [lc, 'submitted'],
      [central, 'in_review'],
      [central, 'approved'],
    ] as const) {
      const r = await who.post(`/api/plans/${revisionId}/transitions`, { to });
      expect(r.statusCode, `${to}: ${r.body}`).toBe(200);
    }
    expect(await status(planId)).toBe('superseded');
    expect(await status(revisionId)).toBe('approved');
    const old = (await member.get(`/api/plans/${planId}`)).json();
    expect(old).toMatchObject({ supersededById: revisionId, canRevise: false });
    expect(old.timeline.at(-1)).toMatchObject({ from: 'approved', to: 'superseded' });

    // The carried-over activity keeps its history: both reports are now on the revision's activity.
    const history = await lc.get(`/api/activities/${revisedActivityId}/follow-ups`);
    expect(history.statusCode).toBe(200);
    const periods = (history.json() as { id: string; period: string }[]).map((f) => f.period).sort();
    expect(periods).toEqual([`${YEAR}-T1`, `${YEAR}-T2`]);
    expect((history.json() as { id: string }[]).some((f) => f.id === followUpId)).toBe(true);
    // Follow-up now goes to the revision's activities, not the superseded plan's.
    expect((await lc.post(`/api/activities/${revisedActivityId}/follow-ups`, { period: `${YEAR}-VB`, status: 'done' })).statusCode).toBe(201);
    expect((await lc.post(`/api/activities/${activityId}/follow-ups`, { period: `${YEAR}-VB`, status: 'done' })).statusCode).toBe(409);
    // The superseded plan cannot be revised or decided on again.
    expect((await lc.post(`/api/plans/${planId}/revisions`, { reason: 'Igen' })).statusCode).toBe(409);
    expect((await lc.post(`/api/plans/${planId}/decisions`, { meetingOn: `${YEAR}-10-01`, paragraph: '§ 2', outcome: 'adopted' })).statusCode).toBe(409);
  });

  it('next year’s plan starts with each activity’s latest reported status', async () => {
    const { lc, revisionId } = await boardAt('revision_approved');
    const res = await lc.post(`/api/plans/${revisionId}/next-year`, {});
    expect(res.statusCode, res.body).toBe(201);
    const statuses = Object.fromEntries(res.json().activities.map((a: { title: string; previousYearFinalStatus: string | null }) => [a.title, a.previousYearFinalStatus]));
    // The carried-over activity was reported in T1, T2 and VB (done); the new one never.
    expect(statuses).toEqual({ [ACTIVITY.title]: 'done', 'Dialog med bostadsbolagen': null });
  });

  it('every write is in the audit log, without the texts', async () => {
    const { board } = await boardAt('revision_approved');
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', 'in', ['plans.decisions.create', 'plans.revise', 'followup.moved_to_revision'])
      .where('board_id', '=', board)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['plans.decisions.create', 'plans.decisions.create', 'plans.revise', 'plans.decisions.create', 'followup.moved_to_revision']);
    expect(JSON.stringify(rows)).not.toContain('Handlingsplanen ska tydligare');
  });
});
