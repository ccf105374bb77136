import { ZCollaborationSection } from './collaboration.schema.js';
import { z } from 'zod';
import { AREA_KEYS } from '../../domain/followup/aggregate.js';
import { ANALYSIS_HEADINGS } from '../../domain/followup/analysis.js';
import { INDICATOR_RESULTS } from '../../domain/followup/indicators.js';
import { PERIOD_KINDS } from '../../domain/followup/periods.js';
import { STATUS_KEYS } from '../../domain/followup/status.js';
import { MEASURE_AREAS } from '../../domain/plans/model.js';
import { PLAN_STATES } from '../../domain/plans/workflow.js';
import { TERTIALS } from '../../domain/situation/categories.js';
import { ZAuditsSection } from '../audit-tracking/section.schema.js';
import { ZDecisionsSection } from '../plans/schema.js';

/** The board and city reports (shared with the web app). */

export const REPORT_FORMATS = ['json', 'docx', 'pdf', 'xlsx'] as const;
/**
 * The report's lists that grow with the city, a page at a time in the JSON (the documents carry
 * every item): the query parameter that sets a page's length, its length when none is asked for,
 * and the longest page one request may ask for.
 */
export const REPORT_LISTS = {
  delayed: { limitParam: 'delayedLimit', first: 25, max: 500 },
  indicators: { limitParam: 'indicatorLimit', first: 25, max: 500 },
  analyses: { limitParam: 'analysisLimit', first: 10, max: 100 },
} as const;
export type ReportListName = keyof typeof REPORT_LISTS;
const pageOffset = (list: string) =>
  z.coerce.number({ error: `Ange var listan över ${list} börjar, t.ex. 0.` }).int('Ange ett heltal.').min(0, 'Listan börjar på 0 eller senare.').default(0);
const pageLimit = ({ what, one, list }: { what: string; one: string; list: ReportListName }) =>
  z.coerce
    .number({ error: `Ange hur många ${what} som ska visas, t.ex. ${REPORT_LISTS[list].first}.` })
    .int('Ange ett heltal.')
    .min(1, `Visa minst ${one}.`)
    .max(REPORT_LISTS[list].max, `Visa högst ${REPORT_LISTS[list].max} ${what} åt gången.`)
    .default(REPORT_LISTS[list].first);
export const ZReportQuery = z.strictObject({
  year: z.coerce.number({ error: 'Ange ett år, t.ex. 2026.' }).int('Ange ett helt år.').min(2000, 'Året ska vara 2000 eller senare.').max(2100, 'Året ska vara 2100 eller tidigare.').optional(),
  format: z.enum(REPORT_FORMATS, { error: 'Välj format: json, docx, pdf eller xlsx.' }).default('json'),
  /** Figures as of this period (T1, T2 or VB); default: each activity's latest report of the year. */
  period: z.enum(PERIOD_KINDS, { error: 'Välj period: T1, T2 eller VB.' }).optional(),
  /** The JSON lists the delayed activities, the indicators and the boards' analyses a page at a time (the documents list all). */
  delayedOffset: pageOffset('försenade insatser'),
  delayedLimit: pageLimit({ what: 'försenade insatser', one: 'en försenad insats', list: 'delayed' }),
  indicatorOffset: pageOffset('indikatorer'),
  indicatorLimit: pageLimit({ what: 'indikatorer', one: 'en indikator', list: 'indicators' }),
  analysisOffset: pageOffset('nämndernas analyser'),
  analysisLimit: pageLimit({ what: 'analyser', one: 'en analys', list: 'analyses' }),
});
export const ZChartsQuery = z.strictObject({
  year: ZReportQuery.shape.year,
  period: ZReportQuery.shape.period,
});
export const ZReportBoardParams = z.object({ boardId: z.uuid({ error: 'Ogiltig nämnd.' }) });

/** A page of a long list: `total` items in all, `items` from `offset`, at most `limit` (null: all, in the documents). */
const ZPage = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), offset: z.number(), limit: z.number().nullable(), items: z.array(item) });

const ZTally = z.object(Object.fromEntries(STATUS_KEYS.map((s) => [s, z.number()])) as Record<(typeof STATUS_KEYS)[number], z.ZodNumber>);
const ZYearTotals = z.object({ total: z.number(), byStatus: ZTally, donePercent: z.number(), delayedPercent: z.number() });
const ZResultTally = z.object(Object.fromEntries(INDICATOR_RESULTS.map((r) => [r, z.number()])) as Record<(typeof INDICATOR_RESULTS)[number], z.ZodNumber>);
const ZCell = z.union([z.number(), z.string()]);

export const ZReportBoard = z.object({
  boardId: z.string(),
  name: z.string(),
  kind: z.string(),
  plan: z.object({ id: z.string(), status: z.enum(PLAN_STATES), decidedOn: z.string().nullable(), paragraph: z.string().nullable(), activityCount: z.number() }).nullable(),
  /** Activities followed up: those of an approved plan (the status counts cover these). */
  total: z.number(),
  byStatus: ZTally,
  donePercent: z.number(),
  indicators: ZResultTally,
  analysis: z.object({ period: z.enum(PERIOD_KINDS), reportedAt: z.string().nullable() }).nullable(),
});

export const ZReport = z.object({
  scope: z.enum(['city', 'board']),
  municipality: z.string(),
  year: z.number(),
  /** The period the figures are as of; null = each activity's latest report of the year. */
  period: z.enum(PERIOD_KINDS).nullable(),
  generatedAt: z.string(),
  boards: z.array(ZReportBoard),
  totals: z.object({ boards: z.number(), boardsWithApprovedPlan: z.number(), activitiesInPlans: z.number(), total: z.number(), byStatus: ZTally, donePercent: z.number() }),
  measureAreas: z.array(z.object({ area: z.enum(AREA_KEYS), total: z.number(), byStatus: ZTally })),
  yearOverYear: z.object({
    year: z.number(),
    previousYear: z.number(),
    hasHistory: z.boolean(),
    current: ZYearTotals,
    previous: ZYearTotals,
  }),
  /**
   * The activities whose latest status is delayed: `total` of them, `items` from `offset` (at most
   * `limit`; null in the documents, which list all), in board order, then measure area and plan order.
   */
  delayed: ZPage(
    z.object({
      boardId: z.string(),
      boardName: z.string(),
      activityId: z.string(),
      title: z.string(),
      measureArea: z.enum(MEASURE_AREAS).nullable(),
      period: z.enum(PERIOD_KINDS),
      status: z.literal('delayed'),
      comment: z.string().nullable(),
    }),
  ),
  /** Every indicator counted in `summary` and `total`; `items` a page of them, as `delayed`. */
  indicators: ZPage(
    z.object({
      boardId: z.string(),
      boardName: z.string(),
      activityId: z.string(),
      activityTitle: z.string(),
      kind: z.enum(['output', 'effect']),
      name: z.string(),
      baseline: z.string().nullable(),
      target: z.string().nullable(),
      value: ZCell.nullable(),
      period: z.enum(PERIOD_KINDS).nullable(),
      result: z.enum(INDICATOR_RESULTS),
      kpiIds: z.array(z.string()),
    }),
  ).extend({ summary: ZResultTally }),
  context: z.array(z.object({ kpiId: z.string(), title: z.string().nullable(), area: z.string(), values: z.array(z.object({ year: z.number(), value: z.number() })) })),
  /** The boards' latest analyses of the period: `total` of them, `items` a page, as `delayed`. */
  analyses: ZPage(
    z.object({
      boardId: z.string(),
      boardName: z.string(),
      period: z.enum(PERIOD_KINDS),
      reportedAt: z.string().nullable(),
      sections: z.array(z.object({ key: z.enum(ANALYSIS_HEADINGS), title: z.string(), text: z.string() })),
    }),
  ),
  training: z.object({
    available: z.boolean(),
    courseName: z.string().nullable(),
    asOf: z.string().nullable(),
    rows: z.array(z.object({ boardId: z.string(), employees: z.number(), completed: z.number(), percent: z.number().nullable() })),
    /** Units under `laggingBelow` % (at most the 20 furthest behind, from the training service). */
    laggingBelow: z.number(),
    lagging: z.array(z.object({ boardId: z.string(), boardName: z.string(), unitName: z.string(), employees: z.number(), completed: z.number(), percent: z.number().nullable() })),
  }),
  situation: z.object({
    available: z.boolean(),
    legend: z.string().nullable(),
    suppressed: z.boolean(),
    rows: z.array(z.object({ boardId: z.string(), total: ZCell, byEnvironment: z.record(z.string(), ZCell) })),
    total: ZCell.nullable(),
    /** Per tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec) and board with any report; "<5" outside the reader's own board. */
    byTertial: z.array(z.object({ tertial: z.enum(TERTIALS), boardId: z.string(), suppressed: z.boolean(), total: ZCell, byEnvironment: z.record(z.string(), ZCell) })),
  }),
  /** Calls to the helpline per board, by caller and environment; "<5" outside the reader's own board (hub). */
  helpline: z.object({
    available: z.boolean(),
    legend: z.string().nullable(),
    rows: z.array(z.object({ boardId: z.string().nullable(), boardName: z.string(), total: ZCell, byCallerType: z.record(z.string(), ZCell), byEnvironment: z.record(z.string(), ZCell) })),
  }),
  /** The central coordinator's own summary of the year (city report; null in a board report or before it is written). */
  summary: z.object({ text: z.string(), updatedAt: z.string(), updatedByName: z.string() }).nullable(),
  /** Plans not submitted by the plan instruction's deadline (empty before the deadline). */
  latePlans: z.object({
    deadline: z.string().nullable(),
    items: z.array(z.object({ boardId: z.string(), boardName: z.string(), status: z.enum(PLAN_STATES).nullable() })),
  }),
  /** Audit recommendations, the boards' replies and their measures (audit tracking). */
  audits: ZAuditsSection,
  /** The board's handling of the year's plans: meetings, proposals, reservations (board decisions). */
  decisions: ZDecisionsSection,
  /** Collaboration and grants: per board, the year's grant and premises vetting. */
  collaboration: ZCollaborationSection,
});
export type TReport = z.infer<typeof ZReport>;

export const ZSummaryQuery = z.strictObject({ year: ZReportQuery.shape.year.unwrap() });
export const ZSaveSummaryRequest = z.strictObject({
  text: z.string({ error: 'Skriv sammanfattningen som text.' }).max(20000, 'Sammanfattningen får vara högst 20 000 tecken.'),
  confirmNoPersonalData: z.boolean().optional(),
});
export type TSaveSummaryRequest = z.infer<typeof ZSaveSummaryRequest>;
export const ZSummary = ZReport.shape.summary;

export const ZReportCharts = z.array(
  z.object({
    key: z.string(),
    title: z.string(),
    summary: z.string(),
    svg: z.string(),
    table: z.object({ caption: z.string(), columns: z.array(z.object({ key: z.string(), label: z.string(), numeric: z.boolean().optional() })), rows: z.array(z.array(ZCell.nullable())) }),
  }),
);
export type TReportCharts = z.infer<typeof ZReportCharts>;

