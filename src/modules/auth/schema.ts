import { z } from 'zod';
import { RULES, type Action } from '../../domain/policy/index.js';
import { ROLES } from '../../domain/policy/roles.js';

export const ZLoginRequest = z.strictObject({
  email: z.string({ error: 'Ange din e-postadress.' }).trim().min(1, 'Ange din e-postadress.').max(254, 'E-postadressen är för lång.'),
  password: z.string({ error: 'Ange ditt lösenord.' }).min(1, 'Ange ditt lösenord.').max(256, 'Lösenordet är för långt.'),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** Where the user may do one action: every board, these boards, or nowhere. */
export const ZActionScope = z.union([z.literal('all'), z.array(z.string()), z.literal(false)]);
export type TActionScope = z.infer<typeof ZActionScope>;

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    language: z.string(),
    /** The user's own unit, if any: forms prefill it (a concern report's reporting unit). */
    unitId: z.string().nullable(),
    roles: z.array(z.object({ role: z.enum(ROLES), boardId: z.string().nullable(), boardName: z.string().nullable() })),
  }),
  municipality: z.object({ id: z.string(), name: z.string() }),
  /**
   * What the user may do, per action, by the server's one board-scope rule: "all" boards, these
   * board ids, or false. The web app shows menus and buttons from this, never from role lists.
   */
  can: z.record(z.enum(Object.keys(RULES) as [Action, ...Action[]]), ZActionScope),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZUpdateMeRequest = z.strictObject({ language: z.enum(['sv', 'en'], { error: 'Välj svenska eller engelska.' }) });

export const ZLoginOptions = z.object({ oidc: z.boolean() });
