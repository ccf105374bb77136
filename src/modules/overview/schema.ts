import { z } from 'zod';
import { PLAN_STATES } from '../../domain/plans/workflow.js';
import { ENVIRONMENTS, TERTIALS } from '../../domain/situation/categories.js';

/** The start page's board overview (GET /api/overview/boards), shared with the web app. */

const ZCell = z.union([z.number(), z.string()]);

export const ZBoardsOverviewRow = z.object({
  boardId: z.string(),
  boardName: z.string(),
  kind: z.string(),
  /** This year's plan; null when the board has none, or the reader may not read its plans. */
  plan: z.object({ id: z.string(), status: z.enum(PLAN_STATES), score: z.number() }).nullable(),
  /** The plan instruction's deadline has passed and no plan is submitted. */
  late: z.boolean(),
  /** The plan was sent back to the board. */
  returned: z.boolean(),
  /** Activities whose latest report this year says delayed; null when not readable. */
  delayed: z.number().nullable(),
  /** Training coverage of the municipality's basic course; null when not readable. */
  training: z.object({ percent: z.number().nullable(), employees: z.number(), unitsBelow: z.number() }).nullable(),
  /** Concern reports of this tertial per environment: exact inside the board, suppressed outside it. */
  concerns: z.object({ suppressed: z.boolean(), total: ZCell, byEnvironment: z.record(z.enum(ENVIRONMENTS), ZCell) }).nullable(),
});
export type TBoardsOverviewRow = z.infer<typeof ZBoardsOverviewRow>;

export const ZBoardsOverview = z.object({
  year: z.number(),
  today: z.string(),
  tertial: z.enum(TERTIALS),
  /** The plan instruction's deadline for this year's plans. */
  planDeadline: z.string().nullable(),
  /** Units count as lagging under this coverage (percent). */
  laggingBelow: z.number(),
  /** The training overview lists a limited number of lagging units; true when it reached the limit. */
  laggingCapped: z.boolean(),
  /** The suppression legend ("<5" …) for the concern counts. */
  legend: z.string().nullable(),
  boards: z.array(ZBoardsOverviewRow),
});
export type TBoardsOverview = z.infer<typeof ZBoardsOverview>;
