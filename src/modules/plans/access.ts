import type { Database } from '../../db/database.js';
import { canOn, inScope, scopeOf, type Action, type BoardScope, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as repo from './repo.js';

/**
 * Boards whose plans the actor may read with `action`, by the one board-scope rule
 * (src/domain/policy/scope.ts): municipality-wide grants and viewers of the city board read every
 * board, every other grant its own board. Admins read none: they see no plan content.
 */
export function planScope(actor: ServiceActor, action: Action = 'plans.read'): BoardScope {
  return scopeOf(actor, action);
}

/** May the actor change plans of this board (the local coordinator, a central coordinator whose grant reaches it)? */
export function canWritePlanOf(actor: ServiceActor, boardId: string): boolean {
  return canOn(actor, 'plans.update', boardId);
}

/** May the actor review plans of this board (a central coordinator whose grant reaches it)? */
export function canReviewPlanOf(actor: ServiceActor, boardId: string): boolean {
  return canOn(actor, 'plans.review', boardId);
}

/** A plan the actor may read, or 404: a plan of another municipality or board does not exist for them. */
export async function planForRead(db: Database, actor: ServiceActor, planId: string) {
  const plan = await repo.findPlan(db, planId);
  if (!plan || plan.municipality_id !== actor.municipalityId) throw notFound('Planen');
  if (!inScope(planScope(actor), plan.board_id)) throw notFound('Planen');
  return plan;
}

/** A plan the actor may change: 404 when they cannot even read it, 403 when they may only read it. */
export async function planForWrite(db: Database, actor: ServiceActor, planId: string) {
  const plan = await planForRead(db, actor, planId);
  if (!canWritePlanOf(actor, plan.board_id)) throw forbidden();
  await repo.lockPlan(db, planId);
  return (await repo.findPlan(db, planId))!;
}
