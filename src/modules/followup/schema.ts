import { z } from 'zod';
import { isoDate } from '../../domain/schema-fields.js';
import { MEASURE_AREAS } from '../../domain/plans/model.js';
import { PLAN_STATES } from '../../domain/plans/workflow.js';
import { ANALYSIS_HEADINGS, MAX_ANALYSIS_TEXT } from '../../domain/followup/analysis.js';
import { MAX_INDICATOR_TEXT } from '../../domain/followup/indicators.js';
import { monthDayProblem } from '../../domain/followup/deadlines.js';
import { parsePeriod, PERIOD_KINDS } from '../../domain/followup/periods.js';
import { FOLLOW_UP_STATUSES } from '../../domain/followup/status.js';

/** Request and response schemas of the follow-up capability (shared with the web app). */

const PERIOD_MESSAGE = 'Ange perioden som ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-VB, till exempel 2026-T1.';
export const ZPeriod = z.string({ error: PERIOD_MESSAGE }).refine((s) => parsePeriod(s) !== null, PERIOD_MESSAGE);
export const ZYearQuery = z.coerce.number({ error: 'Ange ett år, t.ex. 2026.' }).int('Ange ett helt år.').min(2000, 'Året ska vara 2000 eller senare.').max(2100, 'Året ska vara 2100 eller tidigare.');

export const ZActivityIdParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }) });
export const ZPeriodParams = z.object({ period: ZPeriod });
export const ZBoardParams = z.object({ boardId: z.uuid({ error: 'Ogiltig nämnd.' }) });
export const ZBoardPeriodParams = z.object({ boardId: z.uuid({ error: 'Ogiltig nämnd.' }), period: ZPeriod });

// ---------------------------------------------------------------- periods

export const PERIOD_STATES = ['not_open', 'open', 'closed'] as const;
export const ZPeriodInfo = z.object({
  period: z.string(),
  year: z.number(),
  kind: z.enum(PERIOD_KINDS),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  state: z.enum(PERIOD_STATES),
  /** The day the period's reports are due (ISO date): the period's own date, else the municipality's default day. */
  deadline: z.string(),
  /** True when the deadline is the default for the period kind (no date set for this period). */
  deadlineIsDefault: z.boolean(),
  /** True when today is after the deadline. */
  deadlinePassed: z.boolean(),
});
export type TPeriodInfo = z.infer<typeof ZPeriodInfo>;

export const ZPeriodsQuery = z.strictObject({ year: ZYearQuery.optional() });

export const ZUpdatePeriodRequest = z.strictObject({
  opensOn: isoDate('Ange startdatum som ÅÅÅÅ-MM-DD.').optional(),
  closesOn: isoDate('Ange slutdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  /** The period's own deadline; null goes back to the default day for its kind. */
  deadline: isoDate('Ange sista dag för rapporterna som ÅÅÅÅ-MM-DD.').nullable().optional(),
});
export type TUpdatePeriodRequest = z.infer<typeof ZUpdatePeriodRequest>;

/** A default deadline day, "MM-DD" (the year follows from the period: the first such day after it ends). */
export const ZMonthDay = z.string({ error: 'Ange dagen som MM-DD, till exempel 05-15.' }).superRefine((v, ctx) => {
  const problem = monthDayProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const ZDeadlineDefaults = z.object({ T1: z.string(), T2: z.string(), VB: z.string() });
export type TDeadlineDefaults = z.infer<typeof ZDeadlineDefaults>;
export const ZSetDeadlineDefaultsRequest = z
  .strictObject({ T1: ZMonthDay.optional(), T2: ZMonthDay.optional(), VB: ZMonthDay.optional() })
  .refine((v) => v.T1 !== undefined || v.T2 !== undefined || v.VB !== undefined, { message: 'Ange minst en period: T1, T2 eller VB.' });
export type TSetDeadlineDefaultsRequest = z.infer<typeof ZSetDeadlineDefaultsRequest>;

export const ZReopenPeriodRequest = z
  .strictObject({ closesOn: isoDate('Ange slutdatum som ÅÅÅÅ-MM-DD.').nullable().optional() })
  .optional();

// ---------------------------------------------------------------- follow-ups

export const ZIndicatorValueInput = z.strictObject({
  name: z.string({ error: 'Ange indikatorns namn.' }).trim().min(1, 'Ange indikatorns namn.').max(300, 'Indikatorns namn är för långt.'),
  value: z
    .union([z.number({ error: 'Ange ett tal eller en kort text.' }), z.string().trim().max(MAX_INDICATOR_TEXT, `Värdet får vara högst ${MAX_INDICATOR_TEXT} tecken.`)], {
      error: 'Ange ett tal eller en kort text.',
    })
    .nullable(),
});

export const ZCreateFollowUpRequest = z.strictObject({
  period: ZPeriod,
  status: z.enum(FOLLOW_UP_STATUSES, { error: 'Välj en status: inte påbörjad, pågår, genomförd, försenad eller avbruten.' }),
  comment: z.string({ error: 'Kommentaren ska vara text.' }).trim().max(4000, 'Kommentaren får vara högst 4 000 tecken.').nullable().optional(),
  indicatorValues: z.array(ZIndicatorValueInput).max(50, 'Högst 50 indikatorvärden.').optional(),
  /** The writer's confirmation that no person can be identified (after 422 personal_data_possible). */
  confirmNoPersonalData: z.boolean({ error: 'Svara ja eller nej.' }).optional(),
});
export type TCreateFollowUpRequest = z.infer<typeof ZCreateFollowUpRequest>;

export const ZIndicatorValue = z.object({ name: z.string(), value: z.union([z.number(), z.string()]) });

export const ZFollowUp = z.object({
  id: z.string(),
  activityId: z.string(),
  boardId: z.string(),
  period: z.string(),
  year: z.number(),
  status: z.enum(FOLLOW_UP_STATUSES),
  comment: z.string().nullable(),
  indicatorValues: z.array(ZIndicatorValue),
  reportedByName: z.string(),
  reportedAt: z.string(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;

export const ZIndicator = z.object({
  kind: z.enum(['output', 'effect']),
  name: z.string(),
  baseline: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
});

export const ZContextValue = z.object({ kpiId: z.string(), title: z.string().nullable(), area: z.string(), year: z.number(), value: z.number() });
export type TContextValue = z.infer<typeof ZContextValue>;

export const ZFollowUpActivity = z.object({
  activityId: z.string(),
  planId: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  year: z.number(),
  title: z.string(),
  measureArea: z.enum(MEASURE_AREAS).nullable(),
  responsible: z.string(),
  timeline: z.string(),
  indicators: z.array(ZIndicator),
  reporters: z.array(z.object({ id: z.string(), name: z.string() })),
  followUp: ZFollowUp.nullable(),
  /** The latest report of an earlier period of the same year. */
  previous: z.object({ period: z.string(), status: z.enum(FOLLOW_UP_STATUSES), comment: z.string().nullable() }).nullable(),
  contextLinks: z.array(z.object({ indicatorName: z.string(), kpiId: z.string() })),
  canReport: z.boolean(),
  /** No report for the period although its deadline has passed (an activity of an approved plan). */
  overdue: z.boolean(),
});
export type TFollowUpActivity = z.infer<typeof ZFollowUpActivity>;

export const ZActivityFollowUp = z.object({
  period: ZPeriodInfo,
  planStatus: z.enum(PLAN_STATES),
  activity: ZFollowUpActivity,
  history: z.array(ZFollowUp),
  /** Values of the KPIs linked to the activity's effect indicators. */
  context: z.array(ZContextValue),
  /** Values Värna already has for the activity's indicators (training coverage), with where they come from. */
  prefill: z.array(z.object({ indicatorName: z.string(), value: z.number(), source: z.string() })),
});
export type TActivityFollowUp = z.infer<typeof ZActivityFollowUp>;

export const ZMyActivitiesQuery = z.strictObject({ period: ZPeriod.optional() });
export const ZMyActivities = z.object({
  period: ZPeriodInfo,
  activities: z.array(ZFollowUpActivity),
  /** Open periods whose deadline has passed with the user's reports missing, oldest first. */
  missed: z.array(z.object({ period: z.string(), deadline: z.string(), missing: z.number() })),
});
export type TMyActivities = z.infer<typeof ZMyActivities>;

export const ZBoardReporters = z.object({
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Activity id → the ids of its named reporters. */
  assigned: z.record(z.string(), z.array(z.string())),
});
export type TBoardReporters = z.infer<typeof ZBoardReporters>;

export const ZAssignReportersRequest = z.strictObject({
  userIds: z.array(z.uuid({ error: 'Ogiltig användare.' })).max(20, 'Högst 20 rapportörer per insats.'),
});

// ---------------------------------------------------------------- analysis

export const ZAnalysisSections = z.strictObject(
  Object.fromEntries(
    ANALYSIS_HEADINGS.map((h) => [h, z.string({ error: 'Texten ska vara text.' }).max(MAX_ANALYSIS_TEXT, `Texten får vara högst ${MAX_ANALYSIS_TEXT.toLocaleString('sv-SE')} tecken.`).optional()]),
  ) as Record<(typeof ANALYSIS_HEADINGS)[number], z.ZodOptional<z.ZodString>>,
);
export const ZSaveAnalysisRequest = z.strictObject({
  sections: ZAnalysisSections,
  /** The writer's confirmation that no person can be identified (after 422 personal_data_possible). */
  confirmNoPersonalData: z.boolean({ error: 'Svara ja eller nej.' }).optional(),
});
export type TSaveAnalysisRequest = z.infer<typeof ZSaveAnalysisRequest>;

export const ZAnalysis = z.object({
  boardId: z.string(),
  period: z.string(),
  sections: z.array(z.object({ key: z.enum(ANALYSIS_HEADINGS), title: z.string(), text: z.string() })),
  updatedByName: z.string(),
  updatedAt: z.string(),
  reportedAt: z.string().nullable(),
  reportedByName: z.string().nullable(),
});
export type TAnalysis = z.infer<typeof ZAnalysis>;

// ---------------------------------------------------------------- the board's follow-up

export const ZBoardFollowUpQuery = z.strictObject({ period: ZPeriod.optional() });
export const ZBoardFollowUp = z.object({
  board: z.object({ id: z.string(), name: z.string() }),
  period: ZPeriodInfo,
  plan: z.object({ id: z.string(), status: z.enum(PLAN_STATES) }).nullable(),
  progress: z.object({
    total: z.number(),
    reported: z.number(),
    byStatus: z.record(z.string(), z.number()),
  }),
  activities: z.array(ZFollowUpActivity),
  contributors: z.array(z.object({ id: z.string(), name: z.string() })),
  analysis: ZAnalysis.nullable(),
  context: z.array(ZContextValue),
  canReport: z.boolean(),
  canWriteAnalysis: z.boolean(),
  canAssign: z.boolean(),
});
export type TBoardFollowUp = z.infer<typeof ZBoardFollowUp>;

// ---------------------------------------------------------------- context indicators

export const ZContextQuery = z.strictObject({ kpiId: z.string().max(20).optional() });
export const ZImportQuery = z.strictObject({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() });
export const ZContextImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
  duplicates: z.array(z.number()),
  kpis: z.array(z.string()),
});
export type TContextImportResult = z.infer<typeof ZContextImportResult>;

export const ZContextLinksRequest = z.strictObject({
  links: z
    .array(
      z.strictObject({
        indicatorName: z.string().trim().min(1, 'Välj en indikator.').max(300),
        kpiId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, 'Ange nyckeltalets id, till exempel N00945.'),
      }),
    )
    .max(50, 'Högst 50 kopplingar.'),
});
