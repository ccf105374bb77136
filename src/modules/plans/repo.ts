import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { definedOnly } from '../../db/patch.js';

/** Kysely queries of the plans capability: plans, sections and look-ups. No rules here. Activities are in repo-activities.ts, the workflow's records in repo-workflow.ts, governing documents and instructions in repo-governance.ts. */

const json = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- plans

const planColumns = [
  'plan.id',
  'plan.board_id',
  'plan.year',
  'plan.status',
  'plan.decided_on',
  'plan.paragraph',
  'plan.measure_area_gaps',
  'plan.previous_plan_id',
  'plan.revision_of',
  'plan.revision_reason',
  'plan.approved_on',
  'plan.approved_paragraph',
  'plan.created_at',
  'plan.updated_at',
  'board.name as board_name',
  'board.kind as board_kind',
  'board.municipality_id',
] as const;

export async function findPlan(db: Database, id: string) {
  return db.selectFrom('plan').innerJoin('board', 'board.id', 'plan.board_id').select(planColumns).where('plan.id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** Locks the plan row for the rest of the transaction, so concurrent moves and edits queue up. */
export async function lockPlan(db: Database, id: string) {
  await db.selectFrom('plan').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findPlanByBoardYear(db: Database, boardId: string, year: number) {
  return db.selectFrom('plan').select(['id', 'status']).where('board_id', '=', boardId).where('year', '=', year).executeTakeFirst();
}

export async function listPlans(db: Database, q: { municipalityId: string; boards: 'all' | string[]; boardId?: string; year?: number }) {
  if (q.boards !== 'all' && q.boards.length === 0) return [];
  let query = db
    .selectFrom('plan')
    .innerJoin('board', 'board.id', 'plan.board_id')
    .select(planColumns)
    .select((eb) =>
      eb
        .selectFrom('plan_activity')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('plan_activity.plan_id', '=', 'plan.id')
        .where('plan_activity.deleted_at', 'is', null)
        .as('activity_count'),
    )
    .where('board.municipality_id', '=', q.municipalityId);
  if (q.boards !== 'all') query = query.where('plan.board_id', 'in', q.boards);
  if (q.boardId) query = query.where('plan.board_id', '=', q.boardId);
  if (q.year !== undefined) query = query.where('plan.year', '=', q.year);
  return query.orderBy('plan.year', 'desc').orderBy('board.kind').orderBy('board.name').execute();
}

export async function insertPlan(
  db: Database,
  p: {
    board_id: string;
    year: number;
    created_by: string | null;
    previous_plan_id?: string | null;
    measure_area_gaps?: Record<string, string>;
    revision_of?: string | null;
    revision_reason?: string | null;
  },
) {
  return db
    .insertInto('plan')
    .values({ ...p, measure_area_gaps: json(p.measure_area_gaps ?? {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePlan(
  db: Database,
  id: string,
  patch: {
    status?: PlanRow['status'];
    decided_on?: string | null;
    paragraph?: string | null;
    approved_on?: string | null;
    approved_paragraph?: string | null;
    measure_area_gaps?: Record<string, string>;
  },
) {
  const set = definedOnly({
    status: patch.status,
    decided_on: patch.decided_on,
    paragraph: patch.paragraph,
    approved_on: patch.approved_on,
    approved_paragraph: patch.approved_paragraph,
    measure_area_gaps: patch.measure_area_gaps === undefined ? undefined : json(patch.measure_area_gaps),
  });
  await db
    .updateTable('plan')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function touchPlan(db: Database, id: string) {
  await db.updateTable('plan').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function findNextYearPlan(db: Database, planId: string) {
  return db.selectFrom('plan').select('id').where('previous_plan_id', '=', planId).where('revision_of', 'is', null).executeTakeFirst();
}

/** Revisions of `planId`, newest first: the open one (not yet approved) and the one that replaced it. */
export async function listRevisionsOf(db: Database, planId: string) {
  return db.selectFrom('plan').select(['id', 'status']).where('revision_of', '=', planId).orderBy('created_at', 'desc').execute();
}

// ---------------------------------------------------------------- sections

export async function listSections(db: Database, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db.selectFrom('plan_section').selectAll().where('plan_id', 'in', planIds).orderBy('position').execute();
}

export async function upsertSection(
  db: Database,
  s: { plan_id: string; key: string; title: string; body_html: string; dated_on: string | null; position: number; updated_by: string | null },
) {
  return db
    .insertInto('plan_section')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'key']).doUpdateSet({
        body_html: s.body_html,
        dated_on: s.dated_on,
        updated_by: s.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertSections(
  db: Database,
  rows: { plan_id: string; key: string; title: string; body_html: string; dated_on: string | null; position: number; updated_by: string | null }[],
) {
  if (rows.length) await db.insertInto('plan_section').values(rows).execute();
}

// ---------------------------------------------------------------- look-ups

export async function municipalityName(db: Database, id: string) {
  const r = await db.selectFrom('municipality').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? '';
}

export async function listBoardsIn(db: Database, municipalityId: string, boards: 'all' | string[]) {
  if (boards !== 'all' && boards.length === 0) return [];
  let q = db.selectFrom('board').select(['id', 'name', 'kind']).where('municipality_id', '=', municipalityId);
  if (boards !== 'all') q = q.where('id', 'in', boards);
  return q.orderBy('kind').orderBy('name').execute();
}

