import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PlanActivityTable } from '../../db/schema.js';
import { definedOnly, isEmpty } from '../../db/patch.js';

/** Kysely queries of the plans capability. No rules here. */

const json = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- governing documents

export async function listGuidelineDocuments(db: Database, municipalityId: string) {
  return db
    .selectFrom('guideline_document')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function listGuidelineElements(db: Database, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return db.selectFrom('guideline_element').selectAll().where('document_id', 'in', documentIds).orderBy('position').orderBy('created_at').execute();
}

export async function findGuidelineDocument(db: Database, id: string) {
  return db.selectFrom('guideline_document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGuidelineElement(db: Database, id: string) {
  return db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .selectAll('guideline_element')
    .select('guideline_document.municipality_id')
    .where('guideline_element.id', '=', id)
    .executeTakeFirst();
}

/** The ids among `ids` that are elements of the municipality's documents. */
export async function existingElementIds(db: Database, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .select('guideline_element.id')
    .where('guideline_document.municipality_id', '=', municipalityId)
    .where('guideline_element.id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertGuidelineDocument(
  db: Database,
  d: { municipality_id: string; title: string; short_title?: string | null; adopted_on?: string | null; description?: string | null; position?: number },
) {
  return db.insertInto('guideline_document').values(d).returningAll().executeTakeFirstOrThrow();
}

export async function updateGuidelineDocument(
  db: Database,
  id: string,
  patch: { title?: string; short_title?: string | null; adopted_on?: string | null; description?: string | null },
) {
  const set = definedOnly(patch);
  return db
    .updateTable('guideline_document')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function nextElementPosition(db: Database, documentId: string) {
  const r = await db
    .selectFrom('guideline_element')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return (r?.max ?? -1) + 1;
}

export async function insertGuidelineElement(
  db: Database,
  e: { document_id: string; kind: string; key?: string | null; label: string; position: number },
) {
  return db
    .insertInto('guideline_element')
    .values({ ...e, kind: e.kind as 'measure_area' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateGuidelineElement(db: Database, id: string, patch: { label?: string; position?: number; archived?: boolean }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return db.selectFrom('guideline_element').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('guideline_element').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Non-archived elements of the municipality with their document's title, in reading order. */
export async function listActiveElements(db: Database, municipalityId: string) {
  return db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .select([
      'guideline_element.id',
      'guideline_element.kind',
      'guideline_element.key',
      'guideline_element.label',
      'guideline_document.title as document_title',
      'guideline_document.short_title as document_short_title',
    ])
    .where('guideline_document.municipality_id', '=', municipalityId)
    .where('guideline_element.archived', '=', false)
    .orderBy('guideline_document.position')
    .orderBy('guideline_document.created_at')
    .orderBy('guideline_element.position')
    .execute();
}

// ---------------------------------------------------------------- plan instructions

export type InstructionRow = NonNullable<Awaited<ReturnType<typeof findInstruction>>>;

export async function listInstructions(db: Database, municipalityId: string) {
  return db.selectFrom('plan_instruction').selectAll().where('municipality_id', '=', municipalityId).orderBy('year', 'desc').execute();
}

export async function findInstruction(db: Database, id: string) {
  return db.selectFrom('plan_instruction').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInstructionByYear(db: Database, municipalityId: string, year: number) {
  return db.selectFrom('plan_instruction').selectAll().where('municipality_id', '=', municipalityId).where('year', '=', year).executeTakeFirst();
}

export async function listPublishedInstructions(db: Database, municipalityId: string) {
  return db
    .selectFrom('plan_instruction')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
}

export async function insertInstruction(
  db: Database,
  i: {
    municipality_id: string;
    year: number;
    deadline: string | null;
    guidance: string | null;
    sections: { key: string; title: string; guidance?: string | null }[];
    required_activity_fields: string[];
    review_criteria: { id: string; text: string }[];
  },
) {
  return db
    .insertInto('plan_instruction')
    .values({
      ...i,
      sections: json(i.sections),
      required_activity_fields: json(i.required_activity_fields),
      review_criteria: json(i.review_criteria),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateInstruction(
  db: Database,
  id: string,
  patch: {
    deadline?: string | null;
    guidance?: string | null;
    sections?: unknown;
    required_activity_fields?: unknown;
    review_criteria?: unknown;
    status?: 'draft' | 'published';
    published_at?: Date;
  },
) {
  const set = definedOnly({
    deadline: patch.deadline,
    guidance: patch.guidance,
    status: patch.status,
    published_at: patch.published_at,
    sections: patch.sections === undefined ? undefined : json(patch.sections),
    required_activity_fields: patch.required_activity_fields === undefined ? undefined : json(patch.required_activity_fields),
    review_criteria: patch.review_criteria === undefined ? undefined : json(patch.review_criteria),
  });
  return db
    .updateTable('plan_instruction')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

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
  p: { board_id: string; year: number; created_by: string | null; previous_plan_id?: string | null; measure_area_gaps?: Record<string, string> },
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
  patch: { status?: PlanRow['status']; decided_on?: string | null; paragraph?: string | null; measure_area_gaps?: Record<string, string> },
) {
  const set = definedOnly({
    status: patch.status,
    decided_on: patch.decided_on,
    paragraph: patch.paragraph,
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
  return db.selectFrom('plan').select('id').where('previous_plan_id', '=', planId).executeTakeFirst();
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

// ---------------------------------------------------------------- activities

export type ActivityRow = Awaited<ReturnType<typeof listActivities>>[number];

export async function listActivities(db: Database, planIds: string[], opts: { deleted?: boolean } = {}) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_activity')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .where('deleted_at', opts.deleted ? 'is not' : 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function findActivity(db: Database, id: string) {
  return db.selectFrom('plan_activity').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextActivityPosition(db: Database, planId: string) {
  const r = await db
    .selectFrom('plan_activity')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (r?.max ?? 0) + 1;
}

type ActivityValues = {
  plan_id: string;
  position: number;
  title: string;
  description: string | null;
  measure_area: PlanActivityTable['measure_area'];
  perspective: string | null;
  guideline_element_ids: string[];
  responsible: string;
  responsible_unit_id: string | null;
  partners: string | null;
  timeline: string;
  start_date: string | null;
  end_date: string | null;
  follow_up: string;
  indicators: unknown[];
  carried_over_from_activity_id?: string | null;
  previous_year_final_status?: PlanActivityTable['previous_year_final_status'];
};

export async function insertActivities(db: Database, rows: ActivityValues[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('plan_activity')
    .values(rows.map((r) => ({ ...r, guideline_element_ids: json(r.guideline_element_ids), indicators: json(r.indicators) })))
    .returningAll()
    .execute();
}

export async function updateActivity(db: Database, id: string, patch: Partial<Omit<ActivityValues, 'plan_id'>>) {
  const set = definedOnly({
    ...patch,
    guideline_element_ids: patch.guideline_element_ids === undefined ? undefined : json(patch.guideline_element_ids),
    indicators: patch.indicators === undefined ? undefined : json(patch.indicators),
  });
  return db
    .updateTable('plan_activity')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function softDeleteActivity(db: Database, id: string, userId: string | null) {
  await db.updateTable('plan_activity').set({ deleted_at: sql`now()`, deleted_by: userId }).where('id', '=', id).execute();
}

/** Brings a removed activity back, last in the plan's order (its old place may be taken). */
export async function restoreActivity(db: Database, id: string, position: number) {
  return db
    .updateTable('plan_activity')
    .set({ deleted_at: null, deleted_by: null, position, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setActivityPosition(db: Database, id: string, position: number) {
  await db.updateTable('plan_activity').set({ position }).where('id', '=', id).execute();
}

/** Live activities carried over from `sourceId` (annual revision). */
export async function setFinalStatusOfCarriedOver(db: Database, sourceId: string, status: PlanActivityTable['previous_year_final_status']) {
  return db
    .updateTable('plan_activity')
    .set({ previous_year_final_status: status, updated_at: sql`now()` })
    .where('carried_over_from_activity_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .returning(['id', 'plan_id'])
    .execute();
}

// ---------------------------------------------------------------- workflow: transitions, versions, reviews

export async function listTransitions(db: Database, planId: string) {
  return db.selectFrom('plan_transition').selectAll().where('plan_id', '=', planId).orderBy('at').orderBy('version_number').execute();
}

export async function insertTransition(
  db: Database,
  t: {
    plan_id: string;
    from_status: string;
    to_status: string;
    actor_id: string | null;
    actor_name: string;
    comment: string | null;
    decided_on: string | null;
    paragraph: string | null;
    version_number: number | null;
  },
) {
  return db.insertInto('plan_transition').values(t).returningAll().executeTakeFirstOrThrow();
}

export async function nextVersionNumber(db: Database, planId: string) {
  const r = await db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (r?.max ?? 0) + 1;
}

export async function insertVersion(db: Database, v: { plan_id: string; number: number; status: string; snapshot: unknown; created_by: string | null }) {
  await db
    .insertInto('plan_version')
    .values({ ...v, snapshot: json(v.snapshot) })
    .execute();
}

export async function listVersions(db: Database, planId: string) {
  return db.selectFrom('plan_version').select(['number', 'status', 'created_at']).where('plan_id', '=', planId).orderBy('number').execute();
}

export async function findVersion(db: Database, planId: string, number: number) {
  return db.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

export async function listReviews(db: Database, planId: string) {
  return db.selectFrom('plan_review').selectAll().where('plan_id', '=', planId).orderBy('created_at').execute();
}

export async function findOpenReview(db: Database, planId: string) {
  return db.selectFrom('plan_review').selectAll().where('plan_id', '=', planId).where('transition_id', 'is', null).executeTakeFirst();
}

export async function insertReview(
  db: Database,
  r: { plan_id: string; items: unknown; comment: string | null; reviewer_id: string | null; reviewer_name: string },
) {
  return db
    .insertInto('plan_review')
    .values({ ...r, items: json(r.items) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateReview(
  db: Database,
  id: string,
  r: { items?: unknown; comment?: string | null; reviewer_id?: string | null; reviewer_name?: string; transition_id?: string },
) {
  const set = definedOnly({ ...r, items: r.items === undefined ? undefined : json(r.items) });
  return db
    .updateTable('plan_review')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
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
