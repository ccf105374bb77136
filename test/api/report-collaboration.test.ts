import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/domain/calendar.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { expectStatus } from '../helpers/factories.js';
import { pdfText } from '../helpers/readers.js';

const TODAY = todayInSweden();
const YEAR = Number(TODAY.slice(0, 4));

interface Row {
  boardId: string;
  boardName: string;
  grants: { applications: number; approved: number; rejected: number; refusedForFailedCriterion: number } | null;
  collaboration: {
    forums: { name: string; meetings: number; vbeOnAgenda: number }[];
    partnersByType: Record<string, number>;
    agreements: { inForce: number; dueForReview: number };
    strategyGoals: number | null;
  } | null;
}

describe.each(await testDatabaseKinds())('[REPORTS] the collaboration section on %s', (kind) => {
  let t: TestApp;
  let eav: Client;
  let central: Client;
  let skarholmen: Client;
  let eavBoard: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    eav = await t.login('eav@stockholm.example');
    central = await t.login('central@stockholm.example');
    skarholmen = await t.login('skarholmen@stockholm.example');
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
    const apply = async (organisation: string) =>
      (expectStatus(await eav.post('/api/grant-applications', { boardId: eavBoard, organisation, kind: 'grant', amount: 25000, purpose: 'Läxhjälp för unga' }), 201, 'application') as { id: string }).id;
    const refused = await apply('Föreningen Ett');
    const approved = await apply('Föreningen Två');
    await apply('Föreningen Tre'); // received, not yet decided
    expectStatus(await eav.request('PUT', `/api/grant-applications/${refused}/vetting`, { criteria: [{ key: 'democracy', result: 'fail' }], decision: 'rejected', decidedOn: TODAY }), 200, 'rejection');
    expectStatus(await eav.request('PUT', `/api/grant-applications/${approved}/vetting`, { criteria: [{ key: 'democracy', result: 'pass' }], decision: 'approved', decidedOn: TODAY }), 200, 'approval');
    // A forum of EÅV with three meetings today, two with violent extremism on the agenda; a police partner and an agreement due in 30 days.
    const police = expectStatus(await eav.post('/api/partners', { name: 'Lokalpolisområde Rapport', type: 'police', boardIds: [eavBoard] }), 201, 'partner') as { id: string };
    const forum = expectStatus(await eav.post('/api/forums', { name: 'Rapportrådet', boardId: eavBoard, cadence: 'monthly', partnerIds: [police.id] }), 201, 'forum') as { id: string };
    for (const vbeOnAgenda of [true, true, false]) expectStatus(await eav.post(`/api/forums/${forum.id}/meetings`, { heldOn: TODAY, vbeOnAgenda }), 201, 'meeting');
    const [y, m, d] = TODAY.split('-').map(Number);
    const inDays = (n: number) => new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
    expectStatus(await eav.post('/api/agreements', { title: 'Överenskommelse för rapporten', boardId: eavBoard, partnerIds: [police.id], validFrom: inDays(-100), reviewOn: inDays(30) }), 201, 'agreement');
  });
  afterAll(() => t.close());

  it('the board report counts the year’s applications and decisions, the one refused for a failed criterion among them', async () => {
    const report = (await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}`)).json();
    expect(report.collaboration.available).toBe(true);
    expect(report.collaboration.rows).toMatchObject([
      { boardId: eavBoard, boardName: 'Enskede-Årsta-Vantör', grants: { applications: 3, approved: 1, rejected: 1, refusedForFailedCriterion: 1 } },
    ]);
  });

  it('the board report counts each forum’s meetings this year and those with violent extremism on the agenda, its agreements due for review and its missing strategy', async () => {
    const report = (await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}`)).json();
    const c = (report.collaboration.rows as Row[])[0]!.collaboration!;
    expect(c.forums).toContainEqual({ name: 'Rapportrådet', meetings: 3, vbeOnAgenda: 2 });
    expect(c.agreements.dueForReview).toBeGreaterThanOrEqual(1);
    expect(c.agreements.inForce).toBeGreaterThanOrEqual(c.agreements.dueForReview);
    expect(c.partnersByType.police).toBeGreaterThanOrEqual(1);
    // The demo's EÅV waits for the city board's guidance (its audit reply): no strategy yet.
    expect(c.strategyGoals).toBeNull();
    expect(report.collaboration.cityForums).toEqual([]);
    // Once it has one, the report says how many goals.
    expectStatus(await eav.request('PUT', `/api/civil-society-strategies/${eavBoard}`, { goals: [{ text: 'Dialog med föreningar' }, { text: 'Stöd till föräldrar' }] }), 200, 'strategy');
    const after = (await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}`)).json();
    expect((after.collaboration.rows as Row[])[0]!.collaboration!.strategyGoals).toBe(2);
  });

  it('the city report lists every board, and another board’s coordinator sees only their own', async () => {
    const city = (await central.get(`/api/reports/city?year=${YEAR}`)).json();
    const rows = city.collaboration.rows as Row[];
    expect(rows.length).toBe((await central.get('/api/boards')).json().length);
    expect(rows.find((r) => r.boardId === eavBoard)!.grants!.applications).toBe(3);
    // The city's own networks from the seeds, apart from the boards' forums.
    expect((city.collaboration.cityForums as { name: string }[]).map((f) => f.name)).toContain('Stadens nätverk för nämndernas samordnare');
    const own = (await skarholmen.get(`/api/reports/boards/${await t.boardId('Skärholmen')}?year=${YEAR}`)).json();
    expect((own.collaboration.rows as Row[]).map((r) => r.boardName)).toEqual(['Skärholmen']);
  });

  it('the PDF carries the section with the board’s figures and the year’s sums in words', async () => {
    const res = await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}&format=pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload, { layout: false })).replace(/\s+/g, ' ');
    expect(text).toContain('Samverkan och bidrag');
    expect(text).toContain('3 ansökningar; av årets beslut 1 beviljade och 1 avslagna, varav 1 för att organisationen inte uppfyllde ett demokrativillkor');
    expect(text).toContain('Forum och nätverk: möten');
    expect(text).toMatch(/Rapportrådet 3 2\b/);
    expect(text).toMatch(/Nämndens \d+ forum möttes \d+ gånger under \d{4}, varav \d+ gånger med våldsbejakande extremism på dagordningen/);
  });
});
