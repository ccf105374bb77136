import type { Role } from './roles.js';
import { anyOf, MUNICIPALITY_ONLY_SV, type Rule } from './rules.js';
import { inScope, reachesAny, scopeUnder, type BoardScope, type Grants } from './scope.js';
import { systemRules } from './actions/system.js';
import { orgRules } from './actions/orgs.js';
import { userRules } from './actions/users.js';
import { auditRules } from './actions/audit.js';
import { situationRules } from './actions/situation.js';
import { trainingRules } from './actions/training.js';
import { planRules } from './actions/plans.js';
import { followupRules } from './actions/followup.js';
import { reportRules } from './actions/reports.js';
import { attachmentRules } from './actions/attachments.js';
import { auditTrackingRules } from './actions/audit-tracking.js';
import { overviewRules } from './actions/overview.js';
import { grantRules } from './actions/grants.js';
import { collaborationRules } from './actions/collaboration.js';
import { hubRules } from './actions/hub.js';
import { notificationRules } from './actions/notifications.js';

export * from './roles.js';
export type { Rule, RoleRule } from './rules.js';
export { grantCovers, inScope, reachesAny, type BoardScope, type Grants } from './scope.js';

/** Every action the server knows, per entity. A route must name one of these. */
export const RULES = {
  ...systemRules,
  ...orgRules,
  ...userRules,
  ...auditRules,
  ...situationRules,
  ...trainingRules,
  ...planRules,
  ...followupRules,
  ...reportRules,
  ...attachmentRules,
  ...auditTrackingRules,
  ...overviewRules,
  ...grantRules,
  ...collaborationRules,
  ...hubRules,
  ...notificationRules,
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export function isAction(name: string): name is Action {
  return Object.hasOwn(RULES, name);
}

/** The board an action targets; omitted for municipality-wide actions and lists. */
export interface Target {
  boardId?: string | null;
}

/**
 * The boards on which `actor` may do `action`: 'all', or the board ids a list query must be
 * limited to (empty: none). The one board-scope rule of src/domain/policy/scope.ts.
 */
export function scopeOf(actor: Grants | null, action: Action): BoardScope {
  return scopeUnder(actor, RULES[action]);
}

/** May `actor` do `action` on board `boardId`? */
export function canOn(actor: Grants | null, action: Action, boardId: string): boolean {
  return inScope(scopeOf(actor, action), boardId);
}

/** May `actor` do `action` for the whole municipality (a city-wide view, a municipality-level setting)? */
export function canEverywhere(actor: Grants | null, action: Action): boolean {
  return scopeOf(actor, action) === 'all';
}

/**
 * May `actor` perform `action` on `target`? With a target board, the board must be in the
 * actor's scope. Without one (the route-level check), some board must be: the service then checks
 * the board or narrows the list with `scopeOf`; an action of municipality-wide reach needs every board.
 */
export function can(actor: Grants | null, action: Action, target: Target = {}): boolean {
  if (RULES[action] === 'public') return true;
  if (!actor) return false;
  return target.boardId ? canOn(actor, action, target.boardId) : reachesAny(scopeOf(actor, action));
}

/**
 * Why the route-level check refuses `action`, when it is because the actor's role is granted for
 * single boards only and the action needs the whole municipality; null for the general refusal.
 */
export function refusalOf(actor: Grants | null, action: Action): string | null {
  const rule: Rule = RULES[action];
  if (!actor || typeof rule !== 'object' || rule.reach !== 'municipality') return null;
  return actor.roles.some((g) => rule.roles.includes(g.role)) ? (rule.refusal ?? MUNICIPALITY_ONLY_SV) : null;
}

/** What the actor may do, per action: every board, these boards, or nothing. Sent to the web app by GET /api/me. */
export function capabilities(actor: Grants): Record<Action, 'all' | string[] | false> {
  const out = {} as Record<Action, 'all' | string[] | false>;
  for (const action of Object.keys(RULES) as Action[]) {
    const scope = scopeOf(actor, action);
    out[action] = reachesAny(scope) ? scope : false;
  }
  return out;
}

/**
 * Boards on which `actor` holds one of `roles` (a board-level rule over an ad-hoc role list, for
 * services whose narrowing is not one action, e.g. the audit log). Prefer `scopeOf`.
 */
export function boardScope(actor: Grants, roles: readonly Role[]): BoardScope {
  return scopeUnder(actor, anyOf(...roles));
}
