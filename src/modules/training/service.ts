import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { inScope, scopeOf, type Actor, type BoardScope } from '../../domain/policy/index.js';
import { analyseHeadcountImport, analyseParticipantImport, type AnalysisBase, type ImportScope } from '../../domain/training/analyse.js';
import {
  coverageAsOf,
  startedAsOf,
  forecast as forecastDate,
  groupCoverage,
  laggingUnits,
  pacePerDay,
  percentOf,
  trend,
  type Completion,
  type Coverage,
  type CoverageFigure,
  type Headcount,
} from '../../domain/training/coverage.js';
import { daysBetween } from '../../domain/training/dates.js';
import type { RowError } from '../../domain/training/parse-headcounts.js';
import { AppError, conflict, forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { createUnitIn } from '../orgs/service.js';
import { presentCourse, presentGroup, presentTarget } from './presenters.js';
import * as repo from './repo.js';
import type {
  CoverageStatus,
  TBoardDetail,
  TCoverageRow,
  TCreateCourseRequest,
  TImportResult,
  TOverview,
  TPriorityGroupRequest,
  TUnitCoverage,
  TUpdateCourseRequest,
  TUpdatePriorityGroupRequest,
} from './schema.js';

type ActorIn = AuditActor & { municipalityId: string };

/** The 2019 management decision: all staff shall complete the basic training. */
export const DEFAULT_TARGET = 100;
/** Units under this share are "lagging" (the coordinator's Monday question: who is under 20 %?). */
export const DEFAULT_LAGGING_BELOW = 20;
const MAX_LINES_REPORTED = 1000;
const PEPPER_KEY = 'training.employee_key_pepper';

/** Today in Sweden, 'YYYY-MM-DD'. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// ---------------------------------------------------------------- scope

/**
 * Boards whose coverage the actor may read, by the one board-scope rule (src/domain/policy/scope.ts):
 * municipality-wide grants and viewers of the city board (Kommunstyrelsen) see the whole
 * municipality; every other grant its own board.
 */
export function readScope(actor: Actor): BoardScope {
  return scopeOf(actor, 'training.coverage.read');
}

/** Boards the actor may import rows for: every board for the system (demo seed), else the boards the importer's grants reach. */
export function importScope(actor: ActorIn): ImportScope {
  if (!('userId' in actor)) return 'all';
  return scopeOf(actor, 'training.participants.import');
}

// ---------------------------------------------------------------- courses

async function getCourse(db: Database, municipalityId: string, courseId: string) {
  const course = await repo.findCourse(db, courseId);
  if (!course || course.municipality_id !== municipalityId) throw notFound('Kursen');
  return course;
}

export async function listCourses(opts: { db: Database; actor: Actor }) {
  return (await repo.listCourses(opts.db, opts.actor.municipalityId)).map(presentCourse);
}

export async function createCourse(opts: { db: Database; actor: ActorIn; input: TCreateCourseRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    if (await repo.findCourseByName(trx, opts.actor.municipalityId, opts.input.name)) {
      throw conflict(`Det finns redan en kurs som heter ${opts.input.name}.`, 'duplicate');
    }
    const course = await repo.insertCourse(trx, { municipality_id: opts.actor.municipalityId, name: opts.input.name, kind: opts.input.kind });
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.create',
      entity: 'training_course',
      entityId: course.id,
      summary: { name: course.name, kind: course.kind },
    });
    return presentCourse(course);
  });
}

export async function updateCourse(opts: { db: Database; actor: Actor; courseId: string; input: TUpdateCourseRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    if (opts.input.name && opts.input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findCourseByName(trx, opts.actor.municipalityId, opts.input.name)) {
        throw conflict(`Det finns redan en kurs som heter ${opts.input.name}.`, 'duplicate');
      }
    }
    const course = await repo.updateCourse(trx, before.id, opts.input);
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.update',
      entity: 'training_course',
      entityId: course.id,
      summary: { from: { name: before.name, kind: before.kind }, to: { name: course.name, kind: course.kind } },
    });
    return presentCourse(course);
  });
}

export async function deleteCourse(opts: { db: Database; actor: Actor; courseId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const n = await repo.countCompletions(trx, course.id);
    if (n > 0) {
      throw conflict(
        `Kursen har ${n.toLocaleString('sv-SE')} registrerade genomföranden och kan inte tas bort. Byt namn på den i stället om den har ersatts.`,
        'in_use',
      );
    }
    await repo.deleteCourse(trx, course.id);
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.delete',
      entity: 'training_course',
      entityId: course.id,
      summary: { name: course.name, kind: course.kind },
    });
  });
}

// ---------------------------------------------------------------- targets

export async function listTargets(opts: { db: Database; actor: Actor; courseId?: string }) {
  return (await repo.listTargets(opts.db, opts.actor.municipalityId, opts.courseId)).map(presentTarget);
}

export async function setTarget(opts: { db: Database; actor: ActorIn; courseId: string; year: number; targetPercent: number }) {
  return opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const before = await repo.findTarget(trx, course.id, opts.year);
    const target = await repo.upsertTarget(trx, { course_id: course.id, year: opts.year, target_percent: opts.targetPercent });
    await recordAudit(trx, opts.actor, {
      action: 'training.targets.set',
      entity: 'training_target',
      entityId: `${course.id}/${opts.year}`,
      summary: { course: course.name, year: opts.year, from: before?.target_percent ?? null, to: target.target_percent },
    });
    return presentTarget(target);
  });
}

export async function deleteTarget(opts: { db: Database; actor: Actor; courseId: string; year: number }) {
  await opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const before = await repo.findTarget(trx, course.id, opts.year);
    if (!before) throw notFound('Målet');
    await repo.deleteTarget(trx, course.id, opts.year);
    await recordAudit(trx, opts.actor, {
      action: 'training.targets.delete',
      entity: 'training_target',
      entityId: `${course.id}/${opts.year}`,
      summary: { course: course.name, year: opts.year, targetPercent: before.target_percent },
    });
  });
}

/** The target that applies in a year: the latest set on or before it, else all staff. */
async function targetOf(db: Database, courseId: string, year: number) {
  const t = await repo.targetFor(db, courseId, year);
  return t ? { percent: t.target_percent, year: t.year } : { percent: DEFAULT_TARGET, year: null };
}

// ---------------------------------------------------------------- priority groups

export async function listGroups(opts: { db: Database; actor: Actor; year?: number }) {
  return (await repo.listGroups(opts.db, opts.actor.municipalityId, opts.year)).map(presentGroup);
}

async function checkMembers(db: Database, municipalityId: string, boardIds: string[], unitIds: string[]) {
  const fields: FieldError[] = [];
  if (boardIds.length) {
    const found = await db.selectFrom('board').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', boardIds).execute();
    if (found.length !== new Set(boardIds).size) fields.push({ field: 'boardIds', message: 'En vald nämnd finns inte.' });
  }
  if (unitIds.length) {
    const found = await db
      .selectFrom('unit')
      .innerJoin('board', 'board.id', 'unit.board_id')
      .select('unit.id')
      .where('board.municipality_id', '=', municipalityId)
      .where('unit.id', 'in', unitIds)
      .execute();
    if (found.length !== new Set(unitIds).size) fields.push({ field: 'unitIds', message: 'En vald enhet finns inte.' });
  }
  if (!boardIds.length && !unitIds.length) fields.push({ field: 'unitIds', message: 'Välj minst en nämnd eller enhet som ingår i gruppen.' });
  if (fields.length) throw unprocessable('invalid_members', 'Gruppens nämnder och enheter behöver rättas.', fields);
}

export async function createGroup(opts: { db: Database; actor: ActorIn; input: TPriorityGroupRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const boardIds = [...new Set(opts.input.boardIds)];
    const unitIds = [...new Set(opts.input.unitIds)];
    await checkMembers(trx, opts.actor.municipalityId, boardIds, unitIds);
    const g = await repo.insertGroup(trx, { municipality_id: opts.actor.municipalityId, year: opts.input.year, name: opts.input.name });
    await repo.replaceGroupMembers(trx, g.id, boardIds, unitIds);
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.create',
      entity: 'training_priority_group',
      entityId: g.id,
      summary: { year: g.year, name: g.name, boards: boardIds.length, units: unitIds.length },
    });
    return presentGroup({ ...g, boardIds, unitIds });
  });
}

export async function updateGroup(opts: { db: Database; actor: Actor; groupId: string; input: TUpdatePriorityGroupRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await repo.findGroup(trx, opts.groupId);
    if (!before || before.municipality_id !== opts.actor.municipalityId) throw notFound('Gruppen');
    const current = (await repo.listGroups(trx, opts.actor.municipalityId)).find((g) => g.id === before.id)!;
    const boardIds = opts.input.boardIds ? [...new Set(opts.input.boardIds)] : current.boardIds;
    const unitIds = opts.input.unitIds ? [...new Set(opts.input.unitIds)] : current.unitIds;
    if (opts.input.boardIds || opts.input.unitIds) {
      await checkMembers(trx, opts.actor.municipalityId, boardIds, unitIds);
      await repo.replaceGroupMembers(trx, before.id, boardIds, unitIds);
    }
    await repo.updateGroup(trx, before.id, { year: opts.input.year, name: opts.input.name });
    const after = (await repo.findGroup(trx, before.id))!;
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.update',
      entity: 'training_priority_group',
      entityId: before.id,
      summary: {
        from: { year: before.year, name: before.name, boards: current.boardIds.length, units: current.unitIds.length },
        to: { year: after.year, name: after.name, boards: boardIds.length, units: unitIds.length },
      },
    });
    return presentGroup({ ...after, boardIds, unitIds });
  });
}

export async function deleteGroup(opts: { db: Database; actor: Actor; groupId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const g = await repo.findGroup(trx, opts.groupId);
    if (!g || g.municipality_id !== opts.actor.municipalityId) throw notFound('Gruppen');
    await repo.deleteGroup(trx, g.id);
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.delete',
      entity: 'training_priority_group',
      entityId: g.id,
      summary: { year: g.year, name: g.name },
    });
  });
}

// ---------------------------------------------------------------- imports

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

interface ImportOptions {
  db: Database;
  actor: ActorIn;
  file: UploadedFile;
  /** The user's choices for names that could not be matched: name key → board id or unit id. */
  mapping?: Record<string, string>;
  dryRun: boolean;
}

async function orgRegister(db: Database, municipalityId: string) {
  const boards = await repo.boardsOf(db, municipalityId);
  const units = await repo.unitsOf(db, municipalityId);
  return {
    boards: boards.map((b) => ({ id: b.id, name: b.name, code: b.code })),
    units: units.map((u) => ({ id: u.id, boardId: u.board_id, name: u.name, code: u.code })),
    raw: { boards, units },
  };
}

/**
 * The per-installation secret mixed into the hashes of e-mail addresses and personnummer, created
 * on the first import that needs it. A dry run never writes: it uses a throwaway secret (no hashed
 * key can be stored before the secret exists).
 */
async function pepperFor(trx: Database, actor: ActorIn, create: boolean): Promise<string> {
  const found = await repo.findSetting(trx, actor.municipalityId, PEPPER_KEY);
  if (found) return found.value;
  const value = randomBytes(32).toString('hex');
  if (!create) return value;
  if (await repo.insertSettingIfAbsent(trx, actor.municipalityId, PEPPER_KEY, value)) {
    await recordAudit(trx, actor, { action: 'training.key_secret.create', entity: 'setting', entityId: PEPPER_KEY, summary: { key: PEPPER_KEY } });
    return value;
  }
  return (await repo.findSetting(trx, actor.municipalityId, PEPPER_KEY))!.value;
}

function countByBoard(rows: { boardId: string }[]) {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.boardId, (m.get(r.boardId) ?? 0) + 1);
  return [...m.entries()].map(([boardId, n]) => ({ boardId, rows: n }));
}

function baseResult(kind: 'headcounts' | 'participants', a: AnalysisBase, dryRun: boolean) {
  return {
    kind,
    dryRun,
    imported: false,
    importId: null,
    courseId: null,
    rowCount: a.rowCount,
    errorCount: a.errors.length,
    errors: a.errors.slice(0, MAX_LINES_REPORTED),
    skipped: a.skipped.slice(0, MAX_LINES_REPORTED),
    unmatched: a.unmatched.map((u) => ({ ...u, boardId: u.boardId ?? null, lines: u.lines.slice(0, MAX_LINES_REPORTED) })),
    ignoredColumns: a.ignoredColumns,
  };
}

const lineField = (e: RowError) => (e.line > 0 ? `rad ${e.line}` : 'file');

/** A refused import: 422 with each bad line (the first 1,000) in `fields`. */
function refused(a: AnalysisBase): AppError {
  if (a.fileError) {
    const e = a.errors[0];
    return unprocessable('invalid_file', e.line > 0 ? `Filen kunde inte läsas. Rad ${e.line}: ${e.message}` : `Filen kunde inte läsas. ${e.message}`, [
      { field: lineField(e), message: e.message },
    ]);
  }
  const n = a.errors.length;
  return unprocessable(
    'invalid_rows',
    `${n === 1 ? 'En rad' : `${n.toLocaleString('sv-SE')} rader`} i filen har fel. Inget har importerats. Rätta ${n === 1 ? 'raden' : 'raderna'} och försök igen.`,
    a.errors.slice(0, MAX_LINES_REPORTED).map((e) => ({ field: lineField(e), message: `Rad ${e.line}: ${e.message}` })),
  );
}

const nothingToImport = () =>
  unprocessable('empty_import', 'Filen innehåller inga rader att importera.', [{ field: 'file', message: 'Filen innehåller inga rader att importera.' }]);

/** One audit entry's board: the board when the import concerns exactly one. */
const singleBoard = (byBoard: { boardId: string }[]) => (byBoard.length === 1 ? byBoard[0].boardId : null);

export async function importHeadcounts(opts: ImportOptions & { asOf?: string }): Promise<TImportResult> {
  return opts.db.transaction().execute(async (trx) => {
    const org = await orgRegister(trx, opts.actor.municipalityId);
    const scope = importScope(opts.actor);
    const a = await analyseHeadcountImport(opts.file.bytes, opts.file.filename, { ...org, mapping: opts.mapping }, scope, { asOf: opts.asOf });
    const boardIds = [...new Set(a.add.map((r) => r.boardId))];
    const existing = new Set((await repo.existingHeadcountKeys(trx, boardIds)).map((e) => `${e.board_id}|${e.unit_id}|${e.as_of}`));
    const alreadyStored = a.add.filter((r) => r.newUnit === null && existing.has(`${r.boardId}|${r.unitId}|${r.asOf}`)).length;
    const byBoard = countByBoard(a.add);
    const result: TImportResult = {
      ...baseResult('headcounts', a, opts.dryRun),
      toAdd: a.add.length,
      alreadyStored,
      duplicatesMerged: 0,
      duplicates: [],
      unitsToCreate: a.unitsToCreate.map((u) => ({ boardId: u.boardId, name: u.name, lines: u.lines.slice(0, MAX_LINES_REPORTED) })),
      byBoard,
    };
    if (opts.dryRun) return result;
    if (a.errors.length) throw refused(a);
    if (!a.add.length) throw nothingToImport();

    // HR is the source of truth for units: new names become units, under the board's
    // administration when it has exactly one (the usual förvaltning), else at the top.
    const created = new Map<string, string>();
    for (const u of a.unitsToCreate) {
      const roots = org.raw.units.filter((x) => x.board_id === u.boardId && x.parent_id === null);
      const parentId = roots.length === 1 && roots[0].kind === 'administration' ? roots[0].id : null;
      const unit = await createUnitIn({ trx, actor: opts.actor, boardId: u.boardId, input: { name: u.name, kind: 'unit', parentId, code: u.code } });
      created.set(u.key, unit.id);
    }
    const imp = await repo.insertImport(trx, {
      municipality_id: opts.actor.municipalityId,
      kind: 'headcounts',
      course_id: null,
      actor_id: 'userId' in opts.actor ? opts.actor.userId : null,
      row_count: a.rowCount,
      added: a.add.length,
      merged: 0,
    });
    await repo.upsertHeadcounts(
      trx,
      a.add.map((r) => ({
        board_id: r.boardId,
        unit_id: r.unitId ?? (r.newUnit ? created.get(r.newUnit)! : null),
        employees: r.employees,
        as_of: r.asOf,
        import_id: imp.id,
      })),
    );
    await recordAudit(trx, opts.actor, {
      action: 'training.headcounts.import',
      entity: 'training_import',
      entityId: imp.id,
      boardId: singleBoard(byBoard),
      summary: {
        rows: a.add.length,
        replaced: alreadyStored,
        unitsCreated: a.unitsToCreate.map((u) => u.name),
        dates: [...new Set(a.add.map((r) => r.asOf))].sort(),
        byBoard,
      },
    });
    return { ...result, imported: true, importId: imp.id };
  });
}

export async function importParticipants(opts: ImportOptions & { courseId: string }): Promise<TImportResult> {
  return opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const pepper = await pepperFor(trx, opts.actor, !opts.dryRun);
    const org = await orgRegister(trx, opts.actor.municipalityId);
    const scope = importScope(opts.actor);
    const a = await analyseParticipantImport(opts.file.bytes, opts.file.filename, { ...org, mapping: opts.mapping }, scope, {
      courseName: course.name,
      pepper,
      today: todayIso(),
    });
    const known = await repo.existingCompletionKeys(trx, course.id);
    const alreadyStored = a.add.filter((r) => known.has(r.employeeKey)).length;
    const byBoard = countByBoard(a.add);
    const result: TImportResult = {
      ...baseResult('participants', a, opts.dryRun),
      courseId: course.id,
      toAdd: a.add.length - alreadyStored,
      started: a.add.filter((r) => r.started).length,
      alreadyStored,
      duplicatesMerged: a.merged,
      duplicates: a.duplicates.slice(0, MAX_LINES_REPORTED),
      unitsToCreate: [],
      byBoard,
    };
    if (opts.dryRun) return result;
    if (a.errors.length) throw refused(a);
    if (!a.add.length) throw nothingToImport();

    const imp = await repo.insertImport(trx, {
      municipality_id: opts.actor.municipalityId,
      kind: 'participants',
      course_id: course.id,
      actor_id: 'userId' in opts.actor ? opts.actor.userId : null,
      row_count: a.rowCount,
      added: result.toAdd,
      merged: a.merged,
    });
    await repo.upsertCompletions(
      trx,
      course.id,
      imp.id,
      a.add.map((r) => ({ board_id: r.boardId, unit_id: r.unitId, employee_key: r.employeeKey, completed_on: r.completedOn, status: r.started ? ('started' as const) : ('completed' as const) })),
      scope,
    );
    await recordAudit(trx, opts.actor, {
      action: 'training.participants.import',
      entity: 'training_import',
      entityId: imp.id,
      boardId: singleBoard(byBoard),
      summary: { course: course.name, rows: a.rowCount, added: result.toAdd, alreadyStored, merged: a.merged, byBoard },
    });
    return { ...result, imported: true, importId: imp.id };
  });
}

// ---------------------------------------------------------------- coverage

interface CoverageContext {
  course: { id: string; name: string; kind: 'web_basic' | 'advanced' | 'lecture' };
  scope: 'all' | string[];
  boards: { id: string; name: string; kind: 'city_board' | 'district_board' | 'specialist_board'; code: string | null }[];
  units: { id: string; board_id: string; parent_id: string | null; name: string }[];
  headcounts: Headcount[];
  /** Completions only: every coverage figure counts these. */
  completions: Completion[];
  /** Rows that say the course is started, not completed (shown apart). */
  started: Completion[];
}

/** The course asked for, or the web-based basic training (the first course when there is none). */
async function courseFor(db: Database, municipalityId: string, courseId?: string) {
  if (courseId) return getCourse(db, municipalityId, courseId);
  const courses = await repo.listCourses(db, municipalityId);
  const course = courses.find((c) => c.kind === 'web_basic') ?? courses[0];
  if (!course) throw notFound('Kursen');
  return course;
}

async function loadCoverage(db: Database, actor: Actor, courseId?: string, onlyBoard?: string): Promise<CoverageContext> {
  const course = await courseFor(db, actor.municipalityId, courseId);
  const readable = readScope(actor);
  if (onlyBoard && !inScope(readable, onlyBoard)) throw forbidden();
  const scope = onlyBoard ? [onlyBoard] : readable;
  const boards = (await repo.boardsOf(db, actor.municipalityId)).filter((b) => inScope(scope, b.id));
  const units = (await repo.unitsOf(db, actor.municipalityId)).filter((u) => inScope(scope, u.board_id));
  const headcounts = (await repo.headcountsOf(db, scope, actor.municipalityId)).map((h) => ({
    boardId: h.board_id,
    unitId: h.unit_id,
    employees: h.employees,
    asOf: h.as_of,
  }));
  const rows = await repo.completionsOf(db, course.id, scope);
  const asCompletion = (c: (typeof rows)[number]) => ({ boardId: c.board_id, unitId: c.unit_id, employeeKey: c.employee_key, completedOn: c.completed_on });
  const completions = rows.filter((c) => c.status !== 'started').map(asCompletion);
  const started = rows.filter((c) => c.status === 'started').map(asCompletion);
  return { course, scope, boards, units, headcounts, completions, started };
}

function statusOf(percent: number | null, target: number, below: number): CoverageStatus {
  if (percent === null) return 'no_data';
  if (percent >= target) return 'reached';
  if (percent < below) return 'lagging';
  return 'below';
}

/** GET /api/training/coverage: one row per board the actor may see (API.md). */
export async function coverageByBoard(opts: { db: Database; actor: Actor; courseId?: string; asOf?: string }): Promise<TCoverageRow[]> {
  const ctx = await loadCoverage(opts.db, opts.actor, opts.courseId);
  const asOf = opts.asOf ?? todayIso();
  const c = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const started = startedAsOf(ctx.started, asOf).boards;
  const byBoard = new Map(c.boards.map((b) => [b.boardId, b]));
  return ctx.boards.map((b) => {
    const f = byBoard.get(b.id);
    return { boardId: b.id, employees: f?.employees ?? 0, completed: f?.completed ?? 0, percent: f?.percent ?? null, started: started.get(b.id) ?? 0 };
  });
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** Quarter ends from the first data to asOf (year ends when that spans more than ten years), and asOf itself. */
export function trendDates(first: string | null, asOf: string): string[] {
  if (!first || first > asOf) return [asOf];
  const from = Number(first.slice(0, 4));
  const to = Number(asOf.slice(0, 4));
  const ends = to - from > 10 ? ['12-31'] : QUARTER_ENDS;
  const dates: string[] = [];
  for (let y = Math.max(from, to - 30); y <= to; y++) {
    for (const md of ends) {
      const d = `${y}-${md}`;
      if (d >= first && d < asOf) dates.push(d);
    }
  }
  dates.push(asOf);
  return dates;
}

function trendOf(ctx: Pick<CoverageContext, 'headcounts' | 'completions'>, asOf: string) {
  const firsts = [...ctx.headcounts.map((h) => h.asOf), ...ctx.completions.map((c) => c.completedOn)].filter((d) => d <= asOf);
  const first = firsts.length ? firsts.reduce((a, b) => (a < b ? a : b)) : null;
  return trend({ headcounts: ctx.headcounts, completions: ctx.completions }, trendDates(first, asOf)).map((c) => ({
    date: c.asOf,
    ...c.total,
  }));
}

function trendForBoard(ctx: Pick<CoverageContext, 'headcounts' | 'completions'>, asOf: string, boardId: string) {
  const data = { headcounts: ctx.headcounts.filter((h) => h.boardId === boardId), completions: ctx.completions.filter((c) => c.boardId === boardId) };
  return trendOf(data, asOf);
}

/** When the target is reached at the pace of the last twelve months. */
function forecastOf(points: { date: string; percent: number | null }[], target: number, asOf: string) {
  const known = points.filter((p): p is { date: string; percent: number } => p.percent !== null);
  const last = known[known.length - 1];
  if (!last) return { date: null, reached: false, pacePerYear: null };
  if (last.percent >= target) return { date: forecastDate({ points: known, target }), reached: true, pacePerYear: null };
  let recent = known.filter((p) => daysBetween(p.date, asOf) <= 366);
  if (recent.length < 2) recent = known.slice(-2);
  const pace = pacePerDay(recent);
  return {
    date: forecastDate({ points: recent, target }),
    reached: false,
    pacePerYear: pace === null ? null : Math.round(pace * 365.25 * 10) / 10,
  };
}

/** Unit ids of each unit and everything under it. */
function subtrees(units: { id: string; parent_id: string | null }[]) {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  return (id: string): string[] => {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const x = stack.pop()!;
      out.push(x);
      stack.push(...(children.get(x) ?? []));
    }
    return out;
  };
}

async function groupsProgress(db: Database, actor: Actor, ctx: CoverageContext, asOf: string) {
  const year = Number(asOf.slice(0, 4));
  const groups = (await repo.listGroups(db, actor.municipalityId)).filter((g) => g.year <= year);
  if (!groups.length) return [];
  // Units of the whole municipality: a group may name a department whose units are in scope.
  const all = await repo.unitsOf(db, actor.municipalityId);
  const below = subtrees(all);
  const figures = groupCoverage({
    headcounts: ctx.headcounts,
    completions: ctx.completions,
    asOf,
    groups: groups.map((g) => ({ id: g.id, boardIds: g.boardIds, unitIds: [...new Set(g.unitIds.flatMap(below))] })),
  });
  return groups.map((g, i) => ({ id: g.id, year: g.year, name: g.name, employees: figures[i].employees, completed: figures[i].completed, percent: figures[i].percent }));
}

function laggingOf(coverage: Coverage, ctx: CoverageContext, target: number, below: number, limit = 20) {
  const boardName = new Map(ctx.boards.map((b) => [b.id, b.name]));
  const unitName = new Map(ctx.units.map((u) => [u.id, u.name]));
  return laggingUnits(coverage, coverage.units.length, { target })
    .filter((u) => u.percent !== null && u.percent < below)
    .slice(0, limit)
    .map((u) => ({
      boardId: u.boardId,
      boardName: boardName.get(u.boardId) ?? '',
      unitId: u.unitId,
      unitName: unitName.get(u.unitId) ?? '',
      employees: u.employees,
      completed: u.completed,
      percent: u.percent,
      missing: u.missing,
    }));
}

export async function overview(opts: { db: Database; actor: Actor; courseId?: string; asOf?: string; below?: number }): Promise<TOverview> {
  const asOf = opts.asOf ?? todayIso();
  const below = opts.below ?? DEFAULT_LAGGING_BELOW;
  const ctx = await loadCoverage(opts.db, opts.actor, opts.courseId);
  const target = await targetOf(opts.db, ctx.course.id, Number(asOf.slice(0, 4)));
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const started = startedAsOf(ctx.started, asOf);
  const byBoard = new Map(coverage.boards.map((b) => [b.boardId, b]));
  const trendPoints = trendOf(ctx, asOf);
  return {
    course: presentCourse(ctx.course),
    asOf,
    target,
    total: { ...coverage.total, started: started.total },
    boards: ctx.boards.map((b) => {
      const f = byBoard.get(b.id);
      const percent = f?.percent ?? null;
      return {
        boardId: b.id,
        name: b.name,
        kind: b.kind,
        employees: f?.employees ?? 0,
        completed: f?.completed ?? 0,
        percent,
        status: statusOf(percent, target.percent, below),
        headcountAsOf: f?.headcountAsOf ?? null,
        started: started.boards.get(b.id) ?? 0,
      };
    }),
    laggingBelow: below,
    lagging: laggingOf(coverage, ctx, target.percent, below),
    groups: await groupsProgress(opts.db, opts.actor, ctx, asOf),
    trend: trendPoints,
    forecast: forecastOf(trendPoints, target.percent, asOf),
  };
}

/**
 * Figures for every unit of the register: a unit with its own headcount has its own figures; a
 * unit without one (a department, the administration) gets the sum of the units under it, and
 * the distinct people who completed anywhere under it.
 */
function rollUp(coverage: Coverage, ctx: CoverageContext, asOf: string) {
  const own = new Map(coverage.units.map((u) => [u.unitId, u]));
  const children = new Map<string, string[]>();
  for (const u of ctx.units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const keysByUnit = new Map<string, Set<string>>();
  for (const c of ctx.completions) {
    if (c.unitId === null || c.completedOn > asOf) continue;
    if (!keysByUnit.has(c.unitId)) keysByUnit.set(c.unitId, new Set());
    keysByUnit.get(c.unitId)!.add(c.employeeKey);
  }
  const memo = new Map<string, { employees: number; keys: Set<string>; headcountAsOf: string | null }>();
  const figure = (id: string, seen = new Set<string>()): { employees: number; keys: Set<string>; headcountAsOf: string | null } => {
    const cached = memo.get(id);
    if (cached) return cached;
    seen.add(id);
    const kids = (children.get(id) ?? []).filter((k) => !seen.has(k)).map((k) => figure(k, seen));
    const keys = new Set(keysByUnit.get(id) ?? []);
    for (const k of kids) for (const key of k.keys) keys.add(key);
    const o = own.get(id);
    const result =
      o && o.headcountAsOf !== null
        ? { employees: o.employees, keys, headcountAsOf: o.headcountAsOf }
        : {
            employees: kids.reduce((s, k) => s + k.employees, 0),
            keys,
            headcountAsOf: kids.reduce<string | null>((d, k) => (k.headcountAsOf !== null && (d === null || k.headcountAsOf > d) ? k.headcountAsOf : d), null),
          };
    memo.set(id, result);
    return result;
  };
  return ctx.units.map((u) => {
    const f = figure(u.id);
    return {
      unitId: u.id as string | null,
      name: u.name,
      parentId: u.parent_id,
      employees: f.employees,
      completed: f.keys.size,
      percent: percentOf(f.keys.size, f.employees),
      headcountAsOf: f.headcountAsOf,
    };
  });
}

export async function boardDetail(opts: { db: Database; actor: Actor; boardId: string; courseId?: string; asOf?: string; below?: number }): Promise<TBoardDetail> {
  const asOf = opts.asOf ?? todayIso();
  const below = opts.below ?? DEFAULT_LAGGING_BELOW;
  const board = await opts.db.selectFrom('board').select(['id', 'name', 'municipality_id']).where('id', '=', opts.boardId).executeTakeFirst();
  if (!board || board.municipality_id !== opts.actor.municipalityId) throw notFound('Nämnden');
  const ctx = await loadCoverage(opts.db, opts.actor, opts.courseId, board.id);
  const target = await targetOf(opts.db, ctx.course.id, Number(asOf.slice(0, 4)));
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const total = coverage.boards.find((b) => b.boardId === board.id);
  const units: TUnitCoverage[] = rollUp(coverage, ctx, asOf).map((f) => ({
    boardId: board.id,
    ...f,
    status: statusOf(f.percent, target.percent, below),
  }));
  // People registered on the board without a unit.
  const withoutUnit = new Set(ctx.completions.filter((c) => c.unitId === null && c.completedOn <= asOf).map((c) => c.employeeKey)).size;
  if (withoutUnit > 0) {
    units.push({ boardId: board.id, unitId: null, name: '', parentId: null, employees: 0, completed: withoutUnit, percent: null, status: 'no_data', headcountAsOf: null });
  }
  const history = new Map<string, { employees: number; units: number }>();
  for (const h of ctx.headcounts) {
    const e = history.get(h.asOf) ?? { employees: 0, units: 0 };
    // A board-level total is the board's figure for that date; unit rows add up.
    history.set(h.asOf, h.unitId === null ? { employees: h.employees, units: e.units } : { employees: e.employees + h.employees, units: e.units + 1 });
  }
  const trendPoints = trendForBoard(ctx, asOf, board.id);
  const totalFigure: CoverageFigure = total ?? { employees: 0, completed: 0, percent: null };
  return {
    board: { id: board.id, name: board.name },
    course: presentCourse(ctx.course),
    asOf,
    target,
    total: { ...totalFigure, status: statusOf(totalFigure.percent, target.percent, below), headcountAsOf: total?.headcountAsOf ?? null },
    units,
    trend: trendPoints,
    forecast: forecastOf(trendPoints, target.percent, asOf),
    headcounts: [...history.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([d, v]) => ({ asOf: d, ...v })),
  };
}

export async function listHeadcounts(opts: { db: Database; actor: Actor; boardId?: string }) {
  const readable = readScope(opts.actor);
  if (opts.boardId && !inScope(readable, opts.boardId)) throw forbidden();
  const rows = await repo.headcountsOf(opts.db, opts.boardId ? [opts.boardId] : readable, opts.actor.municipalityId);
  return rows.map((h) => ({ boardId: h.board_id, unitId: h.unit_id, employees: h.employees, asOf: h.as_of }));
}

/** Everything the XLSX export and the trend chart need, scoped like the overview. */
export async function exportData(opts: { db: Database; actor: Actor; courseId?: string; asOf?: string; boardId?: string }) {
  const asOf = opts.asOf ?? todayIso();
  const ctx = await loadCoverage(opts.db, opts.actor, opts.courseId, opts.boardId);
  const target = await targetOf(opts.db, ctx.course.id, Number(asOf.slice(0, 4)));
  const coverage = coverageAsOf({ headcounts: ctx.headcounts, completions: ctx.completions, asOf });
  const trendPoints = opts.boardId ? trendForBoard(ctx, asOf, opts.boardId) : trendOf(ctx, asOf);
  return {
    ctx,
    asOf,
    target,
    coverage,
    trend: trendPoints,
    groups: await groupsProgress(opts.db, opts.actor, ctx, asOf),
    boardName: opts.boardId ? (ctx.boards.find((b) => b.id === opts.boardId)?.name ?? null) : null,
    statusOf: (p: number | null) => statusOf(p, target.percent, DEFAULT_LAGGING_BELOW),
  };
}
