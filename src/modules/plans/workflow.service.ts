import type { Database } from '../../db/database.js';
import {
  AUTO_REOPEN_COMMENT_SV,
  autoReopenOnEdit,
  isContentEditable,
  planTransition,
  STATUS_LABELS_SV,
  type PlanState,
} from '../../domain/plans/workflow.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { AppError, conflict, forbidden, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { canReviewPlanOf, planForRead, planForWrite } from './access.js';
import { planDetail, snapshotOf } from './detail.service.js';
import { effectiveInstruction } from './governance-service.js';
import { presentReview } from './presenters.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import * as workflowRepo from './repo-workflow.js';
import type { TReview, TReviewRequest, TTransitionRequest } from './schema.js';
import { orNull } from './text.js';

/** The plan's workflow: moves with their versions and log, the central coordinator's review, reopening for edits. */

/** Moves the plan, keeps a snapshot as a new version, logs who, when and why. Rights are checked by the caller. */
export async function applyTransition(
  trx: Database,
  actor: ServiceActor,
  plan: PlanRow,
  to: PlanState,
  input: { comment?: string | null; decidedOn?: string | null; paragraph?: string | null },
  auto = false,
) {
  const from = plan.status;
  await repo.updatePlan(trx, plan.id, {
    status: to,
    ...(to === 'board_decided' && { decided_on: input.decidedOn!.trim(), paragraph: input.paragraph!.trim() }),
    // Undoing the registered decision before submission clears it.
    ...(to === 'draft' && from === 'board_decided' && { decided_on: null, paragraph: null }),
  });
  const updated = (await repo.findPlan(trx, plan.id))!;
  const number = await workflowRepo.nextVersionNumber(trx, plan.id);
  await workflowRepo.insertVersion(trx, { plan_id: plan.id, number, status: to, snapshot: await snapshotOf(trx, updated), created_by: actorUserId(actor) });
  const transition = await workflowRepo.insertTransition(trx, {
    plan_id: plan.id,
    from_status: from,
    to_status: to,
    actor_id: actorUserId(actor),
    actor_name: actor.name,
    comment: orNull(input.comment),
    decided_on: to === 'board_decided' ? updated.decided_on : null,
    paragraph: to === 'board_decided' ? updated.paragraph : null,
    version_number: number,
  });
  if (to === 'returned' || to === 'approved') {
    const open = await workflowRepo.findOpenReview(trx, plan.id);
    if (open) await workflowRepo.updateReview(trx, open.id, { transition_id: transition.id });
  }
  await recordAudit(trx, actor, {
    action: 'plans.transition',
    entity: 'plan',
    entityId: plan.id,
    boardId: plan.board_id,
    summary: { year: plan.year, from, to, version: number, ...(auto && { automatic: true }) },
  });
  return updated;
}

export async function transitionPlan(opts: { db: Database; actor: ServiceActor; planId: string; input: TTransitionRequest; now?: Date }) {
  return opts.db.transaction().execute(async (trx) => {
    await planForRead(trx, opts.actor, opts.planId);
    await repo.lockPlan(trx, opts.planId);
    const plan = (await repo.findPlan(trx, opts.planId))!;
    const open = await workflowRepo.findOpenReview(trx, plan.id);
    const reviewFilled = !!open && (open.items.some((i) => i.result !== null) || !!open.comment?.trim());
    const decision = planTransition({
      from: plan.status,
      to: opts.input.to,
      actorRoles: opts.actor.roles,
      planBoardId: plan.board_id,
      input: { comment: opts.input.comment, decidedOn: opts.input.decidedOn, paragraph: opts.input.paragraph, reviewFilled },
      today: opts.now ?? new Date(),
    });
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message, decision.fields);
    const updated = await applyTransition(trx, opts.actor, plan, opts.input.to, opts.input);
    return planDetail(trx, opts.actor, updated);
  });
}

/** Saves the central coordinator's review (criteria × pass/partly/fail + comments) while the plan is in review. */
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
    const items = instruction.reviewCriteria.map((c) => {
      const given = opts.input.items.find((i) => i.criterionId === c.id);
      return { criterionId: c.id, text: c.text, result: given?.result ?? null, comment: orNull(given?.comment) };
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
      },
    });
    return presentReview(row);
  });
}

/**
 * A plan the actor may edit now: content changes only in draft or returned. A returned plan is
 * reopened as a draft first, recorded as its own move (the board has started its revision).
 */
export async function planForEdit(trx: Database, actor: ServiceActor, planId: string) {
  const plan = await planForWrite(trx, actor, planId);
  if (!isContentEditable(plan.status)) {
    throw conflict(
      `Planen kan bara ändras när den är ett utkast eller återremitterad. Status nu: ${STATUS_LABELS_SV[plan.status]}.`,
      'not_editable',
    );
  }
  const reopen = autoReopenOnEdit(plan.status);
  if (reopen) return applyTransition(trx, actor, plan, reopen.to, { comment: AUTO_REOPEN_COMMENT_SV }, true);
  return plan;
}
