import type { Database } from '../../db/database.js';
import { canEverywhere, canOn, type Action, type Actor } from '../../domain/policy/index.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../domain/suppression.js';
import { forbidden, notFound } from '../../http/errors.js';
import * as orgs from '../orgs/repo.js';

/**
 * Board-level rights for the situation picture, decided by the one board-scope rule
 * (src/domain/policy/scope.ts). Ids from another municipality are 404; a board of the
 * municipality the actor's grants for `action` do not reach is 403.
 */

export async function boardInMunicipality(db: Database, actor: Actor, boardId: string) {
  const board = await orgs.findBoard(db, boardId);
  if (!board || board.municipality_id !== actor.municipalityId) throw notFound('Nämnden');
  return board;
}

/** The board, when `action` reaches it: 404 outside the municipality, 403 outside the actor's scope. */
export async function requireBoard(db: Database, actor: Actor, action: Action, boardId: string) {
  const board = await boardInMunicipality(db, actor, boardId);
  if (!canOn(actor, action, board.id)) throw forbidden();
  return board;
}

/**
 * Inside the board: the actor holds a local coordinator or viewer role granted for exactly this
 * board, and sees its counts exactly. Everyone else (central coordinator, auditor, other boards)
 * is outside and sees small counts suppressed.
 */
export function isInsideBoard(actor: Actor, boardId: string): boolean {
  return actor.roles.some((g) => (g.role === 'local_coordinator' || g.role === 'viewer') && g.boardId === boardId);
}

/**
 * May the actor see the city-wide picture? Only with a grant that reaches every board: a central
 * coordinator or auditor for the whole municipality, a viewer of the city board. A central
 * coordinator or auditor granted for single boards is not city-wide.
 */
export const mayViewCity = (actor: Actor): boolean => canEverywhere(actor, 'situation.city');

/** The same, refused with 403. */
export function requireCityView(actor: Actor): void {
  if (!mayViewCity(actor)) throw forbidden();
}

export async function suppressionThreshold(db: Database, municipalityId: string): Promise<number> {
  const row = await db.selectFrom('municipality').select('suppression_threshold').where('id', '=', municipalityId).executeTakeFirst();
  return row?.suppression_threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}
