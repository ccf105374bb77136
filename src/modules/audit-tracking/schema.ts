import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../domain/schema-fields.js';
import { ASSESSMENT_RESULTS, MEASURE_STATUSES, REPLY_STATUSES } from '../../domain/audit-tracking/status.js';
import { MEASURE_AREAS } from '../../domain/plans/model.js';
import { ZAttachment, ZAttachmentIds } from '../attachments/schema.js';

/** Audit tracking (API.md "Audit tracking (revision)"); request and response schemas, shared with the web app. */

const uuid = (message: string) => z.uuid({ error: message });

// ---------------------------------------------------------------- requests

export const ZCreateAuditReportRequest = z.strictObject({
  title: requiredText(300, 'Ange rapportens titel.', 'Titeln'),
  number: optionalText(50, 'Rapportens nummer'),
  caseNumber: optionalText(60, 'Diarienumret'),
  issuedOn: isoDate('Ange rapportens datum som ÅÅÅÅ-MM-DD.'),
  replyDue: isoDate('Ange sista dag för svar som ÅÅÅÅ-MM-DD.'),
  scope: optionalText(4000, 'Granskningens inriktning'),
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateAuditReportRequest = z.infer<typeof ZCreateAuditReportRequest>;

export const ZUpdateAuditReportRequest = z.strictObject({
  title: ZCreateAuditReportRequest.shape.title.optional(),
  number: ZCreateAuditReportRequest.shape.number,
  caseNumber: ZCreateAuditReportRequest.shape.caseNumber,
  issuedOn: ZCreateAuditReportRequest.shape.issuedOn.optional(),
  replyDue: ZCreateAuditReportRequest.shape.replyDue.optional(),
  scope: ZCreateAuditReportRequest.shape.scope,
  attachmentIds: ZAttachmentIds.optional(),
});
export type TUpdateAuditReportRequest = z.infer<typeof ZUpdateAuditReportRequest>;

export const ZCreateRecommendationRequest = z.strictObject({
  text: requiredText(4000, 'Skriv rekommendationen.', 'Rekommendationen'),
  boardIds: z
    .array(uuid('Ogiltig nämnd.'), { error: 'Välj minst en nämnd som rekommendationen riktas till.' })
    .min(1, 'Välj minst en nämnd som rekommendationen riktas till.')
    .max(100, 'Högst 100 nämnder.'),
});
export type TCreateRecommendationRequest = z.infer<typeof ZCreateRecommendationRequest>;

export const ZSaveReplyRequest = z.strictObject({
  text: requiredText(20000, 'Skriv nämndens svar på rekommendationen.', 'Svaret'),
  decidedOn: isoDate('Ange dagen för nämndens beslut som ÅÅÅÅ-MM-DD.').nullable().optional(),
  paragraph: optionalText(40, 'Paragrafen'),
  caseNumber: optionalText(60, 'Diarienumret'),
  attachmentIds: ZAttachmentIds.optional(),
});
export type TSaveReplyRequest = z.infer<typeof ZSaveReplyRequest>;

export const ZNewActivityFromMeasure = z.strictObject({
  planId: uuid('Välj en plan.'),
  measureArea: z.enum(MEASURE_AREAS, { error: 'Välj ett av de tre insatsområdena.' }).nullable().optional(),
  timeline: optionalText(300, 'Tidsplanen'),
  followUp: optionalText(1000, 'Uppföljningen'),
});

export const ZCreateMeasureRequest = z.strictObject({
  title: requiredText(500, 'Beskriv åtgärden.', 'Åtgärden'),
  responsible: optionalText(200, 'Ansvarig'),
  dueOn: isoDate('Ange när åtgärden ska vara klar som ÅÅÅÅ-MM-DD.'),
  /** An existing activity in the board's plan that carries the measure. */
  activityId: uuid('Ogiltig insats.').nullable().optional(),
  /** Or a new activity in a plan of the board, created from the measure. */
  newActivity: ZNewActivityFromMeasure.optional(),
  /** Or another body the measure waits for (shown as waiting, not late). */
  waitingFor: optionalText(300, 'Det åtgärden väntar på'),
  /** That body's own measure, when there is one. */
  waitingForMeasureId: uuid('Ogiltig åtgärd.').nullable().optional(),
});
export type TCreateMeasureRequest = z.infer<typeof ZCreateMeasureRequest>;

export const ZUpdateMeasureRequest = z.strictObject({
  status: z.enum(MEASURE_STATUSES, { error: 'Välj status: planerad, pågår, genomförd eller avbruten.' }).optional(),
  comment: optionalText(4000, 'Kommentaren'),
  title: ZCreateMeasureRequest.shape.title.optional(),
  responsible: ZCreateMeasureRequest.shape.responsible,
  dueOn: ZCreateMeasureRequest.shape.dueOn.optional(),
  activityId: ZCreateMeasureRequest.shape.activityId,
  waitingFor: ZCreateMeasureRequest.shape.waitingFor,
  waitingForMeasureId: ZCreateMeasureRequest.shape.waitingForMeasureId,
});
export type TUpdateMeasureRequest = z.infer<typeof ZUpdateMeasureRequest>;

export const ZCreateAssessmentRequest = z.strictObject({
  boardId: uuid('Välj nämnd.'),
  result: z.enum(ASSESSMENT_RESULTS, { error: 'Välj bedömning: åtgärdad, delvis åtgärdad eller inte åtgärdad.' }),
  comment: optionalText(4000, 'Kommentaren'),
  assessedOn: isoDate('Ange datum för bedömningen som ÅÅÅÅ-MM-DD.').optional(),
});
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

export const ZIdParams = z.object({ id: uuid('Ogiltigt id.') });
export const ZReplyParams = z.object({ id: uuid('Ogiltig rekommendation.'), boardId: uuid('Ogiltig nämnd.') });
export const ZListQuery = z.strictObject({ boardId: uuid('Ogiltig nämnd.').optional() });
export const ZDocumentParams = z.object({ id: uuid('Ogiltig rapport.'), boardId: uuid('Ogiltig nämnd.') });

// ---------------------------------------------------------------- responses

export const ZMeasureUpdate = z.object({
  status: z.enum(MEASURE_STATUSES),
  comment: z.string().nullable(),
  period: z.string(),
  actorName: z.string(),
  at: z.string(),
});

export const ZMeasure = z.object({
  id: z.string(),
  recommendationId: z.string(),
  boardId: z.string(),
  title: z.string(),
  responsible: z.string().nullable(),
  dueOn: z.string(),
  /** The current status: the measure's own latest update or its linked activity's latest follow-up, whichever is newer. */
  status: z.enum(MEASURE_STATUSES),
  statusSource: z.enum(['measure', 'activity', 'none']),
  waiting: z.boolean(),
  waitingFor: z.string().nullable(),
  waitingForMeasure: z.object({ id: z.string(), boardId: z.string(), boardName: z.string(), title: z.string(), status: z.enum(MEASURE_STATUSES) }).nullable(),
  overdue: z.boolean(),
  activity: z
    .object({
      id: z.string(),
      planId: z.string(),
      year: z.number(),
      title: z.string(),
      removed: z.boolean(),
      latestFollowUp: z.object({ period: z.string(), status: z.string(), reportedAt: z.string() }).nullable(),
    })
    .nullable(),
  history: z.array(ZMeasureUpdate),
  createdAt: z.string(),
});
export type TMeasure = z.infer<typeof ZMeasure>;

export const ZAssessment = z.object({
  id: z.string(),
  result: z.enum(ASSESSMENT_RESULTS),
  comment: z.string().nullable(),
  assessedOn: z.string(),
  assessorName: z.string(),
  createdAt: z.string(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZReply = z.object({
  boardId: z.string(),
  boardName: z.string(),
  status: z.enum(REPLY_STATUSES),
  overdue: z.boolean(),
  replied: z.boolean(),
  text: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paragraph: z.string().nullable(),
  caseNumber: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  attachments: z.array(ZAttachment),
  measures: z.array(ZMeasure),
  /** The follow-up audit's assessments, oldest first; the last is the current one. */
  assessments: z.array(ZAssessment),
  /** What the current user may do with this reply (the server decides; the UI only shows it). */
  can: z.object({ reply: z.boolean(), assess: z.boolean() }),
});
export type TReply = z.infer<typeof ZReply>;

export const ZRecommendation = z.object({
  id: z.string(),
  position: z.number(),
  text: z.string(),
  boardIds: z.array(z.string()),
  replies: z.array(ZReply),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZTally = z.object({
  replies: z.number(),
  awaiting_reply: z.number(),
  replied: z.number(),
  in_progress: z.number(),
  done: z.number(),
  overdue: z.number(),
  measures: z.number(),
  measuresOverdue: z.number(),
  measuresWaiting: z.number(),
});

export const ZAuditReport = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  caseNumber: z.string().nullable(),
  issuedOn: z.string(),
  replyDue: z.string(),
  scope: z.string().nullable(),
  attachments: z.array(ZAttachment),
  createdAt: z.string(),
  recommendations: z.array(ZRecommendation),
  /** Counts over the replies shown. */
  tally: ZTally,
  can: z.object({ update: z.boolean(), addRecommendation: z.boolean() }),
});
export type TAuditReport = z.infer<typeof ZAuditReport>;

/** Start-page counts: replies awaiting, overdue replies and measures, per board in reach. */
export const ZAuditSummary = z.object({
  tally: ZTally,
  boards: z.array(z.object({ boardId: z.string(), boardName: z.string(), awaiting: z.number(), overdue: z.number() })),
});
export type TAuditSummary = z.infer<typeof ZAuditSummary>;

/** The board's plans a measure can link to (activities) or add an activity to (editable plans). */
export const ZMeasureTargets = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      status: z.string(),
      editable: z.boolean(),
      activities: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  /** Other boards' measures this board's measures may wait for. */
  otherMeasures: z.array(z.object({ id: z.string(), boardName: z.string(), title: z.string(), reportTitle: z.string() })),
});
export type TMeasureTargets = z.infer<typeof ZMeasureTargets>;
