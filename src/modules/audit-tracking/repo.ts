/** Kysely queries of audit tracking only; no rules here. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AuditMeasureTable, AuditReportTable } from '../../db/schema.js';
import type { MeasureStatus } from '../../domain/audit-tracking/status.js';

// ---------------------------------------------------------------- reports

const REPORT = ['id', 'municipality_id', 'title', 'number', 'case_number', 'issued_on', 'reply_due', 'scope', 'created_at', 'updated_at'] as const;
export type ReportRow = Awaited<ReturnType<typeof findReport>> & {};

export async function insertReport(trx: Database, values: Insertable<AuditReportTable>) {
  return trx.insertInto('audit_report').values(values).returning(REPORT).executeTakeFirstOrThrow();
}

export async function updateReport(trx: Database, id: string, patch: Updateable<AuditReportTable>) {
  return trx.updateTable('audit_report').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returning(REPORT).executeTakeFirstOrThrow();
}

export async function findReport(db: Database, id: string) {
  return db.selectFrom('audit_report').select(REPORT).where('id', '=', id).executeTakeFirst();
}

/**
 * Reports of a municipality, newest first. `boards`: only reports with a recommendation addressed
 * to one of them ('all': every report, also those without recommendations yet).
 */
export async function listReports(db: Database, municipalityId: string, boards: 'all' | string[]) {
  let q = db.selectFrom('audit_report as r').select(REPORT.map((c) => `r.${c}` as const)).where('r.municipality_id', '=', municipalityId);
  if (boards !== 'all') {
    if (!boards.length) return [];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_recommendation as c')
          .innerJoin('audit_recommendation_board as rb', 'rb.recommendation_id', 'c.id')
          .select(sql`1`.as('one'))
          .whereRef('c.report_id', '=', 'r.id')
          .where('rb.board_id', 'in', boards),
      ),
    );
  }
  return q.orderBy('r.issued_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

// ---------------------------------------------------------------- recommendations

export async function nextRecommendationPosition(trx: Database, reportId: string) {
  const r = await trx.selectFrom('audit_recommendation').select((eb) => eb.fn.max('position').as('max')).where('report_id', '=', reportId).executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertRecommendation(trx: Database, values: { report_id: string; position: number; text: string }, boardIds: readonly string[]) {
  const row = await trx.insertInto('audit_recommendation').values(values).returning(['id', 'report_id', 'position', 'text']).executeTakeFirstOrThrow();
  await trx
    .insertInto('audit_recommendation_board')
    .values(boardIds.map((board_id) => ({ recommendation_id: row.id, board_id })))
    .execute();
  return row;
}

/** A recommendation with its report's municipality and reply date. */
export async function findRecommendation(db: Database, id: string) {
  return db
    .selectFrom('audit_recommendation as c')
    .innerJoin('audit_report as r', 'r.id', 'c.report_id')
    .select(['c.id', 'c.report_id', 'c.text', 'c.position', 'r.municipality_id', 'r.reply_due', 'r.title as report_title'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function recommendationsOf(db: Database, reportIds: readonly string[]) {
  if (!reportIds.length) return [];
  return db.selectFrom('audit_recommendation').select(['id', 'report_id', 'position', 'text']).where('report_id', 'in', reportIds).orderBy('report_id').orderBy('position').execute();
}

/** Addressed boards of recommendations, in the boards' kind and name order. */
export async function addressedBoards(db: Database, recommendationIds: readonly string[]) {
  if (!recommendationIds.length) return [];
  return db
    .selectFrom('audit_recommendation_board as rb')
    .innerJoin('board as b', 'b.id', 'rb.board_id')
    .select(['rb.recommendation_id', 'rb.board_id', 'b.name as board_name', 'b.kind as board_kind'])
    .where('rb.recommendation_id', 'in', recommendationIds)
    .execute();
}

export async function isAddressed(db: Database, recommendationId: string, boardId: string) {
  const r = await db.selectFrom('audit_recommendation_board').select('board_id').where('recommendation_id', '=', recommendationId).where('board_id', '=', boardId).executeTakeFirst();
  return !!r;
}

// ---------------------------------------------------------------- replies

const REPLY = ['id', 'recommendation_id', 'board_id', 'text', 'decided_on', 'paragraph', 'case_number', 'updated_by_name', 'created_at', 'updated_at'] as const;

export async function repliesOf(db: Database, recommendationIds: readonly string[]) {
  if (!recommendationIds.length) return [];
  return db.selectFrom('audit_reply').select(REPLY).where('recommendation_id', 'in', recommendationIds).execute();
}

export async function findReply(db: Database, recommendationId: string, boardId: string) {
  return db.selectFrom('audit_reply').select(REPLY).where('recommendation_id', '=', recommendationId).where('board_id', '=', boardId).executeTakeFirst();
}

export async function findReplyById(db: Database, id: string) {
  return db.selectFrom('audit_reply').select(REPLY).where('id', '=', id).executeTakeFirst();
}

export async function upsertReply(
  trx: Database,
  values: { recommendation_id: string; board_id: string; text: string; decided_on: string | null; paragraph: string | null; case_number: string | null; updated_by: string | null; updated_by_name: string },
) {
  return trx
    .insertInto('audit_reply')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['recommendation_id', 'board_id']).doUpdateSet({
        text: values.text,
        decided_on: values.decided_on,
        paragraph: values.paragraph,
        case_number: values.case_number,
        updated_by: values.updated_by,
        updated_by_name: values.updated_by_name,
        updated_at: new Date(),
      }),
    )
    .returning(REPLY)
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- measures

const MEASURE = [
  'm.id',
  'm.recommendation_id',
  'm.board_id',
  'm.position',
  'm.title',
  'm.responsible',
  'm.due_on',
  'm.activity_id',
  'm.waiting_for',
  'm.waiting_for_measure_id',
  'm.status',
  'm.status_at',
  'm.created_at',
] as const;

/** Measures with their linked activity (plan, year, title, removed or not). */
export async function measuresOf(db: Database, where: { recommendationIds?: readonly string[]; ids?: readonly string[] }) {
  const ids = where.ids ?? [];
  const recs = where.recommendationIds ?? [];
  if (!ids.length && !recs.length) return [];
  return db
    .selectFrom('audit_measure as m')
    .leftJoin('plan_activity as a', 'a.id', 'm.activity_id')
    .leftJoin('plan as p', 'p.id', 'a.plan_id')
    .select([...MEASURE, 'a.title as activity_title', 'a.plan_id as activity_plan_id', 'a.deleted_at as activity_deleted_at', 'p.year as activity_year'])
    .where((eb) => (ids.length ? eb('m.id', 'in', ids) : eb('m.recommendation_id', 'in', recs)))
    .orderBy('m.recommendation_id')
    .orderBy('m.board_id')
    .orderBy('m.position')
    .execute();
}
export type MeasureRow = Awaited<ReturnType<typeof measuresOf>>[number];

/** Each activity's latest follow-up (latest year, then latest period). */
export async function latestFollowUps(db: Database, activityIds: readonly string[]) {
  if (!activityIds.length) return [];
  return db
    .selectFrom('follow_up')
    .distinctOn('activity_id')
    .select(['activity_id', 'year', 'period', 'status', 'reported_at'])
    .where('activity_id', 'in', activityIds)
    .orderBy('activity_id')
    .orderBy('year', 'desc')
    .orderBy('period_rank', 'desc')
    .execute();
}

/** Measures of other boards that some measures wait for, with the board's name. */
export async function measureHeads(db: Database, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('audit_measure as m')
    .innerJoin('board as b', 'b.id', 'm.board_id')
    .select(['m.id', 'm.board_id', 'b.name as board_name', 'm.title', 'm.status', 'm.status_at', 'm.activity_id'])
    .where('m.id', 'in', ids)
    .execute();
}

export async function updatesOf(db: Database, measureIds: readonly string[]) {
  if (!measureIds.length) return [];
  return db.selectFrom('audit_measure_update').select(['measure_id', 'status', 'comment', 'period', 'actor_name', 'at']).where('measure_id', 'in', measureIds).orderBy('at').execute();
}

export async function nextMeasurePosition(trx: Database, recommendationId: string, boardId: string) {
  const r = await trx
    .selectFrom('audit_measure')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('recommendation_id', '=', recommendationId)
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertMeasure(trx: Database, values: Insertable<AuditMeasureTable>) {
  return trx.insertInto('audit_measure').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateMeasure(trx: Database, id: string, patch: Updateable<AuditMeasureTable>) {
  await trx.updateTable('audit_measure').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
}

/** A measure with its report's municipality, locked for the update. */
export async function lockMeasure(trx: Database, id: string) {
  return trx
    .selectFrom('audit_measure as m')
    .innerJoin('audit_recommendation as c', 'c.id', 'm.recommendation_id')
    .innerJoin('audit_report as r', 'r.id', 'c.report_id')
    .select(['m.id', 'm.recommendation_id', 'm.board_id', 'm.status', 'm.activity_id', 'm.waiting_for', 'm.waiting_for_measure_id', 'r.municipality_id', 'r.id as report_id'])
    .where('m.id', '=', id)
    .forUpdate('m')
    .executeTakeFirst();
}

/** Which board and municipality a measure belongs to. */
export async function measureOwner(db: Database, id: string) {
  return db
    .selectFrom('audit_measure as m')
    .innerJoin('audit_recommendation as c', 'c.id', 'm.recommendation_id')
    .innerJoin('audit_report as r', 'r.id', 'c.report_id')
    .select(['m.id', 'm.board_id', 'r.municipality_id'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function insertMeasureUpdate(trx: Database, values: { measure_id: string; status: MeasureStatus; comment: string | null; period: string; actor_id: string | null; actor_name: string }) {
  await trx.insertInto('audit_measure_update').values(values).execute();
}

// ---------------------------------------------------------------- assessments

export async function assessmentsOf(db: Database, recommendationIds: readonly string[]) {
  if (!recommendationIds.length) return [];
  return db
    .selectFrom('audit_assessment')
    .select(['id', 'recommendation_id', 'board_id', 'result', 'comment', 'assessed_on', 'assessor_name', 'created_at'])
    .where('recommendation_id', 'in', recommendationIds)
    .orderBy('created_at')
    .execute();
}

export async function insertAssessment(
  trx: Database,
  values: { recommendation_id: string; board_id: string; result: 'addressed' | 'partly' | 'not_addressed'; comment: string | null; assessed_on: string; assessor_id: string | null; assessor_name: string },
) {
  return trx.insertInto('audit_assessment').values(values).returning(['id', 'recommendation_id', 'board_id', 'result', 'comment', 'assessed_on', 'assessor_name', 'created_at']).executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- plans a measure links to

/** A plan activity with its plan's board and municipality (for linking a measure to it). */
export async function activityWithBoard(db: Database, activityId: string) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select(['a.id', 'a.title', 'a.deleted_at', 'p.id as plan_id', 'p.board_id', 'p.year', 'b.municipality_id'])
    .where('a.id', '=', activityId)
    .executeTakeFirst();
}

export async function planWithBoard(db: Database, planId: string) {
  return db
    .selectFrom('plan as p')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select(['p.id', 'p.board_id', 'p.year', 'p.status', 'b.municipality_id'])
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

/** The board's plans, newest first, with their live activities. */
export async function plansOfBoard(db: Database, boardId: string) {
  const plans = await db.selectFrom('plan').select(['id', 'year', 'status']).where('board_id', '=', boardId).orderBy('year', 'desc').execute();
  if (!plans.length) return [];
  const activities = await db
    .selectFrom('plan_activity')
    .select(['id', 'plan_id', 'title'])
    .where('plan_id', 'in', plans.map((p) => p.id))
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return plans.map((p) => ({ ...p, activities: activities.filter((a) => a.plan_id === p.id).map((a) => ({ id: a.id, title: a.title })) }));
}

/** Measures of other boards in the municipality (what a measure may wait for). */
export async function otherBoardsMeasures(db: Database, municipalityId: string, boardId: string) {
  return db
    .selectFrom('audit_measure as m')
    .innerJoin('board as b', 'b.id', 'm.board_id')
    .innerJoin('audit_recommendation as c', 'c.id', 'm.recommendation_id')
    .innerJoin('audit_report as r', 'r.id', 'c.report_id')
    .select(['m.id', 'm.title', 'b.name as board_name', 'r.title as report_title'])
    .where('r.municipality_id', '=', municipalityId)
    .where('m.board_id', '<>', boardId)
    .orderBy('b.name')
    .orderBy('m.title')
    .execute();
}

export async function municipalityBoards(db: Database, municipalityId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('board').select(['id', 'name', 'kind']).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

/** The municipality's name and the board's administration (its top unit), for the reply's header. */
export async function documentContext(db: Database, municipalityId: string, boardId: string) {
  const [municipality, administration] = await Promise.all([
    db.selectFrom('municipality').select('name').where('id', '=', municipalityId).executeTakeFirst(),
    db.selectFrom('unit').select('name').where('board_id', '=', boardId).where('parent_id', 'is', null).where('kind', '=', 'administration').orderBy('created_at').executeTakeFirst(),
  ]);
  return { municipality: municipality?.name ?? '', administration: administration?.name ?? null };
}
