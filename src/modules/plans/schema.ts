import { z } from 'zod';
import { PARTNER_TYPES, TARGET_GROUPS } from '../../domain/collaboration/model.js';
import { isoDate, optionalText, requiredText } from '../../domain/schema-fields.js';
import { FINAL_STATUSES, MEASURE_AREAS } from '../../domain/plans/model.js';
import { DECISION_OUTCOMES, MAX_RECORD_TEXT, PROPOSAL_RESULTS, RESERVATION_KINDS } from '../../domain/plans/decisions.js';
import { PLAN_STATES } from '../../domain/plans/workflow.js';
import { REVIEW_TARGET_PATTERN } from '../../domain/plans/review.js';
import { ZAttachment, ZAttachmentIds } from '../attachments/schema.js';

/** Request and response schemas of the plans capability (shared with the web app). */

export const GUIDELINE_ELEMENT_KINDS = ['measure_area', 'direction', 'requirement', 'guideline', 'perspective', 'risk'] as const;
export const INDICATOR_KINDS = ['output', 'effect'] as const;
export const REVIEW_RESULTS = ['pass', 'partly', 'fail'] as const;
/** Activity fields plan instructions can require (ACTIVITY_FIELD_LABELS_SV has their labels). */
export const ACTIVITY_FIELDS = [
  'title',
  'description',
  'measureArea',
  'perspective',
  'guidelineElementIds',
  'responsible',
  'partners',
  'partnerIds',
  'targetGroups',
  'timeline',
  'followUp',
  'indicators',
] as const;


export const ZYear = z.number({ error: 'Ange ett år, t.ex. 2026.' }).int('Ange ett helt år.').min(2000, 'Året ska vara 2000 eller senare.').max(2100, 'Året ska vara 2100 eller tidigare.');
export const ZPlanIdParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }) });
export const ZActivityParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }), activityId: z.uuid({ error: 'Ogiltigt id.' }) });
export const SECTION_KEY = /^[a-z0-9_]{1,40}$/;
export const ZSectionParams = z.object({
  id: z.uuid({ error: 'Ogiltigt id.' }),
  key: z.string().regex(SECTION_KEY, 'Ogiltigt avsnitt.'),
});

// ---------------------------------------------------------------- governing documents

export const ZGuidelineElement = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(GUIDELINE_ELEMENT_KINDS),
  key: z.string().nullable(),
  label: z.string(),
  position: z.number(),
  archived: z.boolean(),
});
export type TGuidelineElement = z.infer<typeof ZGuidelineElement>;

export const ZGuidelineDocument = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  description: z.string().nullable(),
  elements: z.array(ZGuidelineElement),
});
export type TGuidelineDocument = z.infer<typeof ZGuidelineDocument>;

export const ZCreateGuidelineDocumentRequest = z.strictObject({
  title: requiredText(300, 'Ange styrdokumentets titel.', 'Titeln'),
  shortTitle: optionalText(100, 'Kortnamnet'),
  adoptedOn: isoDate('Ange beslutsdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  description: optionalText(5000, 'Beskrivningen'),
});
export type TCreateGuidelineDocumentRequest = z.infer<typeof ZCreateGuidelineDocumentRequest>;

export const ZUpdateGuidelineDocumentRequest = z.strictObject({
  title: requiredText(300, 'Ange styrdokumentets titel.', 'Titeln').optional(),
  shortTitle: optionalText(100, 'Kortnamnet'),
  adoptedOn: isoDate('Ange beslutsdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  description: optionalText(5000, 'Beskrivningen'),
});
export type TUpdateGuidelineDocumentRequest = z.infer<typeof ZUpdateGuidelineDocumentRequest>;

export const ZCreateGuidelineElementRequest = z.strictObject({
  kind: z.enum(GUIDELINE_ELEMENT_KINDS, { error: 'Välj typ av del.' }),
  label: requiredText(1000, 'Ange delens text.', 'Texten'),
  key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Nyckeln får bara innehålla a–z, 0–9 och _.').nullable().optional(),
});
export type TCreateGuidelineElementRequest = z.infer<typeof ZCreateGuidelineElementRequest>;

export const ZUpdateGuidelineElementRequest = z.strictObject({
  label: requiredText(1000, 'Ange delens text.', 'Texten').optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type TUpdateGuidelineElementRequest = z.infer<typeof ZUpdateGuidelineElementRequest>;

// ---------------------------------------------------------------- plan instructions

export const ZInstructionSection = z.strictObject({
  key: z.string({ error: 'Ange avsnittets nyckel.' }).trim().regex(SECTION_KEY, 'Nyckeln får bara innehålla a–z, 0–9 och _ (högst 40 tecken).'),
  title: requiredText(200, 'Ange avsnittets rubrik.', 'Rubriken'),
  guidance: optionalText(2000, 'Vägledningen'),
});
export type TInstructionSection = z.infer<typeof ZInstructionSection>;

export const ZReviewCriterionInput = z.strictObject({
  id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'Ogiltigt id för kriteriet.').optional(),
  text: requiredText(1000, 'Skriv kriteriet.', 'Kriteriet'),
});

const instructionFields = {
  deadline: isoDate('Ange sista dag som ÅÅÅÅ-MM-DD.').nullable().optional(),
  guidance: optionalText(10_000, 'Anvisningstexten'),
  sections: z.array(ZInstructionSection).min(1, 'Ange minst ett avsnitt.').max(30, 'Högst 30 avsnitt.').optional(),
  requiredActivityFields: z.array(z.enum(ACTIVITY_FIELDS, { error: 'Okänt fält.' })).max(ACTIVITY_FIELDS.length).optional(),
  /** Partner types at least one activity of the plan must work with, e.g. police, school and social services (issue #15). */
  requiredPartnerTypes: z
    .array(z.enum(PARTNER_TYPES, { error: `Okänd typ av samverkanspart. Välj bland: ${PARTNER_TYPES.join(', ')}.` }))
    .max(PARTNER_TYPES.length, 'Välj varje typ högst en gång.')
    .optional(),
  reviewCriteria: z.array(ZReviewCriterionInput).max(50, 'Högst 50 granskningskriterier.').optional(),
};

export const ZCreateInstructionRequest = z.strictObject({ year: ZYear, ...instructionFields });
export type TCreateInstructionRequest = z.infer<typeof ZCreateInstructionRequest>;
export const ZUpdateInstructionRequest = z.strictObject(instructionFields);
export type TUpdateInstructionRequest = z.infer<typeof ZUpdateInstructionRequest>;

export const ZInstruction = z.object({
  id: z.string(),
  year: z.number(),
  status: z.enum(['draft', 'published']),
  deadline: z.string().nullable(),
  guidance: z.string().nullable(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), guidance: z.string().nullable().optional() })),
  requiredActivityFields: z.array(z.string()),
  requiredPartnerTypes: z.array(z.string()),
  reviewCriteria: z.array(z.object({ id: z.string(), text: z.string() })),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TInstruction = z.infer<typeof ZInstruction>;

/** The instructions that apply to a plan's year, and where they came from. */
export const ZEffectiveInstruction = ZInstruction.omit({ id: true }).extend({
  id: z.string().nullable(),
  /** True when no published instructions exist for the plan's own year. */
  fallback: z.boolean(),
});
export type TEffectiveInstruction = z.infer<typeof ZEffectiveInstruction>;

// ---------------------------------------------------------------- activities

export const ZIndicator = z.strictObject({
  kind: z.enum(INDICATOR_KINDS, { error: 'Välj typ av indikator: prestation eller effekt.' }),
  name: requiredText(300, 'Ange indikatorns namn.', 'Indikatorns namn'),
  baseline: optionalText(100, 'Utgångsvärdet'),
  target: optionalText(100, 'Målvärdet'),
});
export type TIndicator = z.infer<typeof ZIndicator>;

const activityFields = {
  title: requiredText(500, 'Ange insatsen.', 'Insatsen'),
  description: optionalText(5000, 'Beskrivningen'),
  measureArea: z.enum(MEASURE_AREAS, { error: 'Välj ett av de tre insatsområdena.' }).nullable().optional(),
  responsible: requiredText(500, 'Ange vem som är ansvarig.', 'Ansvarig'),
  partners: optionalText(1000, 'Samverkan'),
  /** Partners from the register (issue #15): of the plan's board or of the whole city. */
  partnerIds: z.array(z.uuid({ error: 'Välj samverkansparter ur registret.' }), { error: 'Ange samverkansparterna som en lista.' }).max(30, 'Högst 30 samverkansparter per insats.').optional(),
  targetGroups: z
    .array(z.enum(TARGET_GROUPS, { error: `Okänd målgrupp. Välj bland: ${TARGET_GROUPS.join(', ')}.` }), { error: 'Ange målgrupperna som en lista.' })
    .max(TARGET_GROUPS.length, 'Välj varje målgrupp högst en gång.')
    .optional(),
  timeline: requiredText(300, 'Ange tidsplan.', 'Tidsplanen'),
  followUp: requiredText(1000, 'Ange hur insatsen följs upp.', 'Uppföljningen'),
  perspective: optionalText(200, 'Perspektivet'),
  guidelineElementIds: z.array(z.uuid({ error: 'Ogiltig del av styrdokument.' })).max(50, 'Högst 50 kopplingar.').optional(),
  responsibleUnitId: z.uuid({ error: 'Ogiltig enhet.' }).nullable().optional(),
  startDate: isoDate('Ange startdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  endDate: isoDate('Ange slutdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  indicators: z.array(ZIndicator).max(20, 'Högst 20 indikatorer.').optional(),
  /** The board's users who report on the activity in follow-up (saved by the follow-up capability; the local coordinator's choice). */
  reporterIds: z.array(z.uuid({ error: 'Välj rapportörer i listan.' })).max(20, 'Högst 20 rapportörer per insats.').optional(),
};

/** POST /api/plans/:id/activities (API.md), plus the optional classification fields. */
export const ZCreateActivityRequest = z.strictObject(activityFields);
export type TCreateActivityRequest = z.infer<typeof ZCreateActivityRequest>;

export const ZUpdateActivityRequest = z.strictObject({
  title: activityFields.title.optional(),
  description: activityFields.description,
  measureArea: activityFields.measureArea,
  responsible: activityFields.responsible.optional(),
  partners: activityFields.partners,
  partnerIds: activityFields.partnerIds,
  targetGroups: activityFields.targetGroups,
  timeline: activityFields.timeline.optional(),
  followUp: activityFields.followUp.optional(),
  perspective: activityFields.perspective,
  guidelineElementIds: activityFields.guidelineElementIds,
  responsibleUnitId: activityFields.responsibleUnitId,
  startDate: activityFields.startDate,
  endDate: activityFields.endDate,
  indicators: activityFields.indicators,
  reporterIds: activityFields.reporterIds,
  previousYearFinalStatus: z.enum(FINAL_STATUSES, { error: 'Välj föregående års slutstatus.' }).nullable().optional(),
});
export type TUpdateActivityRequest = z.infer<typeof ZUpdateActivityRequest>;

export const ZReorderActivitiesRequest = z.strictObject({
  activityIds: z.array(z.uuid({ error: 'Ogiltigt id.' })).min(1, 'Ange insatserna i ny ordning.').max(1000),
});

export const ZActivity = z.object({
  id: z.string(),
  planId: z.string(),
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  measureArea: z.enum(MEASURE_AREAS).nullable(),
  perspective: z.string().nullable(),
  guidelineElementIds: z.array(z.string()),
  responsible: z.string(),
  responsibleUnitId: z.string().nullable(),
  partners: z.string().nullable(),
  partnerIds: z.array(z.string()),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  timeline: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  followUp: z.string(),
  indicators: z.array(z.object({ kind: z.enum(INDICATOR_KINDS), name: z.string(), baseline: z.string().nullable().optional(), target: z.string().nullable().optional() })),
  carriedOverFromActivityId: z.string().nullable(),
  previousYearFinalStatus: z.enum(FINAL_STATUSES).nullable(),
  /** The activity of the approved plan this revision's activity carries on (its follow-up moves here on approval). */
  revisedFromActivityId: z.string().nullable(),
  updatedAt: z.string(),
});
export type TActivity = z.infer<typeof ZActivity>;

/** The answer of the activity import (POST /api/plans/:id/activities/import): its preview (`?dryRun=1`) or what it added. */
export const ZActivityImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(z.object({ line: z.number(), activity: ZCreateActivityRequest })),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  /** Rows not added because the plan (or an earlier line of the file) already has that activity. */
  duplicates: z.array(z.object({ line: z.number(), title: z.string(), of: z.enum(['plan', 'file']), firstLine: z.number().nullable() })),
  ignoredColumns: z.array(z.string()),
  /** How many activities the import adds (the preview) or added. */
  toAdd: z.number(),
  added: z.array(ZActivity),
});
export type TActivityImportResult = z.infer<typeof ZActivityImportResult>;

// ---------------------------------------------------------------- plans

export const ZCreatePlanRequest = z.strictObject({
  boardId: z.uuid({ error: 'Välj en nämnd.' }),
  year: ZYear,
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZListPlansQuery = z.strictObject({
  boardId: z.uuid({ error: 'Ogiltig nämnd.' }).optional(),
  year: z.coerce.number({ error: 'Ange ett år.' }).int().min(2000).max(2100).optional(),
});

export const ZMeasureAreaGaps = z.strictObject({
  general: optionalText(2000, 'Förklaringen'),
  targeted: optionalText(2000, 'Förklaringen'),
  individual: optionalText(2000, 'Förklaringen'),
});

export const ZUpdatePlanRequest = z.strictObject({
  measureAreaGaps: ZMeasureAreaGaps.optional(),
});
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZUpdateSectionRequest = z.strictObject({
  bodyHtml: z.string({ error: 'Skriv avsnittets text.' }).max(200_000, 'Texten får vara högst 200 000 tecken.'),
  datedOn: isoDate('Ange datum som ÅÅÅÅ-MM-DD.').nullable().optional(),
});
export type TUpdateSectionRequest = z.infer<typeof ZUpdateSectionRequest>;

export const ZSection = z.object({
  key: z.string(),
  title: z.string(),
  guidance: z.string().nullable(),
  required: z.boolean(),
  bodyHtml: z.string(),
  datedOn: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type TSection = z.infer<typeof ZSection>;

export const ZPlanStatus = z.enum(PLAN_STATES);

export const ZPlanSummary = z.object({
  id: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  year: z.number(),
  status: ZPlanStatus,
  decidedOn: z.string().nullable(),
  paragraph: z.string().nullable(),
  previousPlanId: z.string().nullable(),
  /** The approved plan this plan revises during the year (null for a year's first plan). */
  revisionOf: z.string().nullable(),
  revisionReason: z.string().nullable(),
  /** The city board's approval: its own date and paragraph, when recorded. */
  approvedOn: z.string().nullable(),
  approvedParagraph: z.string().nullable(),
  activityCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZReviewItem = z.object({
  criterionId: z.string(),
  text: z.string(),
  result: z.enum(REVIEW_RESULTS).nullable(),
  comment: z.string().nullable(),
  /** The section or activity the comment is about (`section:<key>`, `activity:<id>`), or null for the whole plan. */
  target: z.string().nullable().optional(),
  /** The target as words when the review was saved ("Avsnitt: Lokal lägesbild"). */
  targetLabel: z.string().nullable().optional(),
});

export const ZReview = z.object({
  id: z.string(),
  reviewerName: z.string(),
  items: z.array(ZReviewItem),
  comment: z.string().nullable(),
  final: z.boolean(),
  updatedAt: z.string(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZReviewRequest = z.strictObject({
  items: z
    .array(
      z
        .strictObject({
          criterionId: z.string().trim().min(1).max(40),
          result: z.enum(REVIEW_RESULTS, { error: 'Välj uppfyllt, delvis eller inte uppfyllt.' }).nullable(),
          comment: optionalText(2000, 'Kommentaren'),
          // '' is the form's "the whole plan".
          target: z.preprocess(
            (v) => (v === '' ? null : v),
            z.string({ error: 'Välj ett avsnitt eller en insats i planen.' }).regex(REVIEW_TARGET_PATTERN, 'Välj ett avsnitt eller en insats i planen.').nullable().optional(),
          ),
        })
        // A comment aimed at a part of the plan must say something: caught before the review is sent.
        .refine((i) => !i.target || !!i.comment?.trim(), { path: ['comment'], message: 'Skriv kommentaren till den del av planen du har valt.' }),
    )
    .max(50),
  comment: optionalText(5000, 'Kommentaren'),
});
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

// ---------------------------------------------------------------- board decisions and revision

const recordText = (missing: string, label: string) => requiredText(MAX_RECORD_TEXT, missing, label);

export const ZProposal = z.strictObject({
  by: requiredText(200, 'Ange vem som lade förslaget, t.ex. ett parti eller förvaltningen.', 'Förslagsställaren'),
  text: recordText('Skriv förslagets text.', 'Förslaget'),
  result: z.enum(PROPOSAL_RESULTS, { error: 'Ange om förslaget bifölls eller avslogs.' }),
});

export const ZReservation = z.strictObject({
  party: requiredText(200, 'Ange vilket parti eller vilken ledamot som reserverar sig.', 'Partiet'),
  text: recordText('Skriv reservationens text.', 'Reservationen'),
  kind: z.enum(RESERVATION_KINDS, { error: 'Välj reservation eller särskilt uttalande.' }).optional(),
});

export const ZCreateDecisionRequest = z.strictObject({
  meetingOn: z.string({ error: 'Ange sammanträdets datum.' }).trim().min(1, 'Ange sammanträdets datum.').max(20, 'Ange datumet som ÅÅÅÅ-MM-DD.'),
  paragraph: requiredText(50, 'Ange paragraf i protokollet, t.ex. ”§ 12”.', 'Paragrafen'),
  caseNumber: optionalText(100, 'Diarienumret'),
  outcome: z.enum(DECISION_OUTCOMES, { error: 'Välj nämndens beslut: antagen, återremitterad eller bordlagd.' }),
  proposals: z.array(ZProposal).max(30, 'Högst 30 förslag.').optional(),
  reservations: z.array(ZReservation).max(30, 'Högst 30 reservationer och särskilda uttalanden.').optional(),
  attachmentIds: ZAttachmentIds.optional(),
});
export type TCreateDecisionRequest = z.infer<typeof ZCreateDecisionRequest>;

export const ZDecision = z.object({
  id: z.string(),
  planId: z.string(),
  meetingOn: z.string(),
  paragraph: z.string(),
  caseNumber: z.string().nullable(),
  outcome: z.enum(DECISION_OUTCOMES),
  proposals: z.array(z.object({ by: z.string(), text: z.string(), result: z.enum(PROPOSAL_RESULTS) })),
  reservations: z.array(z.object({ party: z.string(), text: z.string(), kind: z.enum(RESERVATION_KINDS) })),
  attachments: z.array(ZAttachment),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZCreateRevisionRequest = z.strictObject({
  reason: requiredText(5000, 'Skriv varför planen revideras, t.ex. kommunstyrelsens direktiv.', 'Skälet'),
});
export type TCreateRevisionRequest = z.infer<typeof ZCreateRevisionRequest>;

export const ZTransitionEntry = z.object({
  id: z.string(),
  from: ZPlanStatus,
  to: ZPlanStatus,
  at: z.string(),
  actorName: z.string(),
  comment: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paragraph: z.string().nullable(),
  versionNumber: z.number().nullable(),
  review: ZReview.nullable(),
});
export type TTransitionEntry = z.infer<typeof ZTransitionEntry>;

export const ZVersionSummary = z.object({
  number: z.number(),
  status: ZPlanStatus,
  createdAt: z.string(),
});

export const ZPlan = ZPlanSummary.extend({
  instructions: ZEffectiveInstruction,
  sections: z.array(ZSection),
  activities: z.array(ZActivity),
  removedActivities: z.array(z.object({ id: z.string(), title: z.string(), deletedAt: z.string() })),
  measureAreaGaps: z.object({ general: z.string().optional(), targeted: z.string().optional(), individual: z.string().optional() }),
  allowedTransitions: z.array(ZPlanStatus),
  /** The user writes this board's plans (content edits still need an editable state: canEdit). */
  canWrite: z.boolean(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  /** The review being written now (central coordinators only), while the plan is in review. */
  review: ZReview.nullable(),
  timeline: z.array(ZTransitionEntry),
  /** The board's handling of the plan at each meeting, oldest first (issue 14). */
  decisions: z.array(ZDecision),
  canRecordDecision: z.boolean(),
  canRevise: z.boolean(),
  /** The revision of this approved plan being worked on, if any. */
  openRevisionId: z.string().nullable(),
  /** The plan that replaced this one, when it is superseded. */
  supersededById: z.string().nullable(),
  versions: z.array(ZVersionSummary),
  nextYearPlanId: z.string().nullable(),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZTransitionRequest = z.strictObject({
  to: z.enum(PLAN_STATES, { error: 'Okänd status.' }),
  comment: optionalText(5000, 'Kommentaren'),
  decidedOn: z.string().trim().max(20, 'Ange beslutsdatum som ÅÅÅÅ-MM-DD.').nullable().optional(),
  paragraph: z.string().trim().max(50, 'Paragrafen får vara högst 50 tecken.').nullable().optional(),
});
export type TTransitionRequest = z.infer<typeof ZTransitionRequest>;

export const ZCheckResult = z.object({
  score: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      ok: z.boolean(),
      message: z.string(),
      details: z.array(z.string()).optional(),
      /** The plan page's anchor where the item is fixed (`insatser`, `insatsomraden`, `avsnitt-<key>`). */
      anchor: z.string(),
      /** Each thing to fix and its anchor (`insats-<id>`, `avsnitt-<key>`). */
      targets: z.array(z.object({ label: z.string(), anchor: z.string() })).optional(),
    }),
  ),
});
export type TCheckResult = z.infer<typeof ZCheckResult>;

// ---------------------------------------------------------------- versions, compare, overview

export const ZPlanSnapshot = z.object({
  status: ZPlanStatus,
  year: z.number(),
  boardName: z.string(),
  decidedOn: z.string().nullable(),
  paragraph: z.string().nullable(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), bodyHtml: z.string(), datedOn: z.string().nullable() })),
  activities: z.array(ZActivity),
  measureAreaGaps: z.record(z.string(), z.string()),
});
export type TPlanSnapshot = z.infer<typeof ZPlanSnapshot>;

export const ZVersion = ZVersionSummary.extend({ planId: z.string(), snapshot: ZPlanSnapshot });

export const ZVersionParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }), number: z.coerce.number().int().min(1).max(100_000) });

/** A plan to compare: `<planId>` (as it is now) or `<planId>:<version number>`. */
export const PLAN_REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:\d{1,6})?$/i;
export const ZCompareQuery = z.strictObject({
  from: z.string().regex(PLAN_REF, 'Välj en plan eller version att jämföra från.'),
  to: z.string().regex(PLAN_REF, 'Välj en plan eller version att jämföra med.'),
});

const ZCompareSide = z.object({
  ref: z.string(),
  planId: z.string(),
  boardName: z.string(),
  year: z.number(),
  version: z.number().nullable(),
  status: ZPlanStatus,
});

export const ZCompareResult = z.object({
  from: ZCompareSide,
  to: ZCompareSide,
  added: z.array(ZActivity),
  removed: z.array(ZActivity),
  changed: z.array(z.object({ before: ZActivity, after: ZActivity, fields: z.array(z.string()) })),
  unchanged: z.array(ZActivity),
  sections: z.object({
    added: z.array(z.object({ key: z.string(), title: z.string(), after: z.string() })),
    removed: z.array(z.object({ key: z.string(), title: z.string(), before: z.string() })),
    changed: z.array(z.object({ key: z.string(), title: z.string(), before: z.string(), after: z.string() })),
    unchanged: z.array(z.object({ key: z.string(), title: z.string() })),
  }),
});
export type TCompareResult = z.infer<typeof ZCompareResult>;

export const ZOverviewQuery = z.strictObject({
  year: z.coerce.number({ error: 'Ange ett år.' }).int().min(2000).max(2100).optional(),
});

export const ZOverview = z.object({
  year: z.number(),
  deadline: z.string().nullable(),
  today: z.string(),
  boards: z.array(
    z.object({
      boardId: z.string(),
      boardName: z.string(),
      kind: z.string(),
      plan: z
        .object({
          id: z.string(),
          status: ZPlanStatus,
          score: z.number(),
          activityCount: z.number(),
          lastChange: z.string(),
        })
        .nullable(),
      daysToDeadline: z.number().nullable(),
      late: z.boolean(),
    }),
  ),
  elements: z.array(z.object({ id: z.string(), documentTitle: z.string(), kind: z.enum(GUIDELINE_ELEMENT_KINDS), label: z.string() })),
  /** Activities mapped to each element, per board: coverage[boardId][elementId]. */
  coverage: z.record(z.string(), z.record(z.string(), z.number())),
  /** Activities with a partner of each type (police, school, …), per board: partnerTypeCoverage[boardId][type]. */
  partnerTypeCoverage: z.record(z.string(), z.record(z.string(), z.number())),
});
export type TOverview = z.infer<typeof ZOverview>;

/** The board's decisions on the year's plans, for the board and city reports (issue 14). */
export const ZDecisionsSection = z.object({
  available: z.boolean(),
  items: z.array(
    ZDecision.omit({ attachments: true, recordedByName: true, createdAt: true }).extend({
      boardId: z.string(),
      boardName: z.string(),
      planYear: z.number(),
      /** The decision concerns a revision of an approved plan. */
      revision: z.boolean(),
      attachments: z.array(z.string()),
    }),
  ),
});
export type TDecisionsSection = z.infer<typeof ZDecisionsSection>;
