import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { analyseHeadcountImport, analyseParticipantImport, type AnalysisBase } from '../../domain/training/analyse.js';
import type { RowError } from '../../domain/training/parse-headcounts.js';
import { unprocessable, type AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { createUnitIn } from '../orgs/service.js';
import { importScope } from './access.js';
import { getCourse } from './courses.service.js';
import * as repo from './repo.js';
import type { TImportResult } from './schema.js';

/** Imports of headcounts (HR's staff statistics) and of a course's participant list: analysed, then written all or nothing. */

const MAX_LINES_REPORTED = 1000;
const PEPPER_KEY = 'training.employee_key_pepper';

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

interface ImportOptions {
  db: Database;
  actor: ServiceActor;
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
async function pepperFor(trx: Database, actor: ServiceActor, create: boolean): Promise<string> {
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
      actor_id: actorUserId(opts.actor),
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
      today: todayInSweden(),
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
      actor_id: actorUserId(opts.actor),
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
