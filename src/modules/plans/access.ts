import type { Database } from '../../db/database.js';
import type { Actor, RoleGrant } from '../../domain/policy/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as repo from './repo.js';

/**
 * Who acts on a plan: a logged-in user, or the demo seed acting in a role (it has no account, so
 * nothing it does points at a user row).
 */
export type SeedActor = { system: string; municipalityId: string; name: string; roles: RoleGrant[] };
export type PlanActor = Actor | SeedActor;

export const actorUserId = (a: PlanActor): string | null => ('userId' in a ? a.userId : null);

/**
 * Boards whose plans the actor may read. Central coordinators and auditors read every board;
 * local coordinators, contributors and viewers their own boards — a viewer of the city board
 * (kommunstyrelsen) reads the whole city. Admins read none: they see no plan content.
 */
export async function readableBoards(db: Database, actor: PlanActor): Promise<'all' | string[]> {
  if (actor.roles.some((g) => g.role === 'central_coordinator' || g.role === 'auditor')) return 'all';
  const grants = actor.roles.filter((g) => g.role === 'local_coordinator' || g.role === 'contributor' || g.role === 'viewer');
  if (grants.some((g) => g.boardId === null)) return 'all';
  const viewerBoards = grants.filter((g) => g.role === 'viewer').map((g) => g.boardId as string);
  if ((await repo.cityBoardIds(db, actor.municipalityId, viewerBoards)).length > 0) return 'all';
  return [...new Set(grants.map((g) => g.boardId as string))];
}

/** The central coordinator writes for every board; a local coordinator for their own. */
export function canWritePlanOf(actor: PlanActor, boardId: string): boolean {
  return actor.roles.some(
    (g) => g.role === 'central_coordinator' || (g.role === 'local_coordinator' && (g.boardId === null || g.boardId === boardId)),
  );
}

export const isCentral = (actor: PlanActor) => actor.roles.some((g) => g.role === 'central_coordinator');

/** A plan the actor may read, or 404: a plan of another municipality or board does not exist for them. */
export async function planForRead(db: Database, actor: PlanActor, planId: string) {
  const plan = await repo.findPlan(db, planId);
  if (!plan || plan.municipality_id !== actor.municipalityId) throw notFound('Planen');
  const boards = await readableBoards(db, actor);
  if (boards !== 'all' && !boards.includes(plan.board_id)) throw notFound('Planen');
  return plan;
}

/** A plan the actor may change: 404 when they cannot even read it, 403 when they may only read it. */
export async function planForWrite(db: Database, actor: PlanActor, planId: string) {
  const plan = await planForRead(db, actor, planId);
  if (!canWritePlanOf(actor, plan.board_id)) throw forbidden();
  await repo.lockPlan(db, planId);
  return (await repo.findPlan(db, planId))!;
}
