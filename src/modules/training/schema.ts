import { z } from 'zod';
import { COVERAGE_STATUSES } from '../../domain/training/status.js';

export const COURSE_KINDS = ['web_basic', 'advanced', 'lecture'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

const uuid = (message: string) => z.uuid({ error: message });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2019-09-04.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Datumet finns inte.');
const year = z.coerce
  .number({ error: 'Ange ett år.' })
  .int('Ange ett år.')
  .min(2000, 'Året måste vara 2000 eller senare.')
  .max(2100, 'Året måste vara 2100 eller tidigare.');
const courseName = z.string().trim().min(1, 'Ange kursens namn.').max(200, 'Namnet får vara högst 200 tecken.');
const groupName = z.string().trim().min(1, 'Ange gruppens namn.').max(200, 'Namnet får vara högst 200 tecken.');

// ---------------------------------------------------------------- catalogue

export const ZCourse = z.object({ id: z.string(), name: z.string(), kind: z.enum(COURSE_KINDS) });
export type TCourse = z.infer<typeof ZCourse>;

export const ZCreateCourseRequest = z.strictObject({
  name: courseName,
  kind: z.enum(COURSE_KINDS, { error: 'Välj typ av utbildning.' }),
});
export type TCreateCourseRequest = z.infer<typeof ZCreateCourseRequest>;

export const ZUpdateCourseRequest = z.strictObject({
  name: courseName.optional(),
  kind: z.enum(COURSE_KINDS, { error: 'Välj typ av utbildning.' }).optional(),
});
export type TUpdateCourseRequest = z.infer<typeof ZUpdateCourseRequest>;

export const ZCourseParams = z.object({ courseId: uuid('Ogiltig kurs.') });

export const ZTarget = z.object({ courseId: z.string(), year: z.number(), targetPercent: z.number() });
export type TTarget = z.infer<typeof ZTarget>;
export const ZTargetsQuery = z.strictObject({ courseId: uuid('Ogiltig kurs.').optional() });
export const ZTargetParams = z.object({ courseId: uuid('Ogiltig kurs.'), year });
export const ZSetTargetRequest = z.strictObject({
  targetPercent: z
    .number({ error: 'Ange målet i procent.' })
    .int('Ange målet som ett heltal.')
    .min(1, 'Målet måste vara mellan 1 och 100 procent.')
    .max(100, 'Målet måste vara mellan 1 och 100 procent.'),
});

export const ZPriorityGroup = z.object({
  id: z.string(),
  year: z.number(),
  name: z.string(),
  boardIds: z.array(z.string()),
  unitIds: z.array(z.string()),
});
export type TPriorityGroup = z.infer<typeof ZPriorityGroup>;
export const ZPriorityGroupRequest = z.strictObject({
  year,
  name: groupName,
  boardIds: z.array(uuid('Ogiltig nämnd.')).max(100, 'Högst 100 nämnder.').default([]),
  unitIds: z.array(uuid('Ogiltig enhet.')).max(2000, 'Högst 2 000 enheter.').default([]),
});
export type TPriorityGroupRequest = z.infer<typeof ZPriorityGroupRequest>;
export const ZUpdatePriorityGroupRequest = z.strictObject({
  year: year.optional(),
  name: groupName.optional(),
  boardIds: z.array(uuid('Ogiltig nämnd.')).max(100, 'Högst 100 nämnder.').optional(),
  unitIds: z.array(uuid('Ogiltig enhet.')).max(2000, 'Högst 2 000 enheter.').optional(),
});
export type TUpdatePriorityGroupRequest = z.infer<typeof ZUpdatePriorityGroupRequest>;
export const ZGroupParams = z.object({ groupId: uuid('Ogiltig grupp.') });
export const ZGroupsQuery = z.strictObject({ year: year.optional() });

// ---------------------------------------------------------------- imports

export const ZImportQuery = z.strictObject({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun ska vara 1 eller 0.' }).optional(),
  /** Headcounts only: the date for rows (or files) without one. */
  asOf: isoDate.optional(),
});

const ZLineMessage = z.object({ line: z.number(), message: z.string() });

export const ZUnmatchedName = z.object({
  kind: z.enum(['board', 'unit']),
  name: z.string(),
  /** For a unit: the board it was looked for in. */
  boardId: z.string().nullable(),
  /** Send the chosen board or unit id as `mapping[key]`. */
  key: z.string(),
  ambiguous: z.boolean(),
  /** Without a choice: the rows are refused (error), the unit is created (create), or the rows count for the board alone (board). */
  fallback: z.enum(['error', 'create', 'board']),
  lines: z.array(z.number()),
});

/** The analysis of an import file (`?dryRun=1`), and the result of the import itself. */
export const ZImportResult = z.object({
  kind: z.enum(['headcounts', 'participants']),
  dryRun: z.boolean(),
  imported: z.boolean(),
  importId: z.string().nullable(),
  courseId: z.string().nullable(),
  /** Non-empty rows in the file, header excluded. */
  rowCount: z.number(),
  /** Rows that will be (or were) stored. */
  toAdd: z.number(),
  /** Participants: of those, people marked as started (påbörjad, pågående), not completed. */
  started: z.number().optional(),
  /** Headcounts: rows that replace a count already stored for the same unit and date. Participants: people already registered for the course (an earlier date wins). */
  alreadyStored: z.number(),
  duplicatesMerged: z.number(),
  duplicates: z.array(z.object({ line: z.number(), keptLine: z.number() })),
  unmatched: z.array(ZUnmatchedName),
  unitsToCreate: z.array(z.object({ boardId: z.string(), name: z.string(), lines: z.array(z.number()) })),
  byBoard: z.array(z.object({ boardId: z.string(), rows: z.number() })),
  errorCount: z.number(),
  /** Refused rows by line (the first 1,000). Line 0 concerns the whole file. */
  errors: z.array(ZLineMessage),
  skipped: z.array(ZLineMessage),
  ignoredColumns: z.array(z.string()),
});
export type TImportResult = z.infer<typeof ZImportResult>;

// ---------------------------------------------------------------- coverage

export const ZCoverageQuery = z.strictObject({
  courseId: uuid('Ogiltig kurs.').optional(),
  asOf: isoDate.optional(),
});

export const ZCoverageRow = z.object({
  boardId: z.string(),
  employees: z.number(),
  completed: z.number(),
  /** completed / employees in percent with one decimal; null without a headcount. */
  percent: z.number().nullable(),
  /** People who have started but not completed the course (not part of the coverage figure). */
  started: z.number(),
});
export type TCoverageRow = z.infer<typeof ZCoverageRow>;

export { COVERAGE_STATUSES, type CoverageStatus } from '../../domain/training/status.js';

const ZFigure = z.object({ employees: z.number(), completed: z.number(), percent: z.number().nullable() });

export const ZTargetInfo = z.object({
  percent: z.number(),
  /** The year the target was set for (the latest on or before the as-of year); null = the default (all staff). */
  year: z.number().nullable(),
});

export const ZTrendPoint = ZFigure.extend({ date: z.string() });
export const ZForecast = z.object({
  /** When the target is (or was) reached at the current pace; null when it cannot be said. */
  date: z.string().nullable(),
  reached: z.boolean(),
  /** Percentage points per year over the last twelve months. */
  pacePerYear: z.number().nullable(),
});

export const ZBoardCoverage = ZFigure.extend({
  boardId: z.string(),
  name: z.string(),
  kind: z.enum(['city_board', 'district_board', 'specialist_board']),
  status: z.enum(COVERAGE_STATUSES),
  headcountAsOf: z.string().nullable(),
  /** People who have started but not completed the course (not part of the coverage figure). */
  started: z.number(),
});

export const ZUnitCoverage = ZFigure.extend({
  boardId: z.string(),
  /** null: completions registered on the board without a unit. */
  unitId: z.string().nullable(),
  name: z.string(),
  parentId: z.string().nullable(),
  status: z.enum(COVERAGE_STATUSES),
  headcountAsOf: z.string().nullable(),
});
export type TUnitCoverage = z.infer<typeof ZUnitCoverage>;

export const ZLaggingUnit = ZFigure.extend({
  boardId: z.string(),
  boardName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** Completions still needed to reach the target. */
  missing: z.number(),
});

export const ZGroupCoverage = ZFigure.extend({ id: z.string(), year: z.number(), name: z.string() });

export const ZOverviewQuery = ZCoverageQuery.extend({
  below: z.coerce.number({ error: 'Ange en gräns i procent.' }).min(0).max(100).optional(),
});

export const ZOverview = z.object({
  course: ZCourse,
  asOf: z.string(),
  target: ZTargetInfo,
  total: ZFigure.extend({ started: z.number() }),
  boards: z.array(ZBoardCoverage),
  laggingBelow: z.number(),
  lagging: z.array(ZLaggingUnit),
  groups: z.array(ZGroupCoverage),
  trend: z.array(ZTrendPoint),
  forecast: ZForecast,
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZBoardParams = z.object({ boardId: uuid('Ogiltig nämnd.') });

export const ZBoardDetail = z.object({
  board: z.object({ id: z.string(), name: z.string() }),
  course: ZCourse,
  asOf: z.string(),
  target: ZTargetInfo,
  total: ZFigure.extend({ status: z.enum(COVERAGE_STATUSES), headcountAsOf: z.string().nullable() }),
  units: z.array(ZUnitCoverage),
  trend: z.array(ZTrendPoint),
  forecast: ZForecast,
  headcounts: z.array(z.object({ asOf: z.string(), employees: z.number(), units: z.number() })),
});
export type TBoardDetail = z.infer<typeof ZBoardDetail>;

export const ZTrendSvgQuery = ZCoverageQuery.extend({ boardId: uuid('Ogiltig nämnd.').optional(), lang: z.enum(['sv', 'en']).optional() });

/** The optional `mapping` field of an import: name key → the chosen board or unit id. */
export const ZImportMapping = z.record(z.string().max(1000, 'För lång nyckel.'), z.uuid({ error: 'Välj en nämnd eller enhet i listan.' }));

export const ZHeadcountsQuery = z.strictObject({ boardId: uuid('Ogiltig nämnd.').optional() });
export const ZHeadcount = z.object({ boardId: z.string(), unitId: z.string().nullable(), employees: z.number(), asOf: z.string() });
