export const ROLES = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type BoardKind = 'city_board' | 'district_board' | 'specialist_board';

/** One role held by a user, for one board or (boardId null) for the whole municipality. */
export interface RoleGrant {
  role: Role;
  boardId: string | null;
  /**
   * The kind of the grant's board, resolved when the session's actor is built so the policy can
   * stay pure. Only `city_board` matters (a city-board viewer reads the whole city); left out, the
   * grant is treated as an ordinary board's.
   */
  boardKind?: BoardKind | null;
}

/** The logged-in user as every policy and use case sees them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  municipalityId: string;
  roles: RoleGrant[];
}

/**
 * The server acting by itself in a role within a municipality: the demo seed, a CLI command, a
 * scheduled job. It has no account, so nothing it does points at a user row; the audit log names
 * it `system:<system>`.
 */
export interface SystemActor {
  system: string;
  name: string;
  municipalityId: string;
  roles: RoleGrant[];
}

/** Whoever a use case acts for: the logged-in user or the server itself. Every service takes this. */
export type ServiceActor = Actor | SystemActor;

/** The acting user's id, or null when the server acts by itself. */
export const actorUserId = (a: ServiceActor): string | null => ('userId' in a ? a.userId : null);
