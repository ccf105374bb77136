import { z } from 'zod';
import { ASSESSMENT_RESULTS, MEASURE_STATUSES, REPLY_STATUSES } from '../../domain/audit-tracking/status.js';
import { ZTally } from './schema.js';

/** The audits section of the board and city reports (reports/schema.ts embeds it). */
export const ZAuditsSection = z.object({
  available: z.boolean(),
  tally: ZTally,
  replies: z.array(
    z.object({
      reportId: z.string(),
      reportTitle: z.string(),
      reportNumber: z.string().nullable(),
      issuedOn: z.string(),
      replyDue: z.string(),
      recommendationId: z.string(),
      recommendation: z.string(),
      boardId: z.string(),
      boardName: z.string(),
      status: z.enum(REPLY_STATUSES),
      overdue: z.boolean(),
      decidedOn: z.string().nullable(),
      measures: z.number(),
      measuresDone: z.number(),
      measuresOverdue: z.number(),
      measuresWaiting: z.number(),
      assessment: z.enum(ASSESSMENT_RESULTS).nullable(),
    }),
  ),
  measures: z.array(
    z.object({
      reportTitle: z.string(),
      boardId: z.string(),
      boardName: z.string(),
      title: z.string(),
      responsible: z.string().nullable(),
      dueOn: z.string(),
      status: z.enum(MEASURE_STATUSES),
      waiting: z.boolean(),
      overdue: z.boolean(),
      activity: z.string().nullable(),
      waitingFor: z.string().nullable(),
    }),
  ),
});
export type TAuditsSection = z.infer<typeof ZAuditsSection>;
