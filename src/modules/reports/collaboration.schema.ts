import { z } from 'zod';

/** Grant and premises vetting of one board in the report's year (grants/figures.ts). */
export const ZGrantFigures = z.object({
  applications: z.number(),
  approved: z.number(),
  rejected: z.number(),
  refusedForFailedCriterion: z.number(),
});

const ZForumFigures = z.object({ name: z.string(), meetings: z.number(), vbeOnAgenda: z.number() });

/** Forums, partners, police agreements and the civil-society strategy of one board (collaboration/figures.ts). */
export const ZBoardCollaboration = z.object({
  /** The board's forums with their meetings in the report's year and those with violent extremism on the agenda. */
  forums: z.array(ZForumFigures),
  /** Partners the board works with, by type (police, school, …). */
  partnersByType: z.record(z.string(), z.number()),
  /** Police agreements in force today, and those of them due for review within 60 days or overdue. */
  agreements: z.object({ inForce: z.number(), dueForReview: z.number() }),
  /** The number of goals of the board's civil-society strategy; null when it has none. */
  strategyGoals: z.number().nullable(),
});

/** The collaboration section of the board and city reports (API.md: "a collaboration section"). */
export const ZCollaborationSection = z.object({
  /** False when the reader may see none of it. */
  available: z.boolean(),
  rows: z.array(z.object({ boardId: z.string(), boardName: z.string(), grants: ZGrantFigures.nullable(), collaboration: ZBoardCollaboration.nullable() })),
  /** The city's own networks (city report only): meetings in the year. */
  cityForums: z.array(ZForumFigures),
});
export type TCollaborationSection = z.infer<typeof ZCollaborationSection>;
