import { z } from 'zod';
import { CONCERN_TYPES, ENVIRONMENTS, NOTE_SOURCES, RELEVANCES, TERTIALS } from '../../domain/situation/categories.js';
import { QUESTION_KINDS, RECIPIENT_GROUPS } from '../../domain/situation/survey.js';

/** A shown count, or the marker of a hidden one ("<5" below the threshold, ".." to protect one). */
export const ZCell = z.union([z.number(), z.string()]);

// An empty field is a missing date: its message says what to fill in (the web's forms use it too).
const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange datumet som ÅÅÅÅ-MM-DD.');
const text = (max: number, missing: string) => z.string({ error: missing }).trim().min(1, missing).max(max, `Texten får vara högst ${max} tecken.`);
const optionalText = (max: number) => z.string().trim().max(max, `Texten får vara högst ${max} tecken.`).nullable().optional();

export const ZIdParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }) });
export const ZBoardParams = z.object({ boardId: z.uuid({ error: 'Ogiltig nämnd.' }) });
export const ZBoardYearParams = ZBoardParams.extend({ year: z.coerce.number().int('Ange ett år.').min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år före 2100.') });
const year = z.coerce.number({ error: 'Ange ett år.' }).int('Ange ett år.').min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år före 2100.');
const lang = z.enum(['sv', 'en']).default('sv');
const flag = z.enum(['0', '1']).default('0');
/**
 * The writer's confirmation that no person can be identified in text the guard held back as a
 * possible name (422 `personal_data_possible`). It never lifts a `personal_data` refusal.
 */
export const confirmNoPersonalData = z.boolean({ error: 'Svara ja eller nej.' }).optional();

// ---- Concern reports -------------------------------------------------------------------------

export const ZConcernType = z.enum(CONCERN_TYPES, { error: 'Välj typ av händelse.' });
export const ZEnvironment = z.enum(ENVIRONMENTS, { error: 'Välj miljö.' });

export const ZCreateConcernRequest = z.strictObject({
  boardId: z.uuid({ error: 'Välj nämnd.' }),
  occurredOn: isoDate('Ange när det hände.'),
  type: ZConcernType,
  environment: ZEnvironment,
  description: text(4000, 'Beskriv vad som hände.'),
  actionTaken: optionalText(2000),
  area: optionalText(200),
  reportingUnitId: z.uuid({ error: 'Ogiltig enhet.' }).nullable().optional(),
  forwardedToSocialServices: z.boolean({ error: 'Svara ja eller nej.' }).optional(),
  forwardedToPolice: z.boolean({ error: 'Svara ja eller nej.' }).optional(),
  confirmNoPersonalData,
});
export type TCreateConcernRequest = z.infer<typeof ZCreateConcernRequest>;

/** What the person who filed gets back: a receipt, not the text. */
export const ZConcernReceipt = z.object({
  id: z.string(),
  boardId: z.string(),
  occurredOn: z.string(),
  type: ZConcernType,
  environment: ZEnvironment,
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
export type TConcernReceipt = z.infer<typeof ZConcernReceipt>;

/** A row in the coordinator's list: no free text, so listing is not a read of report texts. */
export const ZConcernListItem = ZConcernReceipt.extend({
  boardName: z.string(),
  reportingUnitName: z.string().nullable(),
  relevance: z.enum(RELEVANCES).nullable(),
  forwardedToSocialServices: z.boolean(),
  forwardedToPolice: z.boolean(),
  unread: z.boolean(),
});
export type TConcernListItem = z.infer<typeof ZConcernListItem>;

export const ZConcernListQuery = z.object({
  boardId: z.uuid({ error: 'Ogiltig nämnd.' }).optional(),
  status: z.enum(['open', 'closed', 'all']).default('all'),
  year: year.optional(),
});

export const ZConcernNote = z.object({ id: z.string(), body: z.string(), authorName: z.string().nullable(), createdAt: z.string() });

export const ZConcern = ZConcernListItem.extend({
  area: z.string().nullable(),
  reportingUnitId: z.string().nullable(),
  description: z.string(),
  actionTaken: z.string().nullable(),
  classifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  notes: z.array(ZConcernNote),
});
export type TConcern = z.infer<typeof ZConcern>;

export const ZInbox = z.object({ unread: z.number(), boards: z.array(z.object({ boardId: z.string(), boardName: z.string(), unread: z.number() })) });
export type TInbox = z.infer<typeof ZInbox>;

export const ZClassifyRequest = z.strictObject({
  type: ZConcernType,
  environment: ZEnvironment,
  relevance: z.enum(RELEVANCES, { error: 'Välj bedömning.' }),
});
export const ZNoteRequest = z.strictObject({ body: text(2000, 'Skriv anteckningen.'), confirmNoPersonalData });
export const ZCloseRequest = z.strictObject({ comment: optionalText(2000), confirmNoPersonalData });

// ---- Counts ----------------------------------------------------------------------------------

const cellRecord = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), ZCell);
export const ZCountRow = z.object({
  total: ZCell,
  byType: cellRecord(CONCERN_TYPES),
  byEnvironment: cellRecord(ENVIRONMENTS),
  byTertial: cellRecord(TERTIALS),
});
export type TCountRow = z.infer<typeof ZCountRow>;

export const ZTrendPoint = z.object({ year: z.number(), total: ZCell, byType: cellRecord(CONCERN_TYPES), byEnvironment: cellRecord(ENVIRONMENTS) });
export const ZChart = z.object({ key: z.string(), title: z.string(), svg: z.string() });
export type TChart = z.infer<typeof ZChart>;

export const ZCityPicture = z.object({
  year: z.number(),
  threshold: z.number(),
  legend: z.string(),
  boards: z.array(ZCountRow.extend({ boardId: z.string(), boardName: z.string(), boardKind: z.string() })),
  totals: ZCountRow,
  trend: z.array(ZTrendPoint),
  charts: z.array(ZChart),
});
export type TCityPicture = z.infer<typeof ZCityPicture>;
export const ZCityQuery = z.object({ year, charts: flag, lang });

export const ZBoardCounts = ZCountRow.extend({
  boardId: z.string(),
  boardName: z.string(),
  year: z.number(),
  /** False when the actor belongs to the board and sees exact counts. */
  suppressed: z.boolean(),
  threshold: z.number(),
  legend: z.string(),
  /** Type × environment, only inside the board. */
  cross: z.array(z.object({ type: ZConcernType, counts: z.record(ZEnvironment, z.number()) })).nullable(),
  trend: z.array(ZTrendPoint),
  charts: z.array(ZChart),
});
export type TBoardCounts = z.infer<typeof ZBoardCounts>;
export const ZYearQuery = z.object({ year, charts: flag, lang });

// ---- Notes -----------------------------------------------------------------------------------

export const ZNoteSource = z.enum(NOTE_SOURCES, { error: 'Välj källa.' });
export const ZCreateSituationNoteRequest = z.strictObject({
  notedOn: isoDate('Ange datum.'),
  source: ZNoteSource,
  body: text(4000, 'Skriv anteckningen.'),
  confirmNoPersonalData,
});
export const ZSituationNote = z.object({
  id: z.string(),
  boardId: z.string(),
  notedOn: z.string(),
  source: ZNoteSource,
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TSituationNote = z.infer<typeof ZSituationNote>;
export const ZNotesQuery = z.object({ year: year.optional() });

// ---- Surveys ---------------------------------------------------------------------------------

export const ZQuestionKind = z.enum(QUESTION_KINDS, { error: 'Välj typ av fråga.' });
export const ZRecipientGroup = z.enum(RECIPIENT_GROUPS, { error: 'Välj mottagargrupp.' });

export const ZQuestionInput = z.strictObject({
  kind: ZQuestionKind,
  text: text(500, 'Skriv frågan.'),
  options: z.array(text(200, 'Skriv alternativet.')).max(12, 'Högst 12 alternativ.').default([]),
  multiple: z.boolean().default(false),
  required: z.boolean().default(false),
});
export const ZQuestion = z.object({
  id: z.string(),
  kind: ZQuestionKind,
  text: z.string(),
  options: z.array(z.string()),
  multiple: z.boolean(),
  required: z.boolean(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZCreateSurveyRequest = z.strictObject({
  boardId: z.uuid({ error: 'Välj nämnd.' }),
  year: year.optional(),
  title: text(200, 'Ge enkäten en rubrik.'),
  intro: optionalText(2000),
  questions: z.array(ZQuestionInput).min(1, 'Lägg till minst en fråga.').max(50, 'Högst 50 frågor.'),
});
export type TCreateSurveyRequest = z.infer<typeof ZCreateSurveyRequest>;
export const ZUpdateSurveyRequest = z.strictObject({
  title: text(200, 'Ge enkäten en rubrik.').optional(),
  intro: optionalText(2000),
  questions: z.array(ZQuestionInput).min(1, 'Lägg till minst en fråga.').max(50, 'Högst 50 frågor.').optional(),
});
export type TUpdateSurveyRequest = z.infer<typeof ZUpdateSurveyRequest>;

export const ZLinkState = z.enum(['open', 'answered', 'expired', 'closed']);
export const ZRecipient = z.object({
  id: z.string(),
  label: z.string(),
  group: ZRecipientGroup,
  unitId: z.string().nullable(),
  expiresAt: z.string(),
  state: ZLinkState,
});
export const ZSurveySummary = z.object({
  id: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.enum(['draft', 'sent', 'closed']),
  sent: z.number(),
  answered: ZCell,
  responseRate: z.number().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;
export const ZSurvey = ZSurveySummary.extend({
  intro: z.string().nullable(),
  questions: z.array(ZQuestion),
  /** Only inside the board that owns the survey. */
  recipients: z.array(ZRecipient),
});
export type TSurvey = z.infer<typeof ZSurvey>;
export const ZSurveyListQuery = z.object({ boardId: z.uuid({ error: 'Ogiltig nämnd.' }).optional(), year: year.optional() });

export const ZSendRequest = z.strictObject({
  recipients: z
    .array(
      z.strictObject({
        label: text(200, 'Ange mottagaren.'),
        group: ZRecipientGroup,
        unitId: z.uuid({ error: 'Ogiltig enhet.' }).nullable().optional(),
      }),
    )
    .min(1, 'Lägg till minst en mottagare.')
    .max(500, 'Högst 500 mottagare åt gången.'),
  expiresInDays: z.number({ error: 'Ange antal dagar.' }).int('Ange hela dagar.').min(1, 'Minst 1 dag.').max(365, 'Högst 365 dagar.').optional(),
});
export const ZIssuedLink = ZRecipient.extend({ token: z.string(), path: z.string() });
export const ZSendResponse = z.object({ links: z.array(ZIssuedLink) });
export type TIssuedLink = z.infer<typeof ZIssuedLink>;
export const ZRecipientParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }), recipientId: z.uuid({ error: 'Ogiltigt id.' }) });

export const ZQuestionResult = z.object({
  questionId: z.string(),
  kind: ZQuestionKind,
  text: z.string(),
  answered: ZCell,
  counts: z.array(z.object({ label: z.string(), count: ZCell })),
  mean: z.number().nullable(),
  texts: z.array(z.string()),
});
export const ZSurveyResults = z.object({
  surveyId: z.string(),
  title: z.string(),
  boardName: z.string(),
  year: z.number(),
  suppressed: z.boolean(),
  threshold: z.number(),
  legend: z.string(),
  sent: z.number(),
  responses: ZCell,
  responseRate: z.number().nullable(),
  byGroup: z.array(z.object({ group: ZRecipientGroup, count: ZCell, sent: z.number() })),
  questions: z.array(ZQuestionResult),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

// ---- Public answer page ----------------------------------------------------------------------

export const ZTokenParams = z.object({
  token: z.string().min(20, 'Länken är ofullständig.').max(100, 'Länken är ogiltig.').regex(/^[A-Za-z0-9_-]+$/, 'Länken är ogiltig.'),
});
export const ZPublicSurvey = z.object({
  title: z.string(),
  intro: z.string().nullable(),
  boardName: z.string(),
  municipalityName: z.string(),
  questions: z.array(ZQuestion),
  expiresAt: z.string(),
});
export type TPublicSurvey = z.infer<typeof ZPublicSurvey>;
export const ZAnswerRequest = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionId: z.string().max(100),
        value: z.union([z.boolean(), z.number(), z.array(z.number()).max(20), z.string().max(4000, 'Svaret är för långt.'), z.null()]),
      }),
    )
    .max(100),
  confirmNoPersonalData,
});
export const ZAnswerReceipt = z.object({ received: z.literal(true) });

// ---- Annual pictures -------------------------------------------------------------------------

export const ZPictureStatus = z.enum(['draft', 'published']);
export const ZPictureListItem = z.object({
  boardId: z.string(),
  year: z.number(),
  status: ZPictureStatus,
  compiledOn: z.string(),
  publishedAt: z.string().nullable(),
});
export const ZPicture = ZPictureListItem.extend({
  boardName: z.string(),
  body: z.string(),
  updatedAt: z.string(),
  figures: ZBoardCounts,
});
export type TPicture = z.infer<typeof ZPicture>;
export const ZSavePictureRequest = z.strictObject({ body: text(20000, 'Skriv lägesbildens text.'), confirmNoPersonalData });

export const ZCompilation = z.object({
  boardId: z.string(),
  boardName: z.string(),
  year: z.number(),
  figures: ZBoardCounts,
  surveys: z.array(ZSurveySummary),
  notes: z.array(ZSituationNote),
  picture: ZPicture.omit({ figures: true }).nullable(),
  /** A starting text written from the figures, for a picture not yet begun. */
  suggestedBody: z.string(),
});
export type TCompilation = z.infer<typeof ZCompilation>;
