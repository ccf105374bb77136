import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../src/domain/calendar.js';
import { runReminders } from '../../src/modules/notifications/reminders.service.js';
import { createDigests } from '../../src/modules/notifications/digest.service.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { auditMeasure, auditReport, boardWithPeople, concernReport, survey, expectStatus, planAt, type BoardWithPeople, type PlanRef } from '../helpers/factories.js';

/**
 * Reminders and in-app notifications (issue #17) through the real server and database: who gets
 * which reminder, once only, what the user sees and marks read, and the e-mail choices. E-mail over
 * SMTP and the job queue are in test/process/notifications-email.test.ts.
 */
const ACTIVITY = (title: string) => ({ title, measureArea: 'general', responsible: 'Enhetschef fritid', timeline: '2026', followUp: 'Tertial' });
const MAIL = { smtpUrl: 'smtp://127.0.0.1:9', from: 'varna@stockholm.example', publicUrl: 'https://varna.stockholm.example' };
/** 10:00 Swedish time on 10 September 2026: five days before the T2 deadline (15 September). */
const BEFORE_T2 = new Date('2026-09-10T08:00:00Z');

describe.each(await testDatabaseKinds())('[NOTIFICATIONS] reminders and notifications on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let eav: Client;
  let board: BoardWithPeople;
  let plan: PlanRef;

  const userId = async (email: string) => (await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const notificationsOf = async (email: string) =>
    t.database.db.selectFrom('notification').selectAll().where('user_id', '=', await userId(email)).orderBy('created_at').orderBy('kind').execute();
  const ofKind = async (email: string, k: string) => (await notificationsOf(email)).filter((n) => n.kind === k);

  beforeAll(async () => {
    t = await startTestApp(kind);
    [central, eav] = await Promise.all([t.login('central@stockholm.example'), t.login('eav@stockholm.example')]);
    board = await boardWithPeople(t, { people: { lc: 'local_coordinator', cb: 'contributor', cb2: 'contributor', gone: 'contributor' } });
    plan = await planAt(t, {
      as: board.clients.lc,
      central,
      boardId: board.boardId,
      status: 'approved',
      year: 2026,
      activities: [ACTIVITY('Utbildning för fritidsgårdarnas personal'), ACTIVITY('Dialogmöten med föreningslivet'), ACTIVITY('Föräldraträffar om nätet')],
    });
    const [a1, a2, a3] = plan.activityIds;
    const ids = { cb: await userId(board.emails.cb), cb2: await userId(board.emails.cb2), gone: await userId(board.emails.gone) };
    expectStatus(await board.clients.lc.request('PUT', `/api/activities/${a1}/reporters`, { userIds: [ids.cb] }), 200, 'name reporter');
    expectStatus(await board.clients.lc.request('PUT', `/api/activities/${a2}/reporters`, { userIds: [ids.cb, ids.gone] }), 200, 'name reporters');
    expectStatus(await board.clients.lc.request('PUT', `/api/activities/${a3}/reporters`, { userIds: [ids.cb2] }), 200, 'name reporter');
    // cb2 reports on its activity for T2: nothing left to remind them of.
    expectStatus(await board.clients.cb2.post(`/api/activities/${a3}/follow-ups`, { period: '2026-T2', status: 'ongoing' }), 201, 'report T2');
    const admin = await t.login('admin@stockholm.example');
    expectStatus(await admin.patch(`/api/users/${ids.gone}`, { active: false }), 200, 'deactivate');
    await runReminders({ db: t.database.db, now: BEFORE_T2 });
  });
  afterAll(() => t.close());

  describe('follow-up before the deadline', () => {
    it('the named reporter gets one reminder naming each unreported activity, the deadline and a link to their activities', async () => {
      const mine = await ofKind(board.emails.cb, 'followup_due');
      expect(mine).toHaveLength(1);
      expect(mine[0].title).toBe('Tertial 2 (maj–augusti) 2026: 2 insatser att rapportera');
      expect(mine[0].body).toContain('sista dagen är 2026-09-15 (om 5 dagar)');
      expect(mine[0].body).toContain('Utbildning för fritidsgårdarnas personal');
      expect(mine[0].body).toContain('Dialogmöten med föreningslivet');
      expect(mine[0].body).not.toContain('Föräldraträffar');
      expect(mine[0].link).toBe('/uppfoljning/mina?period=2026-T2');
    });

    it('a reporter who has reported gets nothing, and a deactivated account gets nothing', async () => {
      expect(await notificationsOf(board.emails.cb2)).toEqual([]);
      expect(await notificationsOf(board.emails.gone)).toEqual([]);
    });

    it('the board’s coordinator gets the board’s list; another board’s coordinator hears nothing of it', async () => {
      const list = await ofKind(board.emails.lc, 'followup_board');
      expect(list).toHaveLength(1);
      expect(list[0].title).toBe(`${board.name}: 2 rapporter saknas (Tertial 2 (maj–augusti) 2026)`);
      expect(list[0].link).toBe(`/uppfoljning/namnd/${board.boardId}?period=2026-T2`);
      expect((await notificationsOf('eav@stockholm.example')).some((n) => n.board_id === board.boardId || n.body.includes(board.name))).toBe(false);
    });

    it('running the scan again, or twice at once, creates nothing twice', async () => {
      const before = await t.database.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await runReminders({ db: t.database.db, now: BEFORE_T2 });
      await Promise.all([runReminders({ db: t.database.db, now: BEFORE_T2 }), runReminders({ db: t.database.db, now: BEFORE_T2 })]);
      const after = await t.database.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(await ofKind(board.emails.cb, 'followup_due')).toHaveLength(1);
    });

    it('the day after the deadline brings one "late" reminder, and a month later none', async () => {
      await runReminders({ db: t.database.db, now: new Date('2026-09-16T08:00:00Z') });
      const mine = await ofKind(board.emails.cb, 'followup_due');
      expect(mine).toHaveLength(2);
      expect(mine[1].body).toContain('sista dagen 2026-09-15 passerades i går');
      await runReminders({ db: t.database.db, now: new Date('2026-10-20T08:00:00Z') });
      expect(await ofKind(board.emails.cb, 'followup_due')).toHaveLength(2);
    });

    it('the scan is in the audit log as the server’s own work, with counts and no names', async () => {
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'notifications.remind').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry.actor_email).toBe('system:reminders');
      expect(Object.keys(entry.summary as object).sort()).toEqual(['digests', 'emails', 'notifications']);
    });
  });

  it('plans waiting for review reach the central coordinator, once per submission', async () => {
    const submitted = await planAt(t, { as: board.clients.lc, central, boardId: board.boardId, status: 'submitted', activities: [ACTIVITY('Insats')] });
    await runReminders({ db: t.database.db });
    await runReminders({ db: t.database.db });
    const mine = (await ofKind('central@stockholm.example', 'plan_review')).filter((n) => n.link === `/planer/${submitted.id}/granskning`);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe(`${board.name}: planen för ${submitted.year} väntar på granskning`);
    expect(await ofKind(board.emails.lc, 'plan_review')).toEqual([]);
  });

  it('new concern reports: the board’s coordinator gets the count, never what the report says', async () => {
    await concernReport({ as: board.clients.lc, boardId: board.boardId, description: 'Klotter med hakkors vid Rågsveds centrum' });
    await concernReport({ as: board.clients.lc, boardId: board.boardId, description: 'Flygblad vid Tallkrogens bibliotek' });
    await runReminders({ db: t.database.db });
    const mine = await ofKind(board.emails.lc, 'concern_new');
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe(`${board.name}: 2 orosrapporter väntar på bedömning`);
    const all = (await t.database.db.selectFrom('notification').select(['title', 'body']).execute()).map((n) => `${n.title} ${n.body}`).join('\n');
    expect(all).not.toContain('hakkors');
    expect(all).not.toContain('Tallkrogens');
    expect(await ofKind('skarholmen@stockholm.example', 'concern_new').then((ns) => ns.filter((n) => n.board_id === board.boardId))).toEqual([]);
  });

  it('an audit measure due within two weeks and an agreement up for review reach the board’s coordinator, with their dates', async () => {
    const auditor = await t.login('revisor@stockholm.example');
    const inDays = (n: number) => addDays(todayInSweden(), n);
    const report = await auditReport(t, { as: auditor, report: { title: 'Granskning av fritidsgårdarna' }, recommendations: [{ boardIds: [board.boardId] }] });
    await auditMeasure(board.clients.lc, report.recommendationIds[0], board.boardId, { title: 'Utbilda fritidsledarna', dueOn: inDays(10) });
    await auditMeasure(board.clients.lc, report.recommendationIds[0], board.boardId, { title: 'Ta fram rutin', dueOn: inDays(60) });
    const police = expectStatus(await board.clients.lc.post('/api/partners', { name: 'Lokalpolisområde Prov', type: 'police', boardIds: [board.boardId] }), 201, 'partner').id;
    const agreement = expectStatus(
      await board.clients.lc.post('/api/agreements', { title: 'Samverkansöverenskommelse med polisen', boardId: board.boardId, partnerIds: [police], validFrom: '2025-01-01', reviewOn: inDays(30) }),
      201,
      'agreement',
    ).id;
    await runReminders({ db: t.database.db });
    const audits = await ofKind(board.emails.lc, 'audit_due');
    expect(audits.map((n) => n.title)).toEqual([`${board.name}: åtgärden "Utbilda fritidsledarna" ska vara klar snart`]);
    expect(audits[0].body).toBe(`Åtgärd efter Granskning av fritidsgårdarna. Sista dagen är ${inDays(10)} (om 10 dagar).`);
    expect(audits[0].link).toBe(`/revision/${report.id}`);
    const agreements = await ofKind(board.emails.lc, 'agreement_review');
    expect(agreements).toHaveLength(1);
    expect(agreements[0].link).toBe(`/samverkan/overenskommelser/${agreement}`);
    expect(agreements[0].body).toContain(`senast ${inDays(30)} (om 30 dagar)`);
    expect((await ofKind('eav@stockholm.example', 'agreement_review')).filter((n) => n.link.endsWith(agreement))).toEqual([]);
  });

  it('the plan deadline reaches the coordinators of boards whose plan is not submitted; news reaches every coordinator; a survey about to expire its board’s coordinator', async () => {
    const inDays = (n: number) => addDays(todayInSweden(), n);
    const ins = expectStatus(await central.post('/api/plan-instructions', { year: 2031, deadline: inDays(10) }), 201, 'instructions');
    expectStatus(await central.post(`/api/plan-instructions/${ins.id}/publish`, {}), 200, 'publish');
    expectStatus(await central.post('/api/news', { title: 'Nätverksträff i januari', body: 'Välkomna till nätverksträffen för samordnare.' }), 201, 'news');
    const s = await survey(t, { as: board.clients.lc, boardId: board.boardId, title: 'Skolenkät', questions: [{ kind: 'text', text: 'Vad ser ni?' }], recipients: [{ label: 'Skola 1', group: 'school' }] });
    const expires = await t.database.db.selectFrom('survey_recipient').select('expires_at').where('survey_id', '=', s.id).executeTakeFirstOrThrow();
    // Two days before the link expires.
    await runReminders({ db: t.database.db, now: new Date(new Date(expires.expires_at).getTime() - 2 * 86_400_000) });
    await runReminders({ db: t.database.db });

    const deadline = await ofKind(board.emails.lc, 'plan_deadline');
    expect(deadline.map((n) => n.title)).toEqual([`${board.name}: handlingsplanen för 2031 är inte inlämnad`]);
    expect(deadline[0].body).toBe(`Sista dagen för planen enligt årets anvisningar är ${inDays(10)} (om 10 dagar).`);
    expect(await ofKind(board.emails.cb, 'plan_deadline')).toEqual([]);

    for (const coordinator of [board.emails.lc, 'eav@stockholm.example', 'central@stockholm.example']) {
      expect((await ofKind(coordinator, 'news')).map((n) => n.title)).toContain('Nyhet: Nätverksträff i januari');
    }
    expect(await ofKind(board.emails.cb, 'news')).toEqual([]);

    const surveys = await ofKind(board.emails.lc, 'survey_expiring');
    expect(surveys).toHaveLength(1);
    expect(surveys[0].title).toMatch(/^Enkäten "Skolenkät" går ut (i morgon|om 2 dagar)$/);
    expect(surveys[0].body).toBe(`${board.name}: 1 länk är obesvarad. Påminn mottagarna eller stäng enkäten.`);
    expect(await ofKind('eav@stockholm.example', 'survey_expiring').then((ns) => ns.filter((n) => n.board_id === board.boardId))).toEqual([]);
  });

  describe('the user’s own list', () => {
    it('lists my notifications newest first with the unread count; the bell reads the same count', async () => {
      const res = await board.clients.cb.get('/api/notifications');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const mine = await notificationsOf(board.emails.cb);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(body.unread).toBe(mine.length);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([...mine].sort((a, b) => +b.created_at - +a.created_at || a.id.localeCompare(b.id)).map((n) => n.id));
      expect(new Set(body.items.map((i: { kindLabel: string }) => i.kindLabel))).toEqual(new Set(['Uppföljning att rapportera']));
      expect(body.items[0].boardName).toBe(board.name);
      expect((await board.clients.cb.get('/api/notifications/unread')).json()).toEqual({ unread: mine.length });
    });

    it('marks one read (audited); another user’s notification is "not found" and stays unread', async () => {
      const { items, unread } = (await board.clients.cb.get('/api/notifications')).json();
      const first = items[0];
      const foreign = await board.clients.lc.post(`/api/notifications/${first.id}/read`);
      expect(foreign.statusCode).toBe(404);
      expect((await board.clients.cb.get('/api/notifications/unread')).json()).toEqual({ unread });
      const res = await board.clients.cb.post(`/api/notifications/${first.id}/read`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ unread: unread - 1 });
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'notifications.read').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry.entity_id).toBe(first.id);
      expect((await board.clients.cb.get('/api/notifications')).json().items[0].readAt).not.toBeNull();
    });

    it('marks all read', async () => {
      expect((await board.clients.cb.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
      expect((await board.clients.cb.get('/api/notifications')).json().items.every((i: { readAt: string | null }) => i.readAt)).toBe(true);
    });

    it('refuses a malformed id with a Swedish message', async () => {
      const res = await board.clients.cb.post('/api/notifications/inte-ett-id/read');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Ogiltigt id');
    });
  });

  describe('e-mail choices', () => {
    it('start from each kind’s default and say when the installation has no mail server', async () => {
      const res = await board.clients.cb.get('/api/notifications/preferences');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.emailEnabled).toBe(false);
      expect(body.address).toBe(board.emails.cb);
      const mode = (k: string) => body.kinds.find((x: { kind: string }) => x.kind === k).email;
      expect([mode('followup_due'), mode('followup_board'), mode('news')]).toEqual(['immediate', 'daily', 'weekly']);
    });

    it('are saved per kind, the others kept, and the change is audited', async () => {
      const res = await board.clients.cb.request('PUT', '/api/notifications/preferences', { kinds: { followup_due: 'off', news: 'daily' } });
      expect(res.statusCode, res.body).toBe(200);
      const mode = (k: string) => res.json().kinds.find((x: { kind: string }) => x.kind === k).email;
      expect([mode('followup_due'), mode('news'), mode('plan_deadline')]).toEqual(['off', 'daily', 'immediate']);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'notifications.preferences.update').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry.summary).toEqual({ changed: { followup_due: { from: 'immediate', to: 'off' }, news: { from: 'weekly', to: 'daily' } } });
      // Another user's choices are theirs.
      expect((await board.clients.cb2.get('/api/notifications/preferences')).json().kinds.find((x: { kind: string }) => x.kind === 'followup_due').email).toBe('immediate');
    });

    it.each([
      [{ kinds: { followup_due: 'hourly' } }, 'Välj Direkt'],
      [{ kinds: { weather: 'off' } }, ''],
      [{ kinds: {}, extra: 1 }, ''],
      ['{"kinds":', ''],
    ])('refuses %j with a 400 and keeps what was saved', async (body, words) => {
      const res = await board.clients.cb.request('PUT', '/api/notifications/preferences', body, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBeTruthy();
      if (words) expect(res.body).toContain(words);
      expect((await board.clients.cb.get('/api/notifications/preferences')).json().kinds.find((x: { kind: string }) => x.kind === 'followup_due').email).toBe('off');
    });
  });

  describe('e-mail as the user chose', () => {
    it('immediate kinds go to the outbox at once; "off" and demo accounts get none', async () => {
      const before = await t.database.db.selectFrom('email_outbox').selectAll().execute();
      await runReminders({ db: t.database.db, mail: MAIL, now: new Date('2026-09-14T08:00:00Z') });
      // Nothing new is due on the 14th for cb: the "soon" reminder was the 10th. A new board list is.
      const after = await t.database.db.selectFrom('email_outbox').selectAll().execute();
      const fresh = after.filter((r) => !before.some((b) => b.id === r.id));
      expect(fresh.map((r) => r.recipient)).not.toContain(board.emails.cb);
      expect(fresh.some((r) => r.recipient.endsWith('@stockholm.example') && !r.recipient.includes('prov.'))).toBe(false);
    });

    it('a daily digest from 07:00 the next day collects the kinds chosen for it, once', async () => {
      const lcId = await userId(board.emails.lc);
      const pending = await t.database.db.selectFrom('notification').select(['id', 'kind']).where('user_id', '=', lcId).where('outbox_id', 'is', null).execute();
      const daily = pending.filter((n) => n.kind === 'followup_board');
      expect(daily.length).toBeGreaterThan(0);
      const municipalityId = (await t.database.db.selectFrom('app_user').select('municipality_id').where('id', '=', lcId).executeTakeFirstOrThrow()).municipality_id;
      // The Swedish day after today (between 23:00 and midnight UTC Sweden is already a day ahead),
      // at 11:00 or 12:00 Swedish time.
      const tomorrow = new Date(`${addDays(todayInSweden(), 1)}T10:00:00Z`);
      const first = await createDigests(t.database.db, municipalityId, tomorrow, MAIL);
      const again = await createDigests(t.database.db, municipalityId, tomorrow, MAIL);
      expect(again).toEqual([]);
      // When tomorrow is a Monday the weekly digest of the kinds left at their weekly default is due
      // as well: this test is about the daily one.
      const mine = await t.database.db.selectFrom('email_outbox').selectAll().where('id', 'in', first).where('user_id', '=', lcId).where('kind', '=', 'digest_daily').execute();
      expect(mine).toHaveLength(1);
      expect(mine[0].subject).toMatch(/^Värna: daglig sammanfattning, \d+ aviseringar?$/);
      expect(mine[0].text_body).toContain('Nämndens uppföljning');
      expect(mine[0].text_body).toContain('https://varna.stockholm.example/aviseringar/installningar');
      const left = await t.database.db.selectFrom('notification').select('id').where('id', 'in', daily.map((d) => d.id)).where('outbox_id', 'is', null).execute();
      expect(left).toEqual([]);
    });
  });

  it('what was sent is the central coordinator’s to see; others are refused', async () => {
    const res = await central.get('/api/notifications/deliveries');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('failed');
    expect((await eav.get('/api/notifications/deliveries')).statusCode).toBe(403);
    expect((await board.clients.cb.get('/api/notifications/deliveries')).statusCode).toBe(403);
  });

  it('a failed e-mail can be sent again by the central coordinator (audited); an uncertain one cannot, nor can anyone else', async () => {
    const lc = await t.database.db.selectFrom('app_user').select(['id', 'municipality_id', 'email']).where('email', '=', board.emails.lc).executeTakeFirstOrThrow();
    const row = { municipality_id: lc.municipality_id, user_id: lc.id, kind: 'followup_board', recipient: lc.email, subject: 'Värna: rapporter saknas', text_body: 'x', html_body: '<p>x</p>' };
    const rows = await t.database.db
      .insertInto('email_outbox')
      .values([
        { ...row, idempotency_key: 'test:retry-failed', status: 'failed', attempts: 7, last_error: '550 Mailbox unavailable' },
        { ...row, idempotency_key: 'test:retry-uncertain', status: 'uncertain', attempts: 1 },
      ])
      .returning('id')
      .execute();
    const [failed, uncertain] = rows.map((r) => r.id);
    const listed = (await central.get('/api/notifications/deliveries')).json().failed.map((f: { id: string }) => f.id);
    expect(listed).toEqual(expect.arrayContaining([failed, uncertain]));

    expect((await eav.post(`/api/notifications/deliveries/${failed}/retry`)).statusCode).toBe(403);
    expect((await board.clients.cb.post(`/api/notifications/deliveries/${failed}/retry`)).statusCode).toBe(403);
    const refused = await central.post(`/api/notifications/deliveries/${uncertain}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/kan redan ha kommit fram/);
    expect((await central.post('/api/notifications/deliveries/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    expect((await central.post('/api/notifications/deliveries/inte-ett-id/retry')).statusCode).toBe(400);

    const res = await central.post(`/api/notifications/deliveries/${failed}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: failed, status: 'pending' });
    const stored = await t.database.db.selectFrom('email_outbox').select(['status']).where('id', '=', failed).executeTakeFirstOrThrow();
    expect(stored.status).toBe('pending');
    expect((await central.get('/api/notifications/deliveries')).json().failed.map((f: { id: string }) => f.id)).not.toContain(failed);
    const entry = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'notifications.retry').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(failed);
    // Pending again, it is not failed: a second press is refused rather than queued twice.
    expect((await central.post(`/api/notifications/deliveries/${failed}/retry`)).statusCode).toBe(409);
  });
});
