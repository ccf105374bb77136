// Response types shared with the server's zod schemas (single source of truth).
export type { TMe, TActionScope } from '../../../src/modules/auth/schema';
export type { TBoard, TUnit } from '../../../src/modules/orgs/schema';
export type { TUser } from '../../../src/modules/users/schema';
export type { Role } from '../../../src/domain/policy/roles';
export type { Action } from '../../../src/domain/policy/index';
