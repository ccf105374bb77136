import { z } from 'zod';

export const BOARD_KINDS = ['city_board', 'district_board', 'specialist_board'] as const;
export const UNIT_KINDS = ['administration', 'department', 'unit'] as const;

const name = z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får vara högst 200 tecken.');
const code = z.string().trim().max(50, 'Koden får vara högst 50 tecken.').nullable().optional();

export const ZBoard = z.object({ id: z.string(), name: z.string(), kind: z.enum(BOARD_KINDS), code: z.string().nullable() });
export type TBoard = z.infer<typeof ZBoard>;

export const ZCreateBoardRequest = z.strictObject({
  name,
  kind: z.enum(BOARD_KINDS, { error: 'Välj typ av nämnd.' }),
  code,
});
export type TCreateBoardRequest = z.infer<typeof ZCreateBoardRequest>;

export const ZUpdateBoardRequest = z.strictObject({ name: name.optional(), code });

export const ZUnit = z.object({
  id: z.string(),
  boardId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  code: z.string().nullable(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZCreateUnitRequest = z.strictObject({
  name,
  kind: z.enum(UNIT_KINDS, { error: 'Välj typ av enhet.' }).default('unit'),
  parentId: z.uuid({ error: 'Ogiltig överordnad enhet.' }).nullable().optional(),
  code,
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZIdParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }) });
