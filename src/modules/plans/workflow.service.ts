import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import {
  AUTO_REOPEN_COMMENT_SV,
  autoReopenOnEdit,
  isContentEditable,
  planTransition,
  STATUS_LABELS_SV,
  type PlanState,
} from '../../domain/plans/workflow.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { AppError, conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { moveFollowUpToRevision } from '../followup/revision.service.js';
import { planForRead, planForWrite } from './access.js';
import { planDetail, snapshotOf } from './detail.service.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import * as decisionsRepo from './repo-decisions.js';
import * as workflowRepo from './repo-workflow.js';
import type { TTransitionRequest } from './schema.js';
import { orNull } from './text.js';

/** The plan's workflow: moves with their versions and log, reopening for edits (the review is in review.service.ts). */

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
    // The city board's approval records its own date and paragraph, when given.
    ...(to === 'approved' && { approved_on: orNull(input.decidedOn?.trim()), approved_paragraph: orNull(input.paragraph?.trim()) }),
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
    decided_on: to === 'board_decided' ? updated.decided_on : to === 'approved' ? updated.approved_on : null,
    paragraph: to === 'board_decided' ? updated.paragraph : to === 'approved' ? updated.approved_paragraph : null,
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
    if (opts.input.to === 'approved') await supersedeRevised(trx, opts.actor, plan);
    const updated = await applyTransition(trx, opts.actor, plan, opts.input.to, opts.input);
    // A decision registered as a move is the board adopting the plan: it joins the decision history.
    if (opts.input.to === 'board_decided') {
      await decisionsRepo.insertDecision(trx, {
        plan_id: plan.id,
        meeting_on: updated.decided_on!,
        paragraph: updated.paragraph!,
        case_number: null,
        outcome: 'adopted',
        proposals: [],
        reservations: [],
        recorded_by: actorUserId(opts.actor),
        recorded_by_name: opts.actor.name,
      });
    }
    return planDetail(trx, opts.actor, updated);
  });
}

/**
 * Before a revision is approved (same transaction): follow-up moves to its activities while the
 * revised plan still counts, then the revised plan is superseded, so one plan is in force.
 */
async function supersedeRevised(trx: Database, actor: ServiceActor, revision: PlanRow) {
  if (!revision.revision_of) return;
  await repo.lockPlan(trx, revision.revision_of);
  const revised = await repo.findPlan(trx, revision.revision_of);
  if (!revised || revised.status !== 'approved') return;
  await moveFollowUpToRevision({ trx, actor, revisionPlanId: revision.id, revisedPlanId: revised.id, boardId: revised.board_id, year: revised.year });
  await applyTransition(trx, actor, revised, 'superseded', { comment: `Ersatt av den reviderade planen, godkänd ${todayInSweden()}.` }, true);
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
