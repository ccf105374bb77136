import type { Database } from '../../db/database.js';
import type { FinalStatus } from '../../domain/plans/model.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { latestReportedStatuses } from '../followup/revision.service.js';
import { planForWrite } from './access.js';
import { planDetail } from './detail.service.js';
import * as repo from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import { copyPlanContent } from './copy.js';
import { uniqueViolation } from './text.js';

/** The annual revision: next year's plan as a copy, and last year's final status on carried-over activities. */


/**
 * "Start next year's plan": a copy of the plan for the next year, as a draft. Each carried-over
 * activity points at its source, so last year's final status can be shown beside it.
 */
export async function copyToNextYear(opts: { db: Database; actor: ServiceActor; planId: string }) {
  try {
    return await opts.db.transaction().execute(async (trx) => {
      const source = await planForWrite(trx, opts.actor, opts.planId);
      const year = source.year + 1;
      if (await repo.findPlanByBoardYear(trx, source.board_id, year)) {
        throw conflict(`${source.board_name} har redan en plan för ${year}.`, 'duplicate');
      }
      const { id } = await repo.insertPlan(trx, {
        board_id: source.board_id,
        year,
        created_by: actorUserId(opts.actor),
        previous_plan_id: source.id,
        measure_area_gaps: source.measure_area_gaps ?? {},
      });
      // Each activity starts with its latest reported status; a later T2 or VB report updates it
      // (recordPreviousYearFinalStatus).
      const latest = await latestReportedStatuses({ db: trx, activityIds: (await activitiesRepo.listActivities(trx, [source.id])).map((a) => a.id) });
      const copied = await copyPlanContent(trx, {
        sourceId: source.id,
        targetId: id,
        userId: actorUserId(opts.actor),
        link: (a) => ({ carried_over_from_activity_id: a.id, previous_year_final_status: latest.get(a.id) ?? null }),
      });
      await recordAudit(trx, opts.actor, {
        action: 'plans.copy',
        entity: 'plan',
        entityId: id,
        boardId: source.board_id,
        summary: { fromPlanId: source.id, fromYear: source.year, year, activities: copied.activities },
      });
      return planDetail(trx, opts.actor, (await repo.findPlan(trx, id))!);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict('Nämnden har redan en plan för nästa år.', 'duplicate');
    throw e;
  }
}

/**
 * For the follow-up capability: records last year's final status of `sourceActivityId` on every
 * activity carried over from it into a later plan. Runs inside the caller's transaction; it is a
 * fact about last year, so it is recorded whatever state the new plan is in.
 */
export async function recordPreviousYearFinalStatus(opts: { trx: Database; actor: ServiceActor; sourceActivityId: string; status: FinalStatus | null }) {
  const updated = await activitiesRepo.setFinalStatusOfCarriedOver(opts.trx, opts.sourceActivityId, opts.status);
  for (const u of updated) {
    const plan = await repo.findPlan(opts.trx, u.plan_id);
    await recordAudit(opts.trx, opts.actor, {
      action: 'plans.activities.final_status',
      entity: 'plan_activity',
      entityId: u.id,
      boardId: plan?.board_id ?? null,
      summary: { planId: u.plan_id, sourceActivityId: opts.sourceActivityId, status: opts.status },
    });
  }
  return updated.length;
}
