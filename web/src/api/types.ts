// Response types shared with the server's zod schemas (single source of truth).
export type { TMe, TActionScope } from '@shared/modules/auth/schema';
export type { TBoard, TUnit } from '@shared/modules/orgs/schema';
export type { TUser } from '@shared/modules/users/schema';
export type { Role } from '@shared/domain/policy/roles';
export type { Action } from '@shared/domain/policy/index';
