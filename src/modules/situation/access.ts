import type { Database } from '../../db/database.js';
import { boardScope, can, RULES, type Action, type Actor, type Role, type Rule } from '../../domain/policy/index.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../domain/suppression.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as orgs from '../orgs/repo.js';

/**
 * Board-level rights for the situation picture, on top of the role rules in
 * src/domain/policy/actions/situation.ts. Ids from another municipality are 404; a board of the
 * municipality the actor has no right on is 403.
 */

export async function boardInMunicipality(db: Database, actor: Actor, boardId: string) {
  const board = await orgs.findBoard(db, boardId);
  if (!board || board.municipality_id !== actor.municipalityId) throw notFound('Nämnden');
  return board;
}

/** The actor's city-board grants as a viewer: a viewer of Kommunstyrelsen reads the whole city. */
async function viewsWholeCity(db: Database, actor: Actor): Promise<boolean> {
  const viewerBoards = actor.roles.filter((g) => g.role === 'viewer').map((g) => g.boardId);
  if (viewerBoards.includes(null)) return true;
  const ids = viewerBoards.filter((b): b is string => !!b);
  if (!ids.length) return false;
  const boards = await db.selectFrom('board').select('kind').where('id', 'in', ids).execute();
  return boards.some((b) => b.kind === 'city_board');
}

/** May the actor see counts and the published picture of this board (situation.read and friends)? */
export async function canSeeBoard(db: Database, actor: Actor, action: Action, boardId: string): Promise<boolean> {
  if (can(actor, action, { boardId })) return true;
  return action.startsWith('situation') && can(actor, action) && actor.roles.some((g) => g.role === 'viewer') && (await viewsWholeCity(db, actor));
}

export async function requireBoard(db: Database, actor: Actor, action: Action, boardId: string) {
  const board = await boardInMunicipality(db, actor, boardId);
  if (!(await canSeeBoard(db, actor, action, boardId))) throw forbidden();
  return board;
}

/** Boards whose situation the actor may see with `action`: 'all' or a list of ids. */
export async function situationScope(db: Database, actor: Actor, action: Action): Promise<'all' | string[]> {
  const rule = RULES[action] as Rule;
  const roles: readonly Role[] = typeof rule === 'object' ? rule.roles : [];
  const scope = boardScope(actor, roles);
  if (scope === 'all') return 'all';
  if (roles.includes('viewer') && action.startsWith('situation') && (await viewsWholeCity(db, actor))) return 'all';
  return scope;
}

/**
 * Inside the board: the actor holds a local coordinator or viewer role granted for exactly this
 * board, and sees its counts exactly. Everyone else (central coordinator, auditor, other boards)
 * is outside and sees small counts suppressed.
 */
export function isInsideBoard(actor: Actor, boardId: string): boolean {
  return actor.roles.some((g) => (g.role === 'local_coordinator' || g.role === 'viewer') && g.boardId === boardId);
}

/** May the actor see the city-wide picture? Central coordinator, auditor, a viewer of the city board. */
export async function requireCityView(db: Database, actor: Actor): Promise<void> {
  if (actor.roles.some((g) => (g.role === 'central_coordinator' || g.role === 'auditor') && g.boardId === null)) return;
  if (await viewsWholeCity(db, actor)) return;
  // A central coordinator or auditor granted for single boards only is not city-wide.
  throw forbidden();
}

export async function suppressionThreshold(db: Database, municipalityId: string): Promise<number> {
  const row = await db.selectFrom('municipality').select('suppression_threshold').where('id', '=', municipalityId).executeTakeFirst();
  return row?.suppression_threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}
