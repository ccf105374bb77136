import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalStatusOf } from '../../src/modules/followup/service.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';

/** A multipart upload of one file in the field `file` (the test client only sends JSON). */
function multipart(text: string, filename: string) {
  const boundary = '----varna' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(text, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(await testDatabaseKinds())('[FOLLOWUP] tertial follow-up on %s', (kind) => {
  let t: TestApp;
  let eav: Client; // local coordinator, Enskede-Årsta-Vantör
  let contributor: Client; // named reporter of two EÅV activities in 2026
  let central: Client;
  let viewer: Client; // Kommunstyrelsen
  let skarholmen: Client; // local coordinator of another board
  let farstaContributor: Client;
  let eavBoard: string;
  let acts2026: { id: string; title: string }[];
  let acts2025: { id: string; title: string }[];

  const count = async (table: 'follow_up' | 'audit_log' | 'board_analysis' | 'context_indicator') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const planActivities = async (year: number) => {
    const plan = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', eavBoard).where('year', '=', year).executeTakeFirstOrThrow();
    return t.database.db.selectFrom('plan_activity').select(['id', 'title']).where('plan_id', '=', plan.id).orderBy('position').execute();
  };
  /** Asserts that the request wrote nothing: no follow-up, no audit entry. */
  async function refused(run: () => Promise<{ statusCode: number; json(): unknown }>, status: number) {
    const before = [await count('follow_up'), await count('audit_log')];
    const res = await run();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    expect([await count('follow_up'), await count('audit_log')]).toEqual(before);
    return res.json() as { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
    [eav, contributor, central, viewer, skarholmen] = await Promise.all(
      ['eav', 'enhetschef', 'central', 'politiker', 'skarholmen'].map((u) => t.login(`${u}@stockholm.example`)),
    );
    const admin = await t.login('admin@stockholm.example');
    const farsta = await t.boardId('Farsta');
    const created = await admin.post('/api/users', {
      email: 'bidrag.farsta@stockholm.example',
      name: 'Bo Bidrag',
      password: 'ett-langt-demo-losenord',
      roles: [{ role: 'contributor', boardId: farsta }],
    });
    expect(created.statusCode).toBe(201);
    farstaContributor = await t.login('bidrag.farsta@stockholm.example', 'ett-langt-demo-losenord');
    acts2026 = await planActivities(2026);
    acts2025 = await planActivities(2025);
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('lists the year’s three periods: 2025 closed by the demo, 2026 open from 1 January', async () => {
      const y25 = (await central.get('/api/followup/periods?year=2025')).json();
      expect(y25.map((p: { period: string; state: string }) => [p.period, p.state])).toEqual([
        ['2025-T1', 'closed'],
        ['2025-T2', 'closed'],
        ['2025-VB', 'closed'],
      ]);
      const y26 = (await contributor.get('/api/followup/periods?year=2026')).json();
      expect(y26.every((p: { state: string; opensOn: string }) => p.state === 'open' && p.opensOn === '2026-01-01')).toBe(true);
    });

    it('gives the contributor their two activities for 2026-T2, reportable, with T1 as the previous report', async () => {
      const res = await contributor.get('/api/followup/my-activities?period=2026-T2');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.period).toMatchObject({ period: '2026-T2', state: 'open' });
      expect(body.activities.map((a: { activityId: string }) => a.activityId)).toEqual([acts2026[0].id, acts2026[2].id]);
      expect(body.activities[0]).toMatchObject({ canReport: true, followUp: null, previous: { period: '2026-T1', status: 'delayed' } });
      expect(body.activities[0].indicators[0]).toMatchObject({ kind: 'output', name: 'Andel medarbetare som genomfört grundutbildningen (%)', target: '50' });
    });

    it('shows the local coordinator’s follow-up board: who has not reported and what is delayed', async () => {
      const res = await eav.get(`/api/followup/boards/${eavBoard}?period=2026-T2`);
      expect(res.statusCode).toBe(200);
      const b = res.json();
      expect(b.plan.status).toBe('approved');
      expect(b.progress).toEqual({ total: 9, reported: 7, byStatus: { not_started: 0, ongoing: 4, done: 2, delayed: 1, cancelled: 0, not_reported: 2 } });
      const missing = b.activities.filter((a: { followUp: unknown }) => !a.followUp);
      expect(missing.map((a: { activityId: string; reporters: { name: string }[] }) => [a.activityId, a.reporters.map((r) => r.name)])).toEqual([
        [acts2026[0].id, ['Elin Enhetschef']],
        [acts2026[2].id, ['Elin Enhetschef']],
      ]);
      // The board's users who may be named: its contributor and its local coordinator.
      expect(b.contributors.map((c: { name: string }) => c.name)).toEqual(['Elin Enhetschef', 'Erik Lindqvist']);
      // Every activity of the demo plan has a named reporter.
      expect(b.activities.every((a: { reporters: unknown[] }) => a.reporters.length === 1)).toBe(true);
      expect(b).toMatchObject({ canReport: true, canWriteAnalysis: true, canAssign: true, analysis: null });
      // Two linked KPIs, four years each (the demo's Kolada file).
      expect(b.context).toHaveLength(8);
      expect(new Set(b.context.map((c: { kpiId: string }) => c.kpiId))).toEqual(new Set(['DEMO-HATBROTT', 'DEMO-TRYGG9']));
    });

    it('lets the city board’s viewer read any board’s follow-up, but not another board’s coordinator', async () => {
      const res = await viewer.get(`/api/followup/boards/${eavBoard}?period=2026-T1`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ canReport: false, canWriteAnalysis: false, canAssign: false, contributors: [] });
      expect((await skarholmen.get(`/api/followup/boards/${eavBoard}`)).statusCode).toBe(404);
    });
  });

  describe('reporting', () => {
    it('the responsible contributor reports status, comment and an indicator value: 201, audited', async () => {
      const auditBefore = await count('audit_log');
      const res = await contributor.post(`/api/activities/${acts2026[0].id}/follow-ups`, {
        period: '2026-T2',
        status: 'ongoing',
        comment: 'Nya utbildningstillfällen i september; 140 medarbetare anmälda.',
        indicatorValues: [{ name: 'Andel medarbetare som genomfört grundutbildningen (%)', value: '34,5' }],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        activityId: acts2026[0].id,
        boardId: eavBoard,
        period: '2026-T2',
        year: 2026,
        status: 'ongoing',
        indicatorValues: [{ name: 'Andel medarbetare som genomfört grundutbildningen (%)', value: 34.5 }],
        reportedByName: 'Elin Enhetschef',
      });
      const entry = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(await count('audit_log')).toBeGreaterThan(auditBefore);
      expect(entry).toMatchObject({ action: 'followup.report', entity: 'follow_up', board_id: eavBoard, actor_email: 'enhetschef@stockholm.example' });
      expect(JSON.stringify(entry.summary)).not.toContain('140 medarbetare');
    });

    it('reporting again in the same open period replaces the report', async () => {
      const res = await contributor.post(`/api/activities/${acts2026[0].id}/follow-ups`, { period: '2026-T2', status: 'done' });
      expect(res.statusCode).toBe(201);
      const history = (await eav.get(`/api/activities/${acts2026[0].id}/follow-ups`)).json();
      expect(history.map((f: { period: string; status: string }) => `${f.period} ${f.status}`)).toEqual(['2026-T1 delayed', '2026-T2 done']);
    });

    it('the local coordinator reports for any activity of the board', async () => {
      const res = await eav.post(`/api/activities/${acts2026[2].id}/follow-ups`, { period: '2026-T2', status: 'ongoing', indicatorValues: [{ name: 'Antal förskolor som arbetar med metoden', value: 7 }] });
      expect(res.statusCode).toBe(201);
    });

    it('refuses a contributor on an activity they do not answer for (403), and writes nothing', async () => {
      const body = await refused(() => contributor.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 403);
      expect(body.error.code).toBe('forbidden');
    });

    it('refuses a viewer (403) and other boards’ users (404), and writes nothing', async () => {
      await refused(() => viewer.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 403);
      await refused(() => farstaContributor.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 404);
      await refused(() => skarholmen.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 404);
      await refused(() => central.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 403);
    });

    it.each([
      [{ period: '2026-T7', status: 'done' }, 400, 'period', /ÅÅÅÅ-T1/],
      [{ period: '2026-T2', status: 'klar' }, 400, 'status', /Välj en status/],
      [{ period: '2026-T2', status: 'done', extra: 1 }, 400, '', /extra/],
      [{ period: '2025-T2', status: 'done' }, 422, 'period', /Välj en period för 2026/],
      [{ period: '2026-T2', status: 'delayed' }, 422, 'comment', /varför insatsen är försenad/],
      [{ period: '2026-T2', status: 'done', comment: 'Ring mig på 070-123 45 67' }, 422, 'comment', /telefonnummer/],
      [{ period: '2026-T2', status: 'done', comment: 'Ring mig på 070.123.45.67' }, 422, 'comment', /telefonnummer/],
      [{ period: '2026-T2', status: 'done', comment: 'Ahmed Hassan höll i träffen' }, 422, 'comment', /personal_data_possible|Ahmed Hassan/],
      [{ period: '2026-T2', status: 'done', indicatorValues: [{ name: 'Finns inte', value: 1 }] }, 422, 'indicatorValues.0.name', /ingen indikator/],
      [{ period: '2026-T2', status: 'done', indicatorValues: [{ name: 'Andel anhöriga som upplever att stödet hjälpt (%)', value: 'bra' }] }, 422, 'indicatorValues.0.value', /Ange ett tal/],
    ])('refuses %j with %i naming %s', async (input, status, field, message) => {
      const target = (input as { indicatorValues?: { name: string }[] }).indicatorValues?.[0]?.name.startsWith('Andel anhöriga') ? acts2026[8].id : acts2026[1].id;
      const body = await refused(() => eav.post(`/api/activities/${target}/follow-ups`, input), status);
      expect(body.error.message + JSON.stringify(body.error.fields ?? [])).toMatch(message);
      if (field) expect(body.error.fields?.map((f) => f.field)).toContain(field);
    });

    it('stores a comment that looks like a name once the writer confirms, and audits the confirmation, not the text', async () => {
      const input = { period: '2026-T2', status: 'done', comment: 'Ahmed Hassan höll i träffen', confirmNoPersonalData: true };
      const res = await eav.post(`/api/activities/${acts2026[1].id}/follow-ups`, input);
      expect(res.statusCode, res.body).toBe(201);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'followup.report').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const summary = typeof entry.summary === 'string' ? JSON.parse(entry.summary) : entry.summary;
      expect(summary.confirmedNoPersonalData).toEqual(['comment']);
      expect(JSON.stringify(summary)).not.toContain('Hassan');
    });

    it('refuses activities of a plan that is not approved (409)', async () => {
      const board = await t.boardId('Skärholmen');
      const plan = await t.database.db.selectFrom('plan').select(['id', 'status']).where('board_id', '=', board).where('year', '=', 2026).executeTakeFirstOrThrow();
      expect(plan.status).not.toBe('approved');
      const act = await t.database.db.selectFrom('plan_activity').select('id').where('plan_id', '=', plan.id).limit(1).executeTakeFirstOrThrow();
      const body = await refused(() => skarholmen.post(`/api/activities/${act.id}/follow-ups`, { period: '2026-T1', status: 'ongoing' }), 409);
      expect(body.error).toMatchObject({ code: 'plan_not_approved' });
    });

    it('refuses unknown activities (404)', async () => {
      await refused(() => eav.post('/api/activities/00000000-0000-4000-8000-000000000000/follow-ups', { period: '2026-T2', status: 'done' }), 404);
    });
  });

  describe('periods: open, closed, reopened', () => {
    it('a closed period refuses reports (409) until the central coordinator reopens it', async () => {
      const closed = await central.post('/api/followup/periods/2026-T2/close');
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ period: '2026-T2', state: 'closed' });
      expect((await central.post('/api/followup/periods/2026-T2/close')).statusCode).toBe(409);
      const body = await refused(() => eav.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' }), 409);
      expect(body.error).toMatchObject({ code: 'period_closed' });
      expect(body.error.message).toMatch(/stängd.*öppna den igen/);
      expect((await contributor.get('/api/followup/my-activities?period=2026-T2')).json().activities.every((a: { canReport: boolean }) => !a.canReport)).toBe(true);

      expect((await eav.post('/api/followup/periods/2026-T2/reopen', {})).statusCode).toBe(403);
      const reopened = await central.post('/api/followup/periods/2026-T2/reopen', { closesOn: '2099-12-31' });
      expect(reopened.statusCode).toBe(422);
      const ok = await central.post('/api/followup/periods/2026-T2/reopen', { closesOn: null });
      expect(ok.json()).toMatchObject({ state: 'open', closedAt: null, closesOn: null });
      expect((await central.post('/api/followup/periods/2026-T2/reopen', {})).statusCode).toBe(409);
      expect((await eav.post(`/api/activities/${acts2026[1].id}/follow-ups`, { period: '2026-T2', status: 'done' })).statusCode).toBe(201);
    });

    it('sets dates and refuses impossible ones with Swedish messages', async () => {
      const res = await central.patch('/api/followup/periods/2026-VB', { opensOn: '2026-09-01', closesOn: '2027-02-28' });
      expect(res.json()).toMatchObject({ opensOn: '2026-09-01', closesOn: '2027-02-28', state: 'open' });
      const bad = await central.patch('/api/followup/periods/2026-VB', { closesOn: '2026-08-01' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.fields).toEqual([{ field: 'closesOn', message: 'Slutdatum kan inte ligga före startdatum.' }]);
      expect((await central.patch('/api/followup/periods/2026-T9', { opensOn: '2026-01-01' })).statusCode).toBe(400);
      expect((await eav.patch('/api/followup/periods/2026-VB', { opensOn: '2026-01-01' })).statusCode).toBe(403);
    });

    it('a VB report after reopening last year records the final status on the activity carried into this year', async () => {
      await refused(() => eav.post(`/api/activities/${acts2025[3].id}/follow-ups`, { period: '2025-VB', status: 'cancelled', comment: 'Ersatt av annan insats.' }), 409);
      expect((await central.post('/api/followup/periods/2025-VB/reopen', {})).statusCode).toBe(200);
      const res = await eav.post(`/api/activities/${acts2025[3].id}/follow-ups`, { period: '2025-VB', status: 'cancelled', comment: 'Ersatt av annan insats.' });
      expect(res.statusCode).toBe(201);
      expect(await finalStatusOf({ db: t.database.db, activityId: acts2025[3].id, year: 2025 })).toBe('cancelled');
      const carried = await t.database.db.selectFrom('plan_activity').select('previous_year_final_status').where('carried_over_from_activity_id', '=', acts2025[3].id).executeTakeFirstOrThrow();
      expect(carried.previous_year_final_status).toBe('cancelled');
      expect(await finalStatusOf({ db: t.database.db, activityId: acts2025[5].id, year: 2025 })).toBe('ongoing');
      expect(await finalStatusOf({ db: t.database.db, activityId: acts2026[1].id, year: 2026 })).toBe('done');
      await central.post('/api/followup/periods/2025-VB/close');
    });
  });

  describe('reporters', () => {
    it('the local coordinator names reporters among the board’s users only', async () => {
      const contributorId = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'enhetschef@stockholm.example').executeTakeFirstOrThrow()).id;
      const ok = await eav.request('PUT', `/api/activities/${acts2026[4].id}/reporters`, { userIds: [contributorId] });
      expect(ok.json()).toEqual([{ id: contributorId, name: 'Elin Enhetschef' }]);
      expect((await contributor.post(`/api/activities/${acts2026[4].id}/follow-ups`, { period: '2026-T2', status: 'done' })).statusCode).toBe(201);
      const farstaUser = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'bidrag.farsta@stockholm.example').executeTakeFirstOrThrow()).id;
      const bad = await eav.request('PUT', `/api/activities/${acts2026[4].id}/reporters`, { userIds: [farstaUser] });
      expect(bad.statusCode).toBe(422);
      expect((await skarholmen.request('PUT', `/api/activities/${acts2026[4].id}/reporters`, { userIds: [] })).statusCode).toBe(404);
    });
  });

  describe('the consolidated analysis', () => {
    const all = {
      general: 'Grundutbildningen pågår.',
      targeted: 'Rådet har behandlat frågan.',
      individual: 'Några ärenden.',
      effects: 'För tidigt att säga.',
      training: 'Ökar.',
      situation: 'Oförändrad.',
      collaboration: 'Polisen och trossamfunden.',
      next_year: 'Fler dialogmöten.',
    };

    it('saves under guided headings, refuses personal data, and marks the period reported only when complete', async () => {
      const url = `/api/followup/boards/${eavBoard}/analyses/2026-T2`;
      const pd = await eav.request('PUT', url, { sections: { general: 'Kontakta anna@example.se' } });
      expect(pd.statusCode).toBe(422);
      expect(pd.json().error).toMatchObject({ code: 'personal_data', fields: [expect.objectContaining({ field: 'sections.general' })] });
      const disguised = await eav.request('PUT', url, { sections: { general: 'Kontakta anna (at) example (dot) se' } });
      expect(disguised.json().error.code).toBe('personal_data');
      const analyses = await count('board_analysis');
      const named = await eav.request('PUT', url, { sections: { general: 'Anna Svensson leder utbildningen.' } });
      expect(named.statusCode).toBe(422);
      expect(named.json().error).toMatchObject({ code: 'personal_data_possible', fields: [{ field: 'sections.general', words: ['Anna Svensson'] }] });
      expect(await count('board_analysis')).toBe(analyses);
      const confirmed = await eav.request('PUT', url, { sections: { general: 'Anna Svensson leder utbildningen.' }, confirmNoPersonalData: true });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'followup.analysis.save').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const summary = typeof entry.summary === 'string' ? JSON.parse(entry.summary) : entry.summary;
      expect(summary.confirmedNoPersonalData).toEqual(['sections.general']);
      expect(JSON.stringify(summary)).not.toContain('Svensson');
      const part = await eav.request('PUT', url, { sections: { general: all.general } });
      expect(part.statusCode).toBe(200);
      expect(part.json().sections[0]).toEqual({ key: 'general', title: 'Allmänna insatser – vad har genomförts', text: 'Grundutbildningen pågår.' });
      const early = await eav.post(`${url}/reported`);
      expect(early.statusCode).toBe(422);
      expect(early.json().error.fields).toHaveLength(7);
      expect(early.json().error.fields[0]).toEqual({ field: 'sections.targeted', message: 'Skriv något under ”Riktade insatser – vad har genomförts”.' });
      expect((await eav.request('PUT', url, { sections: all })).statusCode).toBe(200);
      const done = await eav.post(`${url}/reported`);
      expect(done.statusCode).toBe(200);
      expect(done.json().reportedByName).toBe('Erik Lindqvist');
      expect((await eav.request('PUT', url, { sections: all })).statusCode).toBe(409);
      expect((await eav.post(`${url}/reported`)).statusCode).toBe(409);
      expect((await viewer.request('PUT', url, { sections: all })).statusCode).toBe(403);
      expect((await skarholmen.request('PUT', url, { sections: all })).statusCode).toBe(404);
      const board = (await eav.get(`/api/followup/boards/${eavBoard}?period=2026-T2`)).json();
      expect(board.analysis.reportedAt).not.toBeNull();
      expect(board.canWriteAnalysis).toBe(false);
    });
  });

  describe('context indicators', () => {
    let cookieOf: (email: string) => Promise<{ cookie: string; csrf: string }>;
    beforeAll(() => {
      cookieOf = async (email) => {
        const res = await t.anonymous.post('/api/session', { email, password: 'varna-demo-losenord' });
        const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
        return { cookie: `${c.name}=${c.value}`, csrf: res.json().csrfToken };
      };
    });
    async function post(email: string, text: string, query = '') {
      const s = await cookieOf(email);
      const { payload, contentType } = multipart(text, 'kolada.csv');
      return t.app.inject({ method: 'POST', url: `/api/followup/context-indicators${query}`, headers: { 'content-type': contentType, cookie: s.cookie, 'x-csrf-token': s.csrf }, payload });
    }

    it('refuses a file with bad rows, naming each line, and imports nothing', async () => {
      const before = await count('context_indicator');
      const res = await post('central@stockholm.example', 'kpi;kommun;år;värde\nN00001;Stockholm;2024;12\n;Stockholm;2024;1\nN00002;Stockholm;20x4;1');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rad 3', 'rad 4']);
      expect(await count('context_indicator')).toBe(before);
    });

    it('previews with ?dryRun=1, then imports; a value already there is updated', async () => {
      const csv = 'KPI id;Municipality;Year;Value\nDEMO-TRYGG9;Stockholm;2025;81,0\nN00003;Stockholm;2025;5';
      const before = await count('context_indicator');
      const dry = await post('central@stockholm.example', csv, '?dryRun=1');
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, added: 1, updated: 1 });
      expect(await count('context_indicator')).toBe(before);
      const res = await post('eav@stockholm.example', csv);
      expect(res.statusCode).toBe(201);
      expect(await count('context_indicator')).toBe(before + 1);
      const values = (await viewer.get('/api/followup/context-indicators?kpiId=DEMO-TRYGG9')).json();
      expect(values.find((v: { year: number }) => v.year === 2025).value).toBe(81);
      expect((await post('enhetschef@stockholm.example', csv)).statusCode).toBe(403);
    });

    it('links only the activity’s effect indicators', async () => {
      const ok = await eav.request('PUT', `/api/activities/${acts2026[6].id}/context-links`, { links: [{ indicatorName: 'Anmälda händelser med extremistisk koppling (klotter, propaganda)', kpiId: 'n00003' }] });
      expect(ok.json()).toEqual([{ indicatorName: 'Anmälda händelser med extremistisk koppling (klotter, propaganda)', kpiId: 'N00003' }]);
      const bad = await eav.request('PUT', `/api/activities/${acts2026[0].id}/context-links`, { links: [{ indicatorName: 'Andel medarbetare som genomfört grundutbildningen (%)', kpiId: 'N00003' }] });
      expect(bad.statusCode).toBe(422);
    });
  });
});
