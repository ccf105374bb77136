import type { Database } from '../../db/database.js';
import { inScope, type ServiceActor } from '../../domain/policy/index.js';
import { planScope } from './access.js';
import { decisionsOf } from './decisions.service.js';
import { plansWithDecisions } from './repo-decisions.js';
import type { TDecisionsSection } from './schema.js';

/**
 * The board's handling of its plans in the year, for the board and city reports: every meeting's
 * outcome, proposals and reservations (public records, whole), within the reader's plan scope.
 */
export async function decisionsSection(opts: { db: Database; actor: ServiceActor; boardId: string | null; year: number }): Promise<TDecisionsSection> {
  const scope = planScope(opts.actor, 'plans.decisions.list');
  if (opts.boardId && !inScope(scope, opts.boardId)) return { available: false, items: [] };
  const plans = await plansWithDecisions(opts.db, { municipalityId: opts.actor.municipalityId, boards: scope, year: opts.year, ...(opts.boardId && { boardId: opts.boardId }) });
  const byId = new Map(plans.map((p) => [p.id, p]));
  const decisions = await decisionsOf(opts.db, plans.map((p) => p.id));
  return {
    available: true,
    items: decisions.map((d) => {
      const plan = byId.get(d.planId)!;
      return {
        id: d.id,
        planId: d.planId,
        boardId: plan.board_id,
        boardName: plan.board_name,
        planYear: plan.year,
        revision: plan.revision_of !== null,
        meetingOn: d.meetingOn,
        paragraph: d.paragraph,
        caseNumber: d.caseNumber,
        outcome: d.outcome,
        proposals: d.proposals,
        reservations: d.reservations,
        attachments: d.attachments.map((a) => a.name),
      };
    }),
  };
}
