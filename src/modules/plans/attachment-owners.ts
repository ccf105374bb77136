/**
 * Files attached to the board's decisions on plans (the signed protocol extract, a reservation as
 * a document): readable by whoever may read the plan, the board's members included.
 */
import { inScope } from '../../domain/policy/index.js';
import { registerAttachmentOwner } from '../attachments/owners.js';
import { planScope } from './access.js';
import * as repo from './repo.js';
import * as decisionsRepo from './repo-decisions.js';

registerAttachmentOwner({
  kind: 'plan_decision',
  async canRead(db, actor, decisionId) {
    const decision = await decisionsRepo.findDecision(db, decisionId);
    if (!decision) return false;
    const plan = await repo.findPlan(db, decision.plan_id);
    return !!plan && plan.municipality_id === actor.municipalityId && inScope(planScope(actor), plan.board_id);
  },
});
