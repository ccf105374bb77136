export const ROLES = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One role held by a user, for one board or (boardId null) for the whole municipality. */
export interface RoleGrant {
  role: Role;
  boardId: string | null;
}

/** The logged-in user as every policy and use case sees them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  municipalityId: string;
  roles: RoleGrant[];
}
