import type { RoleGrant } from './roles.js';
import type { Rule } from './rules.js';

/**
 * The one board-scope rule (docs/architecture.md, "Authorization"). Every capability asks it which
 * boards an actor may read or change with an action; nothing else decides.
 *
 * 1. Only grants whose role the action's rule names count: holding several roles never lends one
 *    role's reach to another role's boards.
 * 2. A grant without a board (municipality-wide) reaches every board.
 * 3. A grant with a board reaches that board only, whatever the role: a central coordinator or
 *    auditor granted for one board is that board's central coordinator or auditor.
 * 4. The one exception, from PRODUCT.md's roles table: a viewer grant on the city board
 *    (kommunstyrelsen) reaches every board for the viewer's reads, never for a write.
 * 5. An action with municipality-wide reach (no board of its own, or a view of the whole city) is
 *    allowed only to grants that reach every board.
 */

/** Who the rule looks at: only the grants matter (a logged-in user or the demo seed acting in a role). */
export interface Grants {
  roles: readonly RoleGrant[];
}

/** Every board, or these boards (empty: none). */
export type BoardScope = 'all' | string[];

/** Does this one grant reach every board for an action under `rule`? */
function reachesAll(grant: RoleGrant, rule: Exclude<Rule, 'public' | 'authenticated'>): boolean {
  if (grant.boardId === null) return true;
  return rule.read && grant.role === 'viewer' && grant.boardKind === 'city_board';
}

/** The boards on which `actor` may do an action governed by `rule`. */
export function scopeUnder(actor: Grants | null, rule: Rule): BoardScope {
  if (rule === 'public') return 'all';
  if (!actor) return [];
  if (rule === 'authenticated') return 'all';
  const grants = actor.roles.filter((g) => rule.roles.includes(g.role));
  if (grants.some((g) => reachesAll(g, rule))) return 'all';
  if (rule.reach === 'municipality') return [];
  return [...new Set(grants.map((g) => g.boardId as string))];
}

/** Is `boardId` within `scope`? */
export function inScope(scope: BoardScope, boardId: string): boolean {
  return scope === 'all' || scope.includes(boardId);
}

/** Does `scope` reach anything at all? */
export function reachesAny(scope: BoardScope): boolean {
  return scope === 'all' || scope.length > 0;
}

/** Does a grant cover `boardId`, ignoring the city-viewer exception (for rules that name one role, e.g. workflow moves)? */
export function grantCovers(grant: RoleGrant, boardId: string): boolean {
  return grant.boardId === null || grant.boardId === boardId;
}
