import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PlanActivityTable } from '../../db/schema.js';
import { definedOnly } from '../../db/patch.js';

/** Kysely queries for plan activities. No rules here. */

const json = (v: unknown) => JSON.stringify(v);

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

export type ActivityValues = {
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
  partner_ids?: string[];
  target_groups?: string[];
  timeline: string;
  start_date: string | null;
  end_date: string | null;
  follow_up: string;
  indicators: unknown[];
  carried_over_from_activity_id?: string | null;
  previous_year_final_status?: PlanActivityTable['previous_year_final_status'];
  revised_from_activity_id?: string | null;
};

export async function insertActivities(db: Database, rows: ActivityValues[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('plan_activity')
    .values(
      rows.map((r) => ({
        ...r,
        guideline_element_ids: json(r.guideline_element_ids),
        indicators: json(r.indicators),
        partner_ids: json(r.partner_ids ?? []),
        target_groups: json(r.target_groups ?? []),
      })),
    )
    .returningAll()
    .execute();
}

export async function updateActivity(db: Database, id: string, patch: Partial<Omit<ActivityValues, 'plan_id'>>) {
  const set = definedOnly({
    ...patch,
    guideline_element_ids: patch.guideline_element_ids === undefined ? undefined : json(patch.guideline_element_ids),
    indicators: patch.indicators === undefined ? undefined : json(patch.indicators),
    partner_ids: patch.partner_ids === undefined ? undefined : json(patch.partner_ids),
    target_groups: patch.target_groups === undefined ? undefined : json(patch.target_groups),
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
