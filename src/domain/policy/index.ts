import type { Actor, Role } from './roles.js';
import type { Rule } from './rules.js';
import { systemRules } from './actions/system.js';
import { orgRules } from './actions/orgs.js';
import { userRules } from './actions/users.js';
import { auditRules } from './actions/audit.js';
import { situationRules } from './actions/situation.js';
import { trainingRules } from './actions/training.js';
import { planRules } from './actions/plans.js';
import { followupRules } from './actions/followup.js';
import { reportRules } from './actions/reports.js';

export * from './roles.js';
export type { Rule } from './rules.js';

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
 * May `actor` perform `action` on `target`? With no target board, holding a granting role for
 * any board is enough: the service must then narrow results with `boardScope`.
 */
export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  const rule: Rule = RULES[action];
  if (rule === 'public') return true;
  if (!actor) return false;
  if (rule === 'authenticated') return true;
  return actor.roles.some(
    (g) => rule.roles.includes(g.role) && (g.boardId === null || !target.boardId || g.boardId === target.boardId),
  );
}

/** Boards on which `actor` holds one of `roles`: 'all' when a grant covers the whole municipality. */
export function boardScope(actor: Actor, roles: readonly Role[]): 'all' | string[] {
  const grants = actor.roles.filter((g) => roles.includes(g.role));
  if (grants.some((g) => g.boardId === null)) return 'all';
  return [...new Set(grants.map((g) => g.boardId as string))];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((g) => g.role === role);
}
