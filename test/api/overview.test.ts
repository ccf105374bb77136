import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/domain/calendar.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { boardWithPeople, concernReport, planAt } from '../helpers/factories.js';

type Row = {
  boardId: string;
  boardName: string;
  plan: { id: string; status: string } | null;
  late: boolean;
  returned: boolean;
  delayed: number | null;
  training: { percent: number | null; unitsBelow: number } | null;
  concerns: { suppressed: boolean; total: number | string; byEnvironment: Record<string, number | string> } | null;
};

describe.each(await testDatabaseKinds())('[START] board overview on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
  });
  afterAll(() => t.close());

  const rows = async (c: Client): Promise<Row[]> => {
    const res = await c.get('/api/overview/boards');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().boards;
  };

  it('needs a session (401) and is refused to the admin and a contributor (403)', async () => {
    expect((await t.anonymous.get('/api/overview/boards')).statusCode).toBe(401);
    expect((await (await t.login('admin@stockholm.example')).get('/api/overview/boards')).statusCode).toBe(403);
    expect((await (await t.login('enhetschef@stockholm.example')).get('/api/overview/boards')).statusCode).toBe(403);
  });

  it('gives the central coordinator one row for every board, with plan, delayed, training and concern figures', async () => {
    const boards = (await central.get('/api/boards')).json() as { id: string; name: string }[];
    const mine = await rows(central);
    expect(mine.map((r) => r.boardId).sort()).toEqual(boards.map((b) => b.id).sort());
    const eav = mine.find((r) => r.boardName === 'Enskede-Årsta-Vantör')!;
    expect(eav.plan).not.toBeNull();
    expect(eav.training).not.toBeNull();
    expect(eav.concerns?.suppressed).toBe(true);
    // The delayed count is the board report's, not a rule of its own.
    const report = (await central.get(`/api/reports/boards/${eav.boardId}`)).json();
    expect(eav.delayed).toBe(report.boards[0].byStatus.delayed);
  });

  it('gives a board-scoped local coordinator their own board only, with exact counts', async () => {
    const eav = await rows(await t.login('eav@stockholm.example'));
    expect(eav.map((r) => r.boardName)).toEqual(['Enskede-Årsta-Vantör']);
    expect(eav[0].concerns?.suppressed).toBe(false);
  });

  it('lets the auditor and the city board viewer read every board, suppressed outside the viewer\'s own board', async () => {
    const count = (await rows(central)).length;
    for (const [email, own] of [['revisor@stockholm.example', null], ['politiker@stockholm.example', 'Kommunstyrelsen']]) {
      const r = await rows(await t.login(email!));
      expect(r.length, email!).toBe(count);
      for (const x of r) expect(x.concerns?.suppressed, `${email} on ${x.boardName}`).toBe(x.boardName !== own);
    }
  });

  it('never shows outside the board a small count of this tertial that the rules hide', async () => {
    const b = await boardWithPeople(t, { people: { lc: 'local_coordinator' } });
    for (let i = 0; i < 2; i++) await concernReport({ as: b.clients.lc, boardId: b.boardId, occurredOn: todayInSweden(), environment: 'white_power' });
    const inside = (await rows(b.clients.lc)).find((r) => r.boardId === b.boardId)!;
    expect(inside.concerns).toMatchObject({ suppressed: false, total: 2, byEnvironment: { white_power: 2 } });
    const outside = (await rows(central)).find((r) => r.boardId === b.boardId)!;
    expect(outside.concerns?.suppressed).toBe(true);
    expect(typeof outside.concerns?.byEnvironment.white_power).toBe('string');
    expect(typeof outside.concerns?.total).toBe('string');
  });

  it('flags a returned plan', async () => {
    const b = await boardWithPeople(t, { people: { lc: 'local_coordinator' } });
    const year = Number(todayInSweden().slice(0, 4));
    await planAt(t, { as: b.clients.lc, central, boardId: b.boardId, status: 'returned', year, returnComment: 'Komplettera lägesbilden.' });
    const row = (await rows(central)).find((r) => r.boardId === b.boardId)!;
    expect(row.plan?.status).toBe('returned');
    expect(row.returned).toBe(true);
  });
});
