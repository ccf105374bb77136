import type { Database } from '../../db/database.js';
import { checkDecision } from '../../domain/plans/decisions.js';
import { actorUserId, canOn, type ServiceActor } from '../../domain/policy/index.js';
import { AppError, forbidden } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { attachmentsOf, setAttachments } from '../attachments/service.js';
import { planForRead } from './access.js';
import './attachment-owners.js';
import { presentDecision } from './presenters.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import * as decisionsRepo from './repo-decisions.js';
import type { TCreateDecisionRequest, TDecision } from './schema.js';
import { orNull } from './text.js';
import { applyTransition } from './workflow.service.js';

/**
 * The board's handling of its plan at a meeting (issue 14): recorded by the board's local
 * coordinator, read by everyone who reads the plan. Proposals and reservations are public
 * political records: stored whole, as written, not run through the personal-data guard.
 */

export const DECISION_ATTACHMENT_KIND = 'plan_decision';

/** The decisions on these plans, each with its protocol extract and other files, oldest meeting first. */
export async function decisionsOf(db: Database, planIds: readonly string[]): Promise<TDecision[]> {
  const rows = await decisionsRepo.listDecisions(db, planIds);
  const files = await attachmentsOf(db, DECISION_ATTACHMENT_KIND, rows.map((r) => r.id));
  return rows.map((r) => presentDecision(r, files.get(r.id) ?? []));
}

export async function listDecisions(opts: { db: Database; actor: ServiceActor; planId: string }): Promise<TDecision[]> {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  return decisionsOf(opts.db, [plan.id]);
}

/** Inserts the record of a decision already checked; shared with the registration of a decision through a workflow move. */
export async function insertDecision(trx: Database, actor: ServiceActor, plan: PlanRow, input: TCreateDecisionRequest) {
  const row = await decisionsRepo.insertDecision(trx, {
    plan_id: plan.id,
    meeting_on: input.meetingOn.trim(),
    paragraph: input.paragraph.trim(),
    case_number: orNull(input.caseNumber),
    outcome: input.outcome,
    proposals: (input.proposals ?? []).map((p) => ({ by: p.by, text: p.text, result: p.result })),
    reservations: (input.reservations ?? []).map((r) => ({ party: r.party, text: r.text, kind: r.kind ?? 'reservation' })),
    recorded_by: actorUserId(actor),
    recorded_by_name: actor.name,
  });
  if (input.attachmentIds?.length) {
    if (!('userId' in actor)) throw forbidden();
    await setAttachments({ trx, actor, owner: { kind: DECISION_ATTACHMENT_KIND, id: row.id }, ids: input.attachmentIds });
  }
  await recordAudit(trx, actor, {
    action: 'plans.decisions.create',
    entity: 'plan_decision',
    entityId: row.id,
    boardId: plan.board_id,
    // Counts, not the texts: the record itself is the public document.
    summary: {
      planId: plan.id,
      year: plan.year,
      meetingOn: row.meeting_on,
      paragraph: row.paragraph,
      outcome: row.outcome,
      proposals: row.proposals.length,
      reservations: row.reservations.length,
      attachments: input.attachmentIds?.length ?? 0,
    },
  });
  return row;
}

/**
 * Records one meeting's handling of the plan. `adopted` is the workflow's `board_decided` step
 * (the meeting's date and paragraph become the plan's decision); `sent_back` and `postponed` keep
 * the plan a draft (a plan returned for completion is reopened as a draft, as when it is edited).
 */
export async function recordDecision(opts: { db: Database; actor: ServiceActor; planId: string; input: TCreateDecisionRequest; now?: Date }): Promise<TDecision> {
  return opts.db.transaction().execute(async (trx) => {
    const found = await planForRead(trx, opts.actor, opts.planId);
    if (!canOn(opts.actor, 'plans.decisions.create', found.board_id)) throw new AppError(403, 'forbidden', 'Endast nämndens lokala samordnare kan registrera nämndens beslut.');
    await repo.lockPlan(trx, found.id);
    const plan = (await repo.findPlan(trx, found.id))!;
    const check = checkDecision(plan.status, opts.input, opts.now ?? new Date());
    if (!check.ok) throw new AppError(check.status, check.code, check.message, check.fields);
    const row = await insertDecision(trx, opts.actor, plan, opts.input);
    const comment = `Nämndens beslut ${row.meeting_on} ${row.paragraph}`;
    if (plan.status !== check.to) {
      const current = plan.status === 'returned' ? await applyTransition(trx, opts.actor, plan, 'draft', { comment }, true) : plan;
      if (check.to === 'board_decided') {
        await applyTransition(trx, opts.actor, current, 'board_decided', { comment, decidedOn: row.meeting_on, paragraph: row.paragraph });
      }
    }
    return (await decisionsOf(trx, [plan.id])).find((d) => d.id === row.id)!;
  });
}
