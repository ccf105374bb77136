import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { definedOnly, isEmpty } from '../../db/patch.js';
import { readMany } from '../../db/read-many.js';
import type { CourseKind } from './schema.js';

/** Rows per INSERT statement in imports: large enough to be fast, far below the parameter limit. */
export const BATCH = 1000;
/** Rows per statement when they go in as arrays. */
export const UNNEST_BATCH = 10_000;

// ---------------------------------------------------------------- settings

export async function findSetting(db: Database, municipalityId: string, key: string) {
  return db.selectFrom('setting').select('value').where('municipality_id', '=', municipalityId).where('key', '=', key).executeTakeFirst();
}

/** Inserts unless a row exists (two first imports at once); returns whether this call inserted. */
export async function insertSettingIfAbsent(db: Database, municipalityId: string, key: string, value: string): Promise<boolean> {
  const r = await db
    .insertInto('setting')
    .values({ municipality_id: municipalityId, key, value })
    .onConflict((oc) => oc.columns(['municipality_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}

// ---------------------------------------------------------------- courses

export async function listCourses(db: Database, municipalityId: string) {
  return db
    .selectFrom('training_course')
    .select(['id', 'name', 'kind', 'municipality_id'])
    .where('municipality_id', '=', municipalityId)
    .orderBy(sql`case kind when 'web_basic' then 0 when 'advanced' then 1 else 2 end`)
    .orderBy('name')
    .execute();
}

export async function findCourse(db: Database, id: string) {
  return db.selectFrom('training_course').select(['id', 'name', 'kind', 'municipality_id']).where('id', '=', id).executeTakeFirst();
}

export async function findCourseByName(db: Database, municipalityId: string, name: string) {
  return db
    .selectFrom('training_course')
    .select(['id'])
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertCourse(db: Database, c: { municipality_id: string; name: string; kind: CourseKind }) {
  return db.insertInto('training_course').values(c).returning(['id', 'name', 'kind', 'municipality_id']).executeTakeFirstOrThrow();
}

export async function updateCourse(db: Database, id: string, patch: { name?: string; kind?: CourseKind }) {
  const set = definedOnly(patch);
  const q = isEmpty(set)
    ? db.selectFrom('training_course').select(['id', 'name', 'kind', 'municipality_id']).where('id', '=', id)
    : db.updateTable('training_course').set(set).where('id', '=', id).returning(['id', 'name', 'kind', 'municipality_id']);
  return q.executeTakeFirstOrThrow();
}

export async function deleteCourse(db: Database, id: string) {
  await db.updateTable('training_import').set({ course_id: null }).where('course_id', '=', id).execute();
  await db.deleteFrom('training_course').where('id', '=', id).execute();
}

export async function countCompletions(db: Database, courseId: string): Promise<number> {
  const r = await db
    .selectFrom('training_completion')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------------------------------------------------------- targets

export async function listTargets(db: Database, municipalityId: string, courseId?: string) {
  let q = db
    .selectFrom('training_target')
    .innerJoin('training_course', 'training_course.id', 'training_target.course_id')
    .select(['training_target.course_id', 'training_target.year', 'training_target.target_percent'])
    .where('training_course.municipality_id', '=', municipalityId);
  if (courseId) q = q.where('training_target.course_id', '=', courseId);
  return q.orderBy('training_target.course_id').orderBy('training_target.year').execute();
}

export async function findTarget(db: Database, courseId: string, year: number) {
  return db.selectFrom('training_target').selectAll().where('course_id', '=', courseId).where('year', '=', year).executeTakeFirst();
}

/** The target of the latest year on or before `year`. */
export async function targetFor(db: Database, courseId: string, year: number) {
  return db
    .selectFrom('training_target')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function upsertTarget(db: Database, t: { course_id: string; year: number; target_percent: number }) {
  return db
    .insertInto('training_target')
    .values(t)
    .onConflict((oc) => oc.columns(['course_id', 'year']).doUpdateSet({ target_percent: t.target_percent }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteTarget(db: Database, courseId: string, year: number) {
  await db.deleteFrom('training_target').where('course_id', '=', courseId).where('year', '=', year).execute();
}

// ---------------------------------------------------------------- priority groups

export async function listGroups(db: Database, municipalityId: string, year?: number) {
  let q = db.selectFrom('training_priority_group').select(['id', 'year', 'name', 'municipality_id']).where('municipality_id', '=', municipalityId);
  if (year !== undefined) q = q.where('year', '=', year);
  const groups = await q.orderBy('year').orderBy('name').execute();
  const members = groups.length
    ? await db
        .selectFrom('training_priority_group_member')
        .select(['group_id', 'board_id', 'unit_id'])
        .where(
          'group_id',
          'in',
          groups.map((g) => g.id),
        )
        .execute()
    : [];
  return groups.map((g) => ({
    ...g,
    boardIds: members.filter((m) => m.group_id === g.id && m.board_id).map((m) => m.board_id as string),
    unitIds: members.filter((m) => m.group_id === g.id && m.unit_id).map((m) => m.unit_id as string),
  }));
}

export async function findGroup(db: Database, id: string) {
  return db.selectFrom('training_priority_group').select(['id', 'year', 'name', 'municipality_id']).where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(db: Database, g: { municipality_id: string; year: number; name: string }) {
  return db.insertInto('training_priority_group').values(g).returning(['id', 'year', 'name', 'municipality_id']).executeTakeFirstOrThrow();
}

export async function updateGroup(db: Database, id: string, patch: { year?: number; name?: string }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return;
  await db.updateTable('training_priority_group').set(set).where('id', '=', id).execute();
}

export async function replaceGroupMembers(db: Database, groupId: string, boardIds: string[], unitIds: string[]) {
  await db.deleteFrom('training_priority_group_member').where('group_id', '=', groupId).execute();
  const rows = [
    ...boardIds.map((b) => ({ group_id: groupId, board_id: b, unit_id: null })),
    ...unitIds.map((u) => ({ group_id: groupId, board_id: null, unit_id: u })),
  ];
  if (rows.length) await db.insertInto('training_priority_group_member').values(rows).execute();
}

export async function deleteGroup(db: Database, id: string) {
  await db.deleteFrom('training_priority_group').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- organisation (plain look-ups)

export async function boardsOf(db: Database, municipalityId: string) {
  return db.selectFrom('board').select(['id', 'name', 'code', 'kind']).where('municipality_id', '=', municipalityId).orderBy('kind').orderBy('name').execute();
}

/** The municipality's units, by name. */
const unitsOfMunicipality = (db: Database, municipalityId: string) =>
  db.selectFrom('unit').innerJoin('board', 'board.id', 'unit.board_id').where('board.municipality_id', '=', municipalityId).orderBy('unit.name');

export async function unitsOf(db: Database, municipalityId: string) {
  const units = unitsOfMunicipality(db, municipalityId).select(['unit.id', 'unit.board_id', 'unit.parent_id', 'unit.name', 'unit.code', 'unit.kind']);
  return readMany(db, units, ['id', 'board_id', 'parent_id', 'name', 'code', 'kind']);
}

/** What coverage reads of the municipality's units: the tree and the names, by name. */
export async function unitTreeOf(db: Database, municipalityId: string) {
  const units = unitsOfMunicipality(db, municipalityId).select(['unit.id', 'unit.board_id', 'unit.parent_id', 'unit.name']);
  return readMany(db, units, ['id', 'board_id', 'parent_id', 'name']);
}

/** One board of the register, for a board's page (its municipality checked by the caller). */
export async function findBoard(db: Database, id: string) {
  return db.selectFrom('board').select(['id', 'name', 'municipality_id']).where('id', '=', id).executeTakeFirst();
}

/** Which of these board ids are boards of the municipality. */
export async function boardIdsIn(db: Database, municipalityId: string, ids: string[]) {
  return db.selectFrom('board').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

/** Which of these unit ids are units of the municipality. */
export async function unitIdsIn(db: Database, municipalityId: string, ids: string[]) {
  return db
    .selectFrom('unit')
    .innerJoin('board', 'board.id', 'unit.board_id')
    .select('unit.id')
    .where('board.municipality_id', '=', municipalityId)
    .where('unit.id', 'in', ids)
    .execute();
}

// ---------------------------------------------------------------- imports

export async function insertImport(
  db: Database,
  i: { municipality_id: string; kind: 'headcounts' | 'participants'; course_id: string | null; actor_id: string | null; row_count: number; added: number; merged: number },
) {
  return db.insertInto('training_import').values(i).returning('id').executeTakeFirstOrThrow();
}

/** Headcount keys (board, unit, date) already stored for these boards. */
export async function existingHeadcountKeys(db: Database, boardIds: string[]) {
  if (!boardIds.length) return [];
  return db.selectFrom('training_headcount').select(['board_id', 'unit_id', 'as_of']).where('board_id', 'in', boardIds).execute();
}

export async function upsertHeadcounts(
  db: Database,
  rows: { board_id: string; unit_id: string | null; employees: number; as_of: string; import_id: string }[],
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('training_headcount')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.constraint('training_headcount_unique').doUpdateSet((eb) => ({
          employees: eb.ref('excluded.employees'),
          import_id: eb.ref('excluded.import_id'),
          created_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

/** Employee keys already registered for the course (to tell new people from known ones). */
export async function existingCompletionKeys(db: Database, courseId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('training_completion').select('employee_key').where('course_id', '=', courseId).execute();
  return new Set(rows.map((r) => r.employee_key));
}

/**
 * Stores completions, one per person and course. A person already registered keeps the earliest
 * date (and the unit of that completion), and a completion replaces a row that only says the course
 * was started; with `boards` given, only rows of those boards change.
 * Rows go in as arrays (unnest), 10,000 per statement: 100,000 rows in about a second on PGlite.
 */
export async function upsertCompletions(
  db: Database,
  courseId: string,
  importId: string,
  rows: { board_id: string; unit_id: string | null; employee_key: string; completed_on: string; status: 'completed' | 'started' }[],
  boards: 'all' | string[],
) {
  const all = boards === 'all';
  const scope = boards === 'all' ? [] : boards;
  // One import of a course at a time: the statements below also move the course's counts
  // (training_completion_count), and two imports locking them batch by batch could deadlock.
  await sql`select pg_advisory_xact_lock(hashtext(${`training_completion:${courseId}`}))`.execute(db);
  for (let i = 0; i < rows.length; i += UNNEST_BATCH) {
    const part = rows.slice(i, i + UNNEST_BATCH);
    await sql`
      insert into training_completion (course_id, employee_key, board_id, unit_id, completed_on, status, import_id)
      select ${courseId}::uuid, r.k, r.b, r.u, r.d, r.s, ${importId}::uuid
      from unnest(${part.map((r) => r.employee_key)}::text[], ${part.map((r) => r.board_id)}::uuid[], ${part.map((r) => r.unit_id)}::uuid[], ${part.map((r) => r.completed_on)}::date[], ${part.map((r) => r.status)}::text[]) as r(k, b, u, d, s)
      on conflict (course_id, employee_key) do update
        set completed_on = excluded.completed_on, board_id = excluded.board_id, unit_id = excluded.unit_id, status = excluded.status, import_id = excluded.import_id
        where (excluded.status = training_completion.status and excluded.completed_on < training_completion.completed_on
               or excluded.status = 'completed' and training_completion.status = 'started')
          and (${all} or training_completion.board_id = any(${scope}::uuid[]))
    `.execute(db);
  }
}

// ---------------------------------------------------------------- coverage data

/** The boards' headcounts: the whole history, or with `latestOn` only each board's and unit's latest on or before that day. */
export async function headcountsOf(db: Database, boards: 'all' | string[], municipalityId: string, latestOn?: string): Promise<HeadcountRow[]> {
  if (boards !== 'all' && !boards.length) return [];
  const q = db
    .selectFrom('training_headcount as h')
    .innerJoin('board', 'board.id', 'h.board_id')
    .where('board.municipality_id', '=', municipalityId)
    .$if(boards !== 'all', (q) => q.where('h.board_id', 'in', boards as string[]));
  if (latestOn !== undefined) {
    const latest = q
      .select(['h.board_id', 'h.unit_id', 'h.employees', 'h.as_of'])
      .where('h.as_of', '<=', latestOn)
      .distinctOn(['h.board_id', 'h.unit_id'])
      .orderBy('h.board_id')
      .orderBy('h.unit_id')
      .orderBy('h.as_of', 'desc');
    return readMany(db, latest, ['board_id', 'unit_id', 'employees', 'as_of']);
  }
  // A city's whole history is tens of thousands of rows: read one row per board and unit with its
  // dates and counts as arrays (the ids encoded and decoded once, not once per date), spread out
  // again here, by date. Both arrays are in date order, one entry per date (the unique constraint
  // of migration 0004), so their places pair each date with its count.
  const perUnit = q
    .select(['h.board_id', 'h.unit_id', sql<string[]>`json_agg(h.as_of order by h.as_of)`.as('dates'), sql<number[]>`json_agg(h.employees order by h.as_of)`.as('counts')])
    .groupBy(['h.board_id', 'h.unit_id']);
  const rows: HeadcountRow[] = [];
  for (const u of await readMany(db, perUnit, ['board_id', 'unit_id', 'dates', 'counts'])) {
    for (let i = 0; i < u.dates.length; i++) rows.push({ board_id: u.board_id, unit_id: u.unit_id, employees: u.counts[i], as_of: u.dates[i] });
  }
  return rows.sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0));
}

export interface HeadcountRow {
  board_id: string;
  unit_id: string | null;
  employees: number;
  as_of: string;
}
