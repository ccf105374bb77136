/**
 * Training coverage at Stockholm's scale (28,000 people in 20 boards) and at a million people
 * (300 boards × 10 units), generated in SQL, on PGlite and on the PostgreSQL server when one
 * answers. Times the coverage use cases (per board, the overview, a board's page) as of a day in
 * mid-quarter, beside the bare counting statement they run on (coverage.repo.ts), and shows the
 * statement's plan. Targets (issue #11): p95 < 20 ms at Stockholm's scale, < 300 ms at a million.
 * Run alone with `npm run bench coverage`.
 */
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { SystemActor } from '../src/domain/policy/index.js';
import { coverageCountsStatement } from '../src/modules/training/coverage.repo.js';
import { boardDetail, coverageByBoard, overview } from '../src/modules/training/service.js';
import { createServerDatabase, testDatabaseKinds } from '../test/helpers/databases.js';
import type { Figure } from './reports.js';
import { row, round, time } from './stats.js';

const AS_OF = '2026-11-15';
const UNITS_PER_BOARD = 10;
const SCALES = [
  { label: 'Stockholm, 28,000 people', people: 28_000, boards: 20, targetMs: 20, runs: 40 },
  { label: '1,000,000 people', people: 1_000_000, boards: 300, targetMs: 300, runs: 15 },
];

/**
 * A municipality with `boards` boards, each an administration over 10 units with a headcount every
 * 1 January 2019–2026, and one row per person: completed 2019-01-01–2026-11-30 (every tenth only
 * started, every fiftieth without a unit). Set-based inserts; the counts are kept by the triggers.
 */
export async function generate(db: Database, people: number, boards: number) {
  const m = await db.insertInto('municipality').values({ name: 'Bänkstad' }).returning('id').executeTakeFirstOrThrow();
  await sql`insert into board (municipality_id, name, kind) select ${m.id}, 'Nämnd ' || lpad(g::text, 3, '0'), 'district_board' from generate_series(1, ${boards}) g`.execute(db);
  await sql`insert into unit (board_id, name, kind) select id, 'Förvaltningen', 'administration' from board where municipality_id = ${m.id}`.execute(db);
  await sql`insert into unit (board_id, parent_id, name, kind)
    select a.board_id, a.id, 'Enhet ' || g, 'unit' from unit a join board b on b.id = a.board_id and b.municipality_id = ${m.id}
    cross join generate_series(1, ${UNITS_PER_BOARD}) g where a.kind = 'administration'`.execute(db);
  const perUnit = Math.ceil((people * 1.25) / (boards * UNITS_PER_BOARD));
  await sql`insert into training_headcount (board_id, unit_id, employees, as_of)
    select u.board_id, u.id, ${perUnit} + abs(hashtext(u.id::text || y)) % 20, make_date(y, 1, 1)
    from unit u join board b on b.id = u.board_id and b.municipality_id = ${m.id}
    cross join generate_series(2019, 2026) y where u.kind = 'unit'`.execute(db);
  const course = await db.insertInto('training_course').values({ municipality_id: m.id, name: 'Webbaserad grundutbildning', kind: 'web_basic' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('training_target').values({ course_id: course.id, year: 2019, target_percent: 100 }).execute();
  await sql`with u as (
      select u.id, u.board_id, (row_number() over (order by u.id) - 1)::int as i
      from unit u join board b on b.id = u.board_id and b.municipality_id = ${m.id} where u.kind = 'unit')
    insert into training_completion (course_id, employee_key, board_id, unit_id, completed_on, status)
    select ${course.id}, 'P' || g, u.board_id, case when g % 50 = 0 then null else u.id end,
           date '2019-01-01' + (g::bigint * 7919 % 2891)::int, case when g % 10 = 0 then 'started' else 'completed' end
    from generate_series(0, ${people - 1}) g join u on u.i = g % ${boards * UNITS_PER_BOARD}`.execute(db);
  const group = await db.insertInto('training_priority_group').values({ municipality_id: m.id, year: 2026, name: 'Förskola' }).returning('id').executeTakeFirstOrThrow();
  await sql`insert into training_priority_group_member (group_id, board_id)
    select ${group.id}, id from board where municipality_id = ${m.id} order by name limit 3`.execute(db);
  await sql`insert into training_priority_group_member (group_id, unit_id)
    select ${group.id}, u.id from unit u join board b on b.id = u.board_id and b.municipality_id = ${m.id} where u.name = 'Enhet 1'`.execute(db);
  await sql`vacuum analyze`.execute(db);
  const board = await db.selectFrom('board').select('id').where('municipality_id', '=', m.id).orderBy('name').limit(1).executeTakeFirstOrThrow();
  return { municipalityId: m.id, courseId: course.id, boardId: board.id };
}

/** The scan lines of the statement's plan, to show which indexes it uses. */
async function planOf(db: Database, statement: ReturnType<typeof coverageCountsStatement>): Promise<string> {
  const plan = await sql<{ 'QUERY PLAN': string }>`explain ${statement}`.execute(db);
  return plan.rows
    .map((r) => r['QUERY PLAN'].trim().replace(/^->\s*/, ''))
    .filter((l) => /Scan/.test(l))
    .map((l) => l.replace(/\s*\(cost=.*$/, ''))
    .join('; ');
}

async function benchOne(handle: DatabaseHandle, label: string, scale: (typeof SCALES)[number], out: string[], figures: Figure[]) {
  const db = handle.db;
  await migrateToLatest(db);
  const t0 = performance.now();
  const { municipalityId, courseId, boardId } = await generate(db, scale.people, scale.boards);
  out.push(`${label}, ${scale.label}: ${scale.boards} boards × ${UNITS_PER_BOARD} units generated in ${round(performance.now() - t0)} ms`);
  const actor: SystemActor = { system: 'bench', name: 'Bench', municipalityId, roles: [{ role: 'central_coordinator', boardId: null }] };
  const opts = { db, actor, courseId, asOf: AS_OF };

  const whole = coverageCountsStatement(courseId, 'all', AS_OF);
  const oneBoard = coverageCountsStatement(courseId, [boardId], AS_OF);
  out.push(`  plan, whole municipality: ${await planOf(db, whole)}`);
  out.push(`  plan, one board: ${await planOf(db, oneBoard)}`);
  const bare = await time(scale.runs, () => whole.execute(db));
  const bareBoard = await time(scale.runs, () => oneBoard.execute(db));
  const timings: [string, Awaited<ReturnType<typeof time>>, Awaited<ReturnType<typeof time>>][] = [
    ['coverageByBoard', await time(scale.runs, () => coverageByBoard(opts)), bare],
    ['overview', await time(scale.runs, () => overview(opts)), bare],
    ['boardDetail', await time(scale.runs, () => boardDetail({ ...opts, boardId })), bareBoard],
  ];
  out.push(row('  bare SQL: the counts, whole municipality', bare));
  out.push(row('  bare SQL: the counts, one board', bareBoard));
  for (const [name, t, base] of timings) out.push(row(`  ${name}`, t, base));
  const worst = Math.max(...timings.map(([, t]) => t.p95));
  out.push(`  target (issue #11): every call p95 < ${scale.targetMs} ms: ${worst < scale.targetMs ? 'met' : 'MISSED'} (slowest p95 ${worst} ms)`);
  figures.push({ name: `coverage bare SQL p95, ${scale.label} (${label})`, ms: bare.p95 });
  for (const [name, t] of timings) {
    figures.push({ name: `coverage ${name} p95, ${scale.label} (${label})`, ms: t.p95, target: `p95 < ${scale.targetMs} ms`, met: t.p95 < scale.targetMs });
  }
}

export async function benchCoverage(): Promise<{ lines: string[]; figures: Figure[] }> {
  const out: string[] = [];
  const figures: Figure[] = [];
  const server = (await testDatabaseKinds()).includes('postgres');
  for (const scale of SCALES) {
    const embedded = await openDatabase({ dataDir: 'memory' });
    try {
      await benchOne(embedded, 'PGlite', scale, out, figures);
    } finally {
      await embedded.close();
    }
    if (!server) continue;
    const created = await createServerDatabase('varna_bench_coverage');
    const handle = await openDatabase({ databaseUrl: created.url });
    try {
      await benchOne(handle, 'PostgreSQL server', scale, out, figures);
    } finally {
      await handle.close();
      await created.drop();
    }
  }
  if (!server) out.push('(no PostgreSQL server answered: PGlite only)');
  return { lines: out, figures };
}
