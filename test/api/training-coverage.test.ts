import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageAsOf, startedAsOf, type Completion, type Headcount } from '../../src/domain/training/coverage.js';
import { rollUp } from '../../src/domain/training/rollup.js';
import { boardTrend, coverageTrend } from '../../src/domain/training/trend.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { uploader, type Uploader } from '../helpers/upload.js';

/**
 * Coverage is counted in the database (issue 11): a count per course, board, unit, status and
 * quarter kept by triggers, plus the rows of the as-of date's quarter. Whatever the imports do —
 * add people, move someone to an earlier date in another unit, turn started into completed, or
 * fail and roll back — the figures must be those the stored rows give, one person at a time.
 */
describe.each(await testDatabaseKinds())('[TRAINING] coverage counted in the database on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let files: Uploader;
  let course: string;
  let boardId: string;
  const board = 'Provnämnd täckning';
  const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\n'));
  const participants = (...lines: string[]) => files.upload(`/api/training/courses/${course}/participants`, csv('Anst.nr;Förvaltning;Enhet;Status;Slutförd', ...lines), 'deltagare.csv');
  // Mid-quarter (the audit's date), a quarter end, a day in the last quarter of the demo, and after everything.
  const DATES = ['2019-09-04', '2020-12-31', '2026-11-01', '2099-12-31'];

  /** The figures the stored rows give, one person per row, through the same domain arithmetic. */
  async function fromRows(boardIds: string[]) {
    const db = t.database.db;
    const rows = await db.selectFrom('training_completion').select(['board_id', 'unit_id', 'employee_key', 'completed_on', 'status']).where('course_id', '=', course).execute();
    const hcRows = await db.selectFrom('training_headcount').select(['board_id', 'unit_id', 'employees', 'as_of']).execute();
    const mine = new Set(boardIds);
    const keyed = (status: string): Completion[] =>
      rows.filter((r) => r.status === status && mine.has(r.board_id)).map((r) => ({ boardId: r.board_id, unitId: r.unit_id, employeeKey: r.employee_key, completedOn: r.completed_on }));
    const headcounts: Headcount[] = hcRows.filter((h) => mine.has(h.board_id)).map((h) => ({ boardId: h.board_id, unitId: h.unit_id, employees: h.employees, asOf: h.as_of }));
    return { headcounts, completions: keyed('completed'), started: keyed('started') };
  }

  async function expectFiguresFromRows() {
    for (const asOf of DATES) {
      const byBoard = (await central.get(`/api/training/coverage?courseId=${course}&asOf=${asOf}`)).json() as { boardId: string }[];
      const data = await fromRows(byBoard.map((b) => b.boardId));
      const coverage = coverageAsOf({ ...data, asOf });
      const started = startedAsOf(data.started, asOf);
      const expected = byBoard.map(({ boardId: id }) => {
        const f = coverage.boards.find((b) => b.boardId === id);
        return { boardId: id, employees: f?.employees ?? 0, completed: f?.completed ?? 0, percent: f?.percent ?? null, started: started.boards.get(id) ?? 0 };
      });
      expect(byBoard, asOf).toEqual(expected);

      const overview = (await central.get(`/api/training/overview?courseId=${course}&asOf=${asOf}`)).json();
      expect(overview.total, asOf).toEqual({ ...coverage.total, started: started.total });
      const overviewBoards = overview.boards.map((b: { boardId: string; employees: number; completed: number; percent: number | null; started: number }) => ({
        boardId: b.boardId,
        employees: b.employees,
        completed: b.completed,
        percent: b.percent,
        started: b.started,
      }));
      expect(overviewBoards, asOf).toEqual(expected);
      expect(overview.trend, asOf).toEqual(coverageTrend(data, asOf));

      const detail = (await central.get(`/api/training/boards/${boardId}?courseId=${course}&asOf=${asOf}`)).json();
      const units = (await central.get(`/api/boards/${boardId}/units`)).json() as { id: string; parentId: string | null; name: string }[];
      const register = units.map((u) => ({ id: u.id, parent_id: u.parentId, name: u.name }));
      const rolled = rollUp(coverage, register, data.completions, asOf).map((u) => ({ unitId: u.unitId, employees: u.employees, completed: u.completed }));
      expect(detail.units.filter((u: { unitId: string | null }) => u.unitId !== null).map((u: { unitId: string; employees: number; completed: number }) => ({ unitId: u.unitId, employees: u.employees, completed: u.completed })), asOf).toEqual(rolled);
      expect(detail.trend, asOf).toEqual(boardTrend(data, asOf, boardId));
    }
    // The headcounts as stored, by date (read one row per unit with its dates, then spread out again).
    const listed = (await central.get('/api/training/headcounts')).json() as Headcount[];
    const boardIds = ((await central.get(`/api/training/coverage?courseId=${course}`)).json() as { boardId: string }[]).map((b) => b.boardId);
    const byDateAndIds = (a: Headcount, b: Headcount) => a.asOf.localeCompare(b.asOf) || a.boardId.localeCompare(b.boardId) || (a.unitId ?? '').localeCompare(b.unitId ?? '');
    expect(listed.map((h) => h.asOf)).toEqual(listed.map((h) => h.asOf).sort());
    expect([...listed].sort(byDateAndIds)).toEqual((await fromRows(boardIds)).headcounts.sort(byDateAndIds));
    expect(listed.length).toBeGreaterThan(0);

    // The per-board counts (the trend's and the board figures') are the per-unit counts summed.
    const db = t.database.db;
    const unitSums = await sql`select course_id, board_id, status, quarter, sum(n)::int as n from training_completion_count group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`.execute(db);
    const boardCounts = await sql`select course_id, board_id, status, quarter, n from training_completion_board_count where n <> 0 order by 1, 2, 3, 4`.execute(db);
    expect(boardCounts.rows.length).toBeGreaterThan(0);
    expect(boardCounts.rows).toEqual(unitSums.rows);
  }

  beforeAll(async () => {
    // Answers are built every time (the report cache off): the last test writes without the audit log the cache follows.
    t = await startTestApp(kind, { heavyWork: { concurrency: 2, queue: 100, entries: 0 } });
    central = await t.login('central@stockholm.example');
    files = await uploader(t, 'central@stockholm.example');
    course = (await central.get('/api/training/courses')).json().find((c: { kind: string }) => c.kind === 'web_basic').id;
    const admin = await t.login('admin@stockholm.example');
    boardId = (await admin.post('/api/boards', { name: board, kind: 'district_board' })).json().id;
    const hc = await files.upload(
      '/api/training/headcounts',
      csv('Förvaltning;Enhet;Anställda;Per datum', `${board};Enhet A;40;2019-01-01`, `${board};Enhet B;60;2019-01-01`, `${board};Enhet B;80;2020-10-01`),
      'hc.csv',
    );
    expect(hc.statusCode, hc.body).toBe(201);
  }, 300_000);
  afterAll(() => t.close());

  it('gives the demo’s figures as its rows give them, per board, in total, in the trend and per unit', async () => {
    await expectFiguresFromRows();
  });

  it('follows imports that add people, move them to an earlier date in another unit and turn started into completed', async () => {
    const first = await participants(
      `T1;${board};Enhet A;Slutförd;2019-08-01`,
      `T2;${board};Enhet A;Slutförd;2019-09-04`,
      `T3;${board};Enhet A;Slutförd;2019-09-05`,
      `T4;${board};Enhet B;Slutförd;2020-11-15`,
      `T5;${board};Enhet B;Påbörjad;2019-07-01`,
      `T6;${board};;Slutförd;2019-03-01`,
    );
    expect(first.statusCode, first.body).toBe(201);
    await expectFiguresFromRows();
    const detail = (await central.get(`/api/training/boards/${boardId}?courseId=${course}&asOf=2019-09-04`)).json();
    expect(detail.total).toMatchObject({ employees: 100, completed: 3 });

    // T3 completed earlier, in the other unit (another quarter); T5 has now completed; T1's later date changes nothing.
    const second = await participants(`T3;${board};Enhet B;Slutförd;2019-02-10`, `T5;${board};Enhet B;Slutförd;2020-12-31`, `T1;${board};Enhet B;Slutförd;2021-01-01`);
    expect(second.statusCode, second.body).toBe(201);
    await expectFiguresFromRows();
    const after = (await central.get(`/api/training/boards/${boardId}?courseId=${course}&asOf=2020-12-31`)).json();
    expect(after.total).toMatchObject({ employees: 120, completed: 6 });
    expect(after.units.find((u: { name: string }) => u.name === 'Enhet B')).toMatchObject({ employees: 80, completed: 3 });
  });

  it('leaves the figures as they were when an import is refused or a write rolls back', async () => {
    const total = async () => (await central.get(`/api/training/overview?courseId=${course}&asOf=2099-12-31`)).json().total;
    const before = await total();
    const refused = await participants(`T7;${board};Enhet A;Slutförd;2021-03-01`, `T8;Ingen sådan nämnd;;Slutförd;2021-03-01`);
    expect(refused.statusCode).toBe(422);
    expect(await total()).toEqual(before);
    // A transaction that moves and removes people, then fails: nothing of it stays.
    const failed = t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_completion').set({ unit_id: null, completed_on: '2018-01-01' }).where('course_id', '=', course).where('board_id', '=', boardId).execute();
      await trx.deleteFrom('training_completion').where('course_id', '=', course).where('employee_key', '=', 'T2').execute();
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(await total()).toEqual(before);
    await expectFiguresFromRows();
  });

  it('follows rows removed and moved by other writes', async () => {
    const db = t.database.db;
    await db.deleteFrom('training_completion').where('course_id', '=', course).where('board_id', '=', boardId).where('unit_id', 'is', null).execute();
    await db.updateTable('training_completion').set({ completed_on: '2019-01-15' }).where('course_id', '=', course).where('board_id', '=', boardId).execute();
    await expectFiguresFromRows();
  });
});
