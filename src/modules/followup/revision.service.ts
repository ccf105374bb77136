import type { Database } from '../../db/database.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './revision.repo.js';

/**
 * Follow-up continuity across a revision of a plan during the year (issue 14), for the plans
 * capability to call inside its own transaction. While the revision is worked on, follow-up keeps
 * reporting on the approved plan; when the revision is approved its carried-over activities take
 * over their predecessors' reports, so their history follows them.
 */

/** A new revision's carried-over activities keep the named reporters of the activities they revise. */
export async function carryReportersIntoRevision(opts: { trx: Database; revisionPlanId: string }) {
  return repo.copyReporters(opts.trx, opts.revisionPlanId);
}

/** On approval of a revision: the reports of each revised activity move to its successor. */
export async function moveFollowUpToRevision(opts: { trx: Database; actor: ServiceActor; revisionPlanId: string; revisedPlanId: string; boardId: string; year: number }) {
  const moved = await repo.moveToRevision(opts.trx, opts.revisionPlanId);
  await recordAudit(opts.trx, opts.actor, {
    action: 'followup.moved_to_revision',
    entity: 'plan',
    entityId: opts.revisionPlanId,
    boardId: opts.boardId,
    summary: { fromPlanId: opts.revisedPlanId, year: opts.year, reports: moved },
  });
  return moved;
}

/**
 * Each activity's latest reported status (VB, else T2, else T1), for next year's copy of the plan:
 * "I revideringen ska status på föregående års vidtagna åtgärder framgå". Activities without a
 * report are left out.
 */
export async function latestReportedStatuses(opts: { db: Database; activityIds: readonly string[] }) {
  return new Map((await repo.latestStatuses(opts.db, opts.activityIds)).map((r) => [r.activity_id, r.status]));
}
