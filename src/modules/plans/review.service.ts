import type { Database } from '../../db/database.js';
import { reviewTargetLabel } from '../../domain/plans/review.js';
import { STATUS_LABELS_SV } from '../../domain/plans/workflow.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { canReviewPlanOf, planForRead } from './access.js';
import { mergedSections } from './detail.service.js';
import { effectiveInstruction } from './governance-service.js';
import { presentReview } from './presenters.js';
import * as repo from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import * as workflowRepo from './repo-workflow.js';
import type { TReview, TReviewRequest } from './schema.js';
import { orNull } from './text.js';

/**
 * Saves the central coordinator's review (criteria × pass/partly/fail + comments, each comment
 * optionally about one section or activity of the plan) while the plan is in review.
 */
export async function saveReview(opts: { db: Database; actor: ServiceActor; planId: string; input: TReviewRequest }): Promise<TReview> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForRead(trx, opts.actor, opts.planId);
    if (!canReviewPlanOf(opts.actor, plan.board_id)) throw forbidden();
    await repo.lockPlan(trx, plan.id);
    const fresh = (await repo.findPlan(trx, plan.id))!;
    if (fresh.status !== 'in_review') {
      throw conflict(`Granskningen kan bara fyllas i när planen är under granskning. Nu: ${STATUS_LABELS_SV[fresh.status]}.`, 'not_in_review');
    }
    const instruction = await effectiveInstruction(trx, plan.municipality_id, plan.year);
    const unknown = opts.input.items.filter((i) => !instruction.reviewCriteria.some((c) => c.id === i.criterionId));
    if (unknown.length) {
      throw unprocessable(
        'unknown_criterion',
        'Granskningen innehåller kriterier som inte finns i årets anvisningar.',
        unknown.map((u) => ({ field: `items.${opts.input.items.indexOf(u)}.criterionId`, message: `Okänt kriterium: ${u.criterionId}.` })),
      );
    }
    const parts = {
      sections: (await mergedSections(trx, fresh, instruction)).map((s) => ({ key: s.key, title: s.title })),
      activities: (await activitiesRepo.listActivities(trx, [plan.id])).map((a) => ({ id: a.id, title: a.title })),
    };
    const labels = opts.input.items.map((i) => (i.target ? reviewTargetLabel(i.target, parts) : null));
    const strays = opts.input.items.map((i, n) => ({ i, n })).filter(({ i, n }) => i.target && labels[n] === null);
    if (strays.length) {
      throw unprocessable(
        'unknown_target',
        'En kommentar gäller ett avsnitt eller en insats som inte finns i planen.',
        strays.map(({ n }) => ({ field: `items.${n}.target`, message: 'Välj ett avsnitt eller en insats i planen.' })),
      );
    }
    const items = instruction.reviewCriteria.map((c) => {
      const n = opts.input.items.findIndex((i) => i.criterionId === c.id);
      const given = n >= 0 ? opts.input.items[n] : undefined;
      return {
        criterionId: c.id,
        text: c.text,
        result: given?.result ?? null,
        comment: orNull(given?.comment),
        target: given?.target ?? null,
        targetLabel: n >= 0 ? labels[n]! : null,
      };
    });
    const open = await workflowRepo.findOpenReview(trx, plan.id);
    const row = open
      ? await workflowRepo.updateReview(trx, open.id, { items, comment: orNull(opts.input.comment), reviewer_id: actorUserId(opts.actor), reviewer_name: opts.actor.name })
      : await workflowRepo.insertReview(trx, { plan_id: plan.id, items, comment: orNull(opts.input.comment), reviewer_id: actorUserId(opts.actor), reviewer_name: opts.actor.name });
    await recordAudit(trx, opts.actor, {
      action: 'plans.review',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: {
        year: plan.year,
        pass: items.filter((i) => i.result === 'pass').length,
        partly: items.filter((i) => i.result === 'partly').length,
        fail: items.filter((i) => i.result === 'fail').length,
        // Which parts the comments are about, not what they say.
        targets: items.filter((i) => i.target).map((i) => i.target),
      },
    });
    return presentReview(row);
  });
}
