import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/**
 * Follow-up across a plan revision (issue 14): queries only. Activities carried into a revision
 * name the activity they revise (`plan_activity.revised_from_activity_id`).
 */

/** Gives each carried-over activity of `revisionPlanId` the named reporters of the activity it revises. */
export async function copyReporters(db: Database, revisionPlanId: string) {
  const r = await sql`
    insert into follow_up_reporter (activity_id, user_id)
    select a.id, r.user_id from plan_activity a
    join follow_up_reporter r on r.activity_id = a.revised_from_activity_id
    where a.plan_id = ${revisionPlanId}
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Moves the follow-up reports and context-indicator links of the revised activities to their
 * successors in `revisionPlanId`. Run while the old plan is still approved (its reports count), so
 * the triggers of migration 0005 keep them counted when the plans change state.
 */
export async function moveToRevision(db: Database, revisionPlanId: string) {
  const reports = await sql`
    update follow_up f set activity_id = a.id, measure_area = a.measure_area
    from plan_activity a
    where a.plan_id = ${revisionPlanId} and a.deleted_at is null and a.revised_from_activity_id = f.activity_id`.execute(db);
  await sql`
    update context_indicator_link k set activity_id = a.id
    from plan_activity a
    where a.plan_id = ${revisionPlanId} and a.deleted_at is null and a.revised_from_activity_id = k.activity_id`.execute(db);
  return Number(reports.numAffectedRows ?? 0);
}

/** The latest reported status of each activity (its last period's report), for carrying into next year's plan. */
export async function latestStatuses(db: Database, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('follow_up')
    .select(['activity_id', 'status'])
    .distinctOn('activity_id')
    .where('activity_id', 'in', activityIds)
    .orderBy('activity_id')
    .orderBy('year', 'desc')
    .orderBy('period_rank', 'desc')
    .execute();
}
