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
