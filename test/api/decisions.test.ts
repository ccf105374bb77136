import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { uploader } from '../helpers/upload.js';

/**
 * Issue 14: the board's decision as it happens, and revising an approved plan during the year.
 * Each suite builds its own board, coordinator and board member, so no test leans on demo plans.
 */
const YEAR = 2026;
const PASSWORD = 'varna-demo-losenord';
// Tens of thousands of characters, with line breaks and paragraphs: a reservation as parties write them.
const LONG = Array.from({ length: 400 }, (_, i) => `${i + 1}. Handlingsplanen ska tydligare beskriva åtgärder inom område ${i + 1}.\nDet gäller även samverkan.`).join('\n\n');
const ACTIVITY = { title: 'Samverkan med polisen i LBR', measureArea: 'general', responsible: 'Samordnare', timeline: String(YEAR), followUp: 'Tertial' };

describe.each(await testDatabaseKinds())('[PLANS] board decisions and revision on %s', (kind) => {
  let t: TestApp;
  let board: string;
  let lc: Client;
  let member: Client;
  let central: Client;
  let otherLc: Client;
  let planId: string;
  let activityId: string;
  let lcEmail: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const admin = await t.login('admin@stockholm.example');
    const b = await admin.post('/api/boards', { name: `Beslutsnämnd ${kind}`, kind: 'district_board' });
    expect(b.statusCode).toBe(201);
    board = b.json().id;
    lcEmail = `lc-${kind}@stockholm.example`;
    for (const [email, role] of [
      [lcEmail, 'local_coordinator'],
      [`ledamot-${kind}@stockholm.example`, 'viewer'],
    ]) {
      const u = await admin.post('/api/users', { email, name: `Prov ${role}`, password: PASSWORD, roles: [{ role, boardId: board }] });
      expect(u.statusCode).toBe(201);
    }
    lc = await t.login(lcEmail);
    member = await t.login(`ledamot-${kind}@stockholm.example`);
    central = await t.login('central@stockholm.example');
    otherLc = await t.login('skarholmen@stockholm.example');
    const p = await lc.post('/api/plans', { boardId: board, year: YEAR });
    expect(p.statusCode).toBe(201);
    planId = p.json().id;
    const a = await lc.post(`/api/plans/${planId}/activities`, ACTIVITY);
    expect(a.statusCode).toBe(201);
    activityId = a.json().id;
  }, 600_000);
  afterAll(() => t?.close());

  const status = async (id: string) => (await lc.get(`/api/plans/${id}`)).json().status;

  it('a motion to send the plan back, adopted by the board, keeps the plan a draft with the record on it', async () => {
    const res = await lc.post(`/api/plans/${planId}/decisions`, {
      meetingOn: `${YEAR}-03-16`,
      paragraph: '§ 11',
      caseNumber: `PRV ${YEAR}/101`,
      outcome: 'sent_back',
      proposals: [{ by: 'Liberalerna', text: 'Ärendet återremitteras för komplettering med samverkan med bostadsbolagen.', result: 'adopted' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'sent_back', paragraph: '§ 11', caseNumber: `PRV ${YEAR}/101`, proposals: [{ by: 'Liberalerna', result: 'adopted' }] });
    expect(await status(planId)).toBe('draft');
  });

  it('refuses a meeting in the future and a paragraph without a number, naming the fields, and writes nothing', async () => {
    const res = await lc.post(`/api/plans/${planId}/decisions`, { meetingOn: `${YEAR + 1}-01-10`, paragraph: 'paragraf', outcome: 'adopted' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['meetingOn', 'paragraph']);
    expect((await lc.get(`/api/plans/${planId}/decisions`)).json()).toHaveLength(1);
    expect(await status(planId)).toBe('draft');
  });

  it('only the board’s local coordinator records: another board’s gets 404, the central coordinator and the board’s members 403', async () => {
    const body = { meetingOn: `${YEAR}-04-20`, paragraph: '§ 1', outcome: 'adopted' };
    expect((await otherLc.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(404);
    expect((await central.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(403);
    expect((await member.post(`/api/plans/${planId}/decisions`, body)).statusCode).toBe(403);
    expect(await status(planId)).toBe('draft');
  });

  it('adopting with a rejected proposal, two long reservations and the protocol extract moves the plan to board_decided; members read every character', async () => {
    const file = await (await uploader(t, lcEmail)).upload('/api/attachments', tinyPdf('Protokollsutdrag § 8'), 'protokollsutdrag.pdf');
    expect(file.statusCode).toBe(201);
    const res = await lc.post(`/api/plans/${planId}/decisions`, {
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
      attachmentIds: [file.json().id],
    });
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
    const extract = await (await uploader(t, `ledamot-${kind}@stockholm.example`)).get(`/api/attachments/${adopted.attachments[0].id}`);
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
    const docx = await (await uploader(t, `ledamot-${kind}@stockholm.example`)).get(`/api/plans/${planId}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const report = await member.get(`/api/reports/boards/${board}?year=${YEAR}&format=json`);
    expect(report.statusCode).toBe(200);
    const items = report.json().decisions.items;
    expect(items.map((d: { paragraph: string; outcome: string }) => `${d.paragraph} ${d.outcome}`)).toEqual(['§ 11 sent_back', '§ 8 adopted']);
    expect(items[1].reservations.map((r: { party: string }) => r.party)).toEqual(['Moderaterna', 'Liberalerna']);
    expect(items[1].reservations[0].text).toBe(LONG);
  });

  it('the city board approves with its own date and paragraph', async () => {
    expect((await lc.post(`/api/plans/${planId}/transitions`, { to: 'submitted' })).statusCode).toBe(200);
    expect((await central.post(`/api/plans/${planId}/transitions`, { to: 'in_review' })).statusCode).toBe(200);
    const future = await central.post(`/api/plans/${planId}/transitions`, { to: 'approved', decidedOn: `${YEAR + 1}-01-01`, paragraph: '§ 3' });
    expect(future.statusCode).toBe(422);
    const res = await central.post(`/api/plans/${planId}/transitions`, { to: 'approved', decidedOn: `${YEAR}-05-27`, paragraph: '§ 17' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedOn: `${YEAR}-05-27`, approvedParagraph: '§ 17', decidedOn: `${YEAR}-04-20` });
  });

  let revisionId: string;
  let revisedActivityId: string;
  let followUpId: string;

  it('a revision is a new draft of the same board and year; the approved plan stays in force and follow-up reports on it', async () => {
    const report = await lc.post(`/api/activities/${activityId}/follow-ups`, { period: `${YEAR}-T1`, status: 'ongoing', comment: 'Två möten hållna.' });
    expect(report.statusCode).toBe(201);
    followUpId = report.json().id;

    expect((await member.post(`/api/plans/${planId}/revisions`, { reason: 'Direktiv' })).statusCode).toBe(403);
    expect((await lc.post(`/api/plans/${planId}/revisions`, {})).statusCode).toBe(400);
    const res = await lc.post(`/api/plans/${planId}/revisions`, { reason: 'Kommunstyrelsens direktiv om reviderade handlingsplaner' });
    expect(res.statusCode).toBe(201);
    const revision = res.json();
    expect(revision).toMatchObject({ status: 'draft', revisionOf: planId, boardId: board, year: YEAR, revisionReason: 'Kommunstyrelsens direktiv om reviderade handlingsplaner' });
    revisionId = revision.id;
    revisedActivityId = revision.activities[0].id;
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
    expect((await lc.post(`/api/plans/${revisionId}/activities`, { ...ACTIVITY, title: 'Dialog med bostadsbolagen', measureArea: 'targeted' })).statusCode).toBe(201);
    const diff = (await central.get(`/api/plans/compare?from=${planId}&to=${revisionId}`)).json();
    expect(diff.added.map((a: { title: string }) => a.title)).toEqual(['Dialog med bostadsbolagen']);
    expect(diff.removed).toEqual([]);
  });

  it('approving the revision supersedes the plan and moves follow-up to its activities, history included', async () => {
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
    const res = await lc.post(`/api/plans/${revisionId}/next-year`, {});
    expect(res.statusCode, res.body).toBe(201);
    const statuses = Object.fromEntries(res.json().activities.map((a: { title: string; previousYearFinalStatus: string | null }) => [a.title, a.previousYearFinalStatus]));
    // The carried-over activity was reported in T1, T2 and VB (done); the new one never.
    expect(statuses).toEqual({ [ACTIVITY.title]: 'done', 'Dialog med bostadsbolagen': null });
  });

  it('every write is in the audit log, without the texts', async () => {
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
