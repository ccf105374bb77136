import { z } from 'zod';
import { ROLES } from '../../domain/policy/roles.js';
import { PASSWORD_MAX_LENGTH } from '../../domain/session-rules.js';

export const ZRoleGrant = z.strictObject({
  role: z.enum(ROLES, { error: 'Okänd roll.' }),
  boardId: z.uuid({ error: 'Ogiltig nämnd.' }).nullable().optional(),
});

const email = z.email({ error: 'Ange en giltig e-postadress, till exempel namn@kommun.se.' }).max(254, 'E-postadressen är för lång.');
const name = z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får vara högst 200 tecken.');
// Length below 15 is refused by the service with 422 (API.md); the schema only bounds the size.
export const ZPassword = z.string({ error: 'Ange ett lösenord.' }).max(PASSWORD_MAX_LENGTH, `Lösenordet får vara högst ${PASSWORD_MAX_LENGTH} tecken.`);

export const ZCreateUserRequest = z.strictObject({
  email,
  name,
  password: ZPassword,
  unitId: z.uuid().nullable().optional(),
  roles: z.array(ZRoleGrant).max(50, 'Högst 50 roller.').default([]),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  name: name.optional(),
  active: z.boolean().optional(),
  unitId: z.uuid().nullable().optional(),
  roles: z.array(ZRoleGrant).max(50).optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.strictObject({ password: ZPassword });

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  unitId: z.string().nullable(),
  language: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), boardId: z.string().nullable() })),
});
export type TUser = z.infer<typeof ZUser>;
