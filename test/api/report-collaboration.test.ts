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
  });
  afterAll(() => t.close());

  it('the board report counts the year’s applications and decisions, the one refused for a failed criterion among them', async () => {
    const report = (await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}`)).json();
    expect(report.collaboration.available).toBe(true);
    expect(report.collaboration.rows).toEqual([
      { boardId: eavBoard, boardName: 'Enskede-Årsta-Vantör', grants: { applications: 3, approved: 1, rejected: 1, refusedForFailedCriterion: 1 } },
    ]);
  });

  it('the city report lists every board, and another board’s coordinator sees only their own', async () => {
    const city = (await central.get(`/api/reports/city?year=${YEAR}`)).json();
    const rows = city.collaboration.rows as Row[];
    expect(rows.length).toBe((await central.get('/api/boards')).json().length);
    expect(rows.find((r) => r.boardId === eavBoard)!.grants!.applications).toBe(3);
    const own = (await skarholmen.get(`/api/reports/boards/${await t.boardId('Skärholmen')}?year=${YEAR}`)).json();
    expect((own.collaboration.rows as Row[]).map((r) => r.boardName)).toEqual(['Skärholmen']);
  });

  it('the PDF carries the section with the board’s figures and the year’s sums in words', async () => {
    const res = await eav.get(`/api/reports/boards/${eavBoard}?year=${YEAR}&format=pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload, { layout: false })).replace(/\s+/g, ' ');
    expect(text).toContain('Samverkan och bidrag');
    expect(text).toContain('3 ansökningar; av årets beslut 1 beviljade och 1 avslagna, varav 1 för att organisationen inte uppfyllde ett demokrativillkor');
  });
});
