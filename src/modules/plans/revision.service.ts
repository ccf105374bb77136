import type { Database } from '../../db/database.js';
import { checkRevision } from '../../domain/plans/decisions.js';
import { actorUserId, canOn, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { carryReportersIntoRevision } from '../followup/revision.service.js';
import { planForRead } from './access.js';
import { copyPlanContent } from './copy.js';
import { planDetail } from './detail.service.js';
import * as repo from './repo.js';
import type { TCreateRevisionRequest, TPlan } from './schema.js';
import { uniqueViolation } from './text.js';

/**
 * Revising an approved plan during the year (issue 14): a new plan for the same board and year
 * (`revisionOf`), edited, decided by the board and reviewed like any plan. The approved plan stays
 * in force, and follow-up keeps reporting on it, until the revision is approved: then it is
 * `superseded` and follow-up moves to the revision's activities.
 */

const OPEN_REVISION = 'En revidering av planen pågår redan. Fortsätt med den.';

export async function createRevision(opts: { db: Database; actor: ServiceActor; planId: string; input: TCreateRevisionRequest }): Promise<TPlan> {
  try {
    return await opts.db.transaction().execute(async (trx) => {
      const found = await planForRead(trx, opts.actor, opts.planId);
      if (!canOn(opts.actor, 'plans.revise', found.board_id)) throw forbidden();
      await repo.lockPlan(trx, found.id);
      const source = (await repo.findPlan(trx, found.id))!;
      const open = (await repo.listRevisionsOf(trx, source.id)).some((r) => r.status !== 'approved' && r.status !== 'superseded');
      const allowed = checkRevision(source.status, open);
      if (!allowed.ok) throw conflict(allowed.message, open ? 'revision_open' : 'not_revisable');
      const { id } = await repo.insertPlan(trx, {
        board_id: source.board_id,
        year: source.year,
        created_by: actorUserId(opts.actor),
        previous_plan_id: source.previous_plan_id,
        measure_area_gaps: source.measure_area_gaps ?? {},
        revision_of: source.id,
        revision_reason: opts.input.reason.trim(),
      });
      // Carried-over activities keep last year's status and point at the activity they revise.
      const copied = await copyPlanContent(trx, {
        sourceId: source.id,
        targetId: id,
        userId: actorUserId(opts.actor),
        link: (a) => ({
          carried_over_from_activity_id: a.carried_over_from_activity_id,
          previous_year_final_status: a.previous_year_final_status,
          revised_from_activity_id: a.id,
        }),
      });
      await carryReportersIntoRevision({ trx, revisionPlanId: id });
      await recordAudit(trx, opts.actor, {
        action: 'plans.revise',
        entity: 'plan',
        entityId: id,
        boardId: source.board_id,
        summary: { revisionOf: source.id, year: source.year, activities: copied.activities },
      });
      return planDetail(trx, opts.actor, (await repo.findPlan(trx, id))!);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict(OPEN_REVISION, 'revision_open');
    throw e;
  }
}
