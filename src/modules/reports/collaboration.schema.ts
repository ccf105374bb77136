import { z } from 'zod';

/** Grant and premises vetting of one board in the report's year (grants/figures.ts). */
export const ZGrantFigures = z.object({
  applications: z.number(),
  approved: z.number(),
  rejected: z.number(),
  refusedForFailedCriterion: z.number(),
});

/** The collaboration section of the board and city reports (API.md: "a collaboration section"). */
export const ZCollaborationSection = z.object({
  /** False when the reader may see none of it. */
  available: z.boolean(),
  rows: z.array(z.object({ boardId: z.string(), boardName: z.string(), grants: ZGrantFigures.nullable() })),
});
export type TCollaborationSection = z.infer<typeof ZCollaborationSection>;
