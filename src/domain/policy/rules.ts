import type { Role } from './roles.js';

/**
 * How an action is granted:
 * - `public`: no session needed (login, health, the API description).
 * - `authenticated`: any logged-in user; the service narrows what they see.
 * - a list of roles: a user holding one of them, for the target board or the whole municipality.
 */
export type Rule = 'public' | 'authenticated' | { roles: readonly Role[] };

export const anyOf = (...roles: Role[]): Rule => ({ roles });
