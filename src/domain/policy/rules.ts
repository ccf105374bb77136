import type { Role } from './roles.js';

/**
 * How an action is granted:
 * - `public`: no session needed (login, health, the API description).
 * - `authenticated`: any logged-in user; the service narrows what they see.
 * - a role rule: a user holding one of `roles`, on the boards those grants reach (see scope.ts).
 */
export type Rule = 'public' | 'authenticated' | RoleRule;

export interface RoleRule {
  roles: readonly Role[];
  /**
   * `board`: the action is done on one board; a grant reaches its own board, a grant without a
   * board every board. `municipality`: the action has no board (governing documents, periods,
   * accounts) or shows the whole city at once (the city report): only a grant that reaches every
   * board may do it.
   */
  reach: 'board' | 'municipality';
  /**
   * A read. Only reads get the product's one exception: a viewer of the city board reads the
   * whole city (PRODUCT.md, roles table). Writes never do.
   */
  read: boolean;
  /** What a user holding the role for single boards only is told when refused (Swedish); a general sentence when left out. */
  refusal?: string;
}

/** An action done on one board (a write, or a read that is not a viewer's). */
export const anyOf = (...roles: Role[]): RoleRule => ({ roles, reach: 'board', read: false });

/** A read of one board's data; a viewer of the city board reads every board's. */
export const readBy = (...roles: Role[]): RoleRule => ({ roles, reach: 'board', read: true });

/** The same rule for an action with no board, or a view of the whole city: municipality-wide reach only. */
export const wholeMunicipality = (rule: RoleRule, refusal?: string): RoleRule => ({ ...rule, reach: 'municipality', ...(refusal && { refusal }) });

/** Said to a user whose role is granted for single boards when an action needs the whole municipality. */
export const MUNICIPALITY_ONLY_SV = 'Det här gäller hela kommunen och kräver att rollen gäller hela kommunen. Din roll gäller en eller flera nämnder.';
