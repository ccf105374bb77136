import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

type Cell = number | string;
interface CityPicture {
  boards: { boardId: string; total: Cell; byType: Record<string, Cell>; byEnvironment: Record<string, Cell>; byTertial: Record<string, Cell> }[];
  totals: { total: Cell; byType: Record<string, Cell>; byEnvironment: Record<string, Cell>; byTertial: Record<string, Cell> };
}

const YEAR = 2020; // no demo reports that year: the counts below are all there is
const hidden = (c: Cell) => typeof c === 'string';

/**
 * Every additive relation of the city picture as seen by a reader who knows `knownBoard`'s row
 * exactly: the members the reader does not know, as shown to them.
 */
function relationsBeyond(p: CityPicture, knownBoard: string): Cell[][] {
  const others = p.boards.filter((b) => b.boardId !== knownBoard);
  const relations: Cell[][] = [[...others.map((b) => b.total), p.totals.total]];
  for (const dim of ['byType', 'byEnvironment', 'byTertial'] as const) {
    for (const k of Object.keys(p.totals[dim])) relations.push([...others.map((b) => b[dim][k]), p.totals[dim][k]]);
  }
  return relations;
}

describe.each(await testDatabaseKinds())('[SITUATION] the city picture resists insider differencing on %s', (kind) => {
  let t: TestApp;
  let ks: string;
  let eav: string;
  let sk: string;
  let viewer: Client;
  let auditor: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [ks, eav, sk] = await Promise.all(['Kommunstyrelsen', 'Enskede-Årsta-Vantör', 'Skärholmen'].map((n) => t.boardId(n)));
    viewer = await t.login('politiker@stockholm.example');
    auditor = await t.login('revisor@stockholm.example');
    const filers: [Client, string, number][] = [
      [viewer, ks, 7],
      [await t.login('skarholmen@stockholm.example'), sk, 3],
      [await t.login('eav@stockholm.example'), eav, 8],
    ];
    for (const [who, boardId, n] of filers) {
      for (let i = 0; i < n; i++) {
        const res = await who.post('/api/concerns', {
          boardId,
          occurredOn: `${YEAR}-02-${String(10 + i).padStart(2, '0')}`,
          type: 'graffiti',
          environment: 'white_power',
          description: 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
        });
        expect(res.statusCode).toBe(201);
      }
    }
  });
  afterAll(() => t.close());

  const city = async (who: Client): Promise<CityPicture> => {
    const res = await who.get(`/api/situation/city?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const row = (p: CityPicture, id: string) => p.boards.find((b) => b.boardId === id)!;

  it('the city board’s viewer sees the city board’s own counts exactly', async () => {
    const own = (await viewer.get(`/api/situation/boards/${ks}?year=${YEAR}`)).json();
    expect(own).toMatchObject({ suppressed: false, total: 7, byType: { graffiti: 7 } });
  });

  it('in the table for outsiders, total minus the city board’s known row minus a shown cell gives Skärholmen’s "<5"', async () => {
    const p = await city(auditor);
    expect(row(p, sk).byType.graffiti).toBe('<5');
    expect(row(p, ks).byType.graffiti).toBe('..');
    expect(row(p, eav).byType.graffiti).toBe(8);
    expect(p.totals.byType.graffiti).toBe(18);
    // What the city board's viewer could compute from it: 18 − 7 − 8 = 3.
    expect((p.totals.byType.graffiti as number) - 7 - (row(p, eav).byType.graffiti as number)).toBe(3);
  });

  it('the city board’s viewer gets a table in which no relation, less their own row, has exactly one hidden member', async () => {
    const p = await city(viewer);
    expect(row(p, sk).byType.graffiti).toBe('<5');
    expect(hidden(row(p, eav).byType.graffiti)).toBe(true);
    for (const relation of relationsBeyond(p, ks)) {
      const secret = relation.filter(hidden).length;
      if (secret === 1) expect(relation.filter((c) => !hidden(c)).every((c) => c === 0)).toBe(true);
    }
    // Their own small or hidden cells keep their markers: the table may be passed on.
    expect(row(p, ks).byType.graffiti).toBe('..');
  });

  it('a board seen from outside by the same viewer is its row of that same table', async () => {
    const p = await city(viewer);
    const board = (await viewer.get(`/api/situation/boards/${eav}?year=${YEAR}`)).json();
    expect(board.suppressed).toBe(true);
    expect(board.byType.graffiti).toBe(row(p, eav).byType.graffiti);
    expect(board.total).toBe(row(p, eav).total);
  });
});

describe.each(await testDatabaseKinds())('[SITUATION] the tertial tables cannot be subtracted from the year’s picture on %s', (kind) => {
  const Y = 2021; // no demo reports that year either
  let t: TestApp;
  let eav: string;
  let auditor: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    eav = await t.boardId('Enskede-Årsta-Vantör');
    auditor = await t.login('revisor@stockholm.example');
    const coordinator = await t.login('eav@stockholm.example');
    // EÅV, white power: 6 in T1, 7 in T2 and 2 in T3 – 15 in the year, shown in the city picture.
    const days = [...Array(6).fill(`${Y}-02-10`), ...Array(7).fill(`${Y}-06-10`), ...Array(2).fill(`${Y}-10-10`)];
    for (const occurredOn of days) {
      const res = await coordinator.post('/api/concerns', { boardId: eav, occurredOn, type: 'graffiti', environment: 'white_power', description: 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved' });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('the city report’s tertials hide a second tertial beside the small one, so 15 − 6 − 7 cannot be done', async () => {
    const picture = (await auditor.get(`/api/situation/city?year=${Y}`)).json() as CityPicture;
    expect(picture.boards.find((b) => b.boardId === eav)!.byEnvironment.white_power).toBe(15);
    const report = (await auditor.get(`/api/reports/city?year=${Y}`)).json();
    const cells = ['T1', 'T2', 'T3'].map((tertial) => {
      const r = report.situation.byTertial.find((x: { tertial: string; boardId: string }) => x.tertial === tertial && x.boardId === eav);
      return r ? (r.byEnvironment.white_power as Cell) : 0;
    });
    expect(cells[2]).toBe('<5');
    expect(cells.filter(hidden).length).toBeGreaterThanOrEqual(2);
  });
});
