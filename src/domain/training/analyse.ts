/**
 * What an import would do, decided before anything is written: the rows to store, the units a
 * headcount import creates, the names to map, and every refused row by line with the reason.
 * Builds on the preview steps (read → parse → match → merge duplicates) and adds the rules of the
 * import routes:
 * - a row for a board the importer may not import for is an error (a local coordinator imports
 *   their own board's rows only);
 * - a board name that cannot be matched is an error for its rows until the user maps it;
 * - headcounts: a unit name not yet known under a known board will be created (HR is the source
 *   of truth for units), unless the user maps it to an existing unit; a name that fits several
 *   units must be mapped;
 * - participants: a unit that cannot be matched leaves the row on the board alone (the user may
 *   still map it); rows of another course than the one imported are skipped.
 */
import { readTable, isTableError, type Table } from './tabular.js';
import { parseHeadcounts, type HeadcountRow, type RowError } from './parse-headcounts.js';
import { parseParticipants } from './parse-participants.js';
import { compactKey, matchOrg, type BoardRef, type UnitRef, type Unmatched } from './match.js';
import { dedupeCompletions } from './dedupe.js';

/** Boards the importer may import rows for. */
export type ImportScope = 'all' | string[];

export interface ImportOrg {
  boards: BoardRef[];
  units: UnitRef[];
  mapping?: Record<string, string>;
}

/** What happens to an unmatched name if the user does not map it. */
export type Fallback = 'error' | 'create' | 'board';

export interface UnmatchedName extends Unmatched {
  fallback: Fallback;
}

export interface AnalysisBase {
  /** True when the file as a whole could not be read (format, a broken quote, missing columns): `errors` holds that one error. */
  fileError: boolean;
  rowCount: number;
  errors: RowError[];
  skipped: RowError[];
  unmatched: UnmatchedName[];
  ignoredColumns: string[];
}

export interface HeadcountToStore {
  line: number;
  boardId: string;
  /** null with `newUnit` set: the unit is created first; null without it: the board's own total. */
  unitId: string | null;
  newUnit: string | null;
  employees: number;
  asOf: string;
}

export interface UnitToCreate {
  /** The mapping key of the name (boardId/compact name). */
  key: string;
  boardId: string;
  name: string;
  code: string | null;
  lines: number[];
}

export interface HeadcountAnalysis extends AnalysisBase {
  add: HeadcountToStore[];
  unitsToCreate: UnitToCreate[];
}

export interface CompletionToStore {
  line: number;
  boardId: string;
  unitId: string | null;
  employeeKey: string;
  completedOn: string;
  /** Started, not completed (the list said påbörjad or pågående). */
  started: boolean;
}

export interface ParticipantAnalysis extends AnalysisBase {
  add: CompletionToStore[];
  merged: number;
  duplicates: { line: number; keptLine: number }[];
}

/** The longest unit name the organisation register accepts. */
export const MAX_UNIT_NAME = 200;

const byLine = (a: RowError, b: RowError) => a.line - b.line;

function inScope(scope: ImportScope, boardId: string): boolean {
  return scope === 'all' || scope.includes(boardId);
}

function scopeError(boards: BoardRef[], scope: ImportScope, boardId: string): string {
  const name = boards.find((b) => b.id === boardId)?.name ?? '';
  const own = scope === 'all' ? [] : scope.map((id) => boards.find((b) => b.id === id)?.name).filter(Boolean);
  return own.length
    ? `Raden gäller ${name}. Du kan bara importera uppgifter för ${own.join(', ')}.`
    : `Raden gäller ${name}. Du kan inte importera uppgifter för den nämnden.`;
}

function boardNotFound(u: Unmatched): string {
  return u.ambiguous
    ? `Nämnden ”${u.name}” kan avse flera nämnder. Välj vilken nämnd som avses eller rätta filen.`
    : `Nämnden ”${u.name}” finns inte i Värna. Välj vilken nämnd den motsvarar eller rätta filen.`;
}

async function tableOf(bytes: Uint8Array, filename: string): Promise<Table | RowError> {
  const table = await readTable(bytes, filename);
  return isTableError(table) ? table.error : table;
}

const isError = (t: Table | RowError): t is RowError => 'message' in t;

export async function analyseHeadcountImport(
  bytes: Uint8Array,
  filename: string,
  org: ImportOrg,
  scope: ImportScope,
  options: { asOf?: string } = {},
): Promise<HeadcountAnalysis> {
  const table = await tableOf(bytes, filename);
  const empty = { fileError: true, add: [], unitsToCreate: [], skipped: [], unmatched: [], ignoredColumns: [] };
  if (isError(table)) return { ...empty, rowCount: 0, errors: [table] };
  const parsed = parseHeadcounts(table, options);
  if (parsed.fileError) return { ...empty, rowCount: table.rows.length, errors: [parsed.fileError] };

  const mapping = org.mapping ?? {};
  const matched = matchOrg(parsed.rows, org.boards, org.units, mapping);
  const errors: RowError[] = [...parsed.errors];
  const add: HeadcountToStore[] = [];
  const rowByLine = new Map<number, HeadcountRow>(parsed.rows.map((r) => [r.line, r]));
  const unitsToCreate = new Map<string, UnitToCreate>();
  const unmatched: UnmatchedName[] = [];

  for (const r of matched.matched) {
    if (!inScope(scope, r.boardId)) errors.push({ line: r.line, message: scopeError(org.boards, scope, r.boardId) });
    else add.push({ line: r.line, boardId: r.boardId, unitId: r.unitId, newUnit: null, employees: r.employees, asOf: r.asOf });
  }
  for (const u of matched.unmatched) {
    if (u.kind === 'board') {
      unmatched.push({ ...u, fallback: 'error' });
      for (const line of u.lines) errors.push({ line, message: boardNotFound(u) });
      continue;
    }
    const boardId = u.boardId!;
    if (!inScope(scope, boardId)) {
      for (const line of u.lines) errors.push({ line, message: scopeError(org.boards, scope, boardId) });
      continue;
    }
    if (u.ambiguous) {
      unmatched.push({ ...u, fallback: 'error' });
      for (const line of u.lines) {
        errors.push({ line, message: `Enheten ”${u.name}” kan avse flera enheter i nämnden. Välj vilken enhet som avses.` });
      }
      continue;
    }
    const first = rowByLine.get(u.lines[0])!;
    if ((first.unit ?? first.unitCode ?? '').length > MAX_UNIT_NAME) {
      for (const line of u.lines) errors.push({ line, message: `Enhetens namn är längre än ${MAX_UNIT_NAME} tecken.` });
      continue;
    }
    unmatched.push({ ...u, fallback: 'create' });
    unitsToCreate.set(u.key, {
      key: u.key,
      boardId,
      name: first.unit ?? first.unitCode ?? u.name,
      code: first.unit && first.unitCode ? first.unitCode : null,
      lines: u.lines,
    });
    for (const line of u.lines) {
      const r = rowByLine.get(line)!;
      add.push({ line, boardId, unitId: null, newUnit: u.key, employees: r.employees, asOf: r.asOf });
    }
  }
  add.sort((a, b) => a.line - b.line);
  // Two names for the same board or unit (e.g. once mapped) must not give two counts for one date.
  const seen = new Map<string, number>();
  const unique = add.filter((r) => {
    const key = `${r.boardId}|${r.unitId ?? r.newUnit ?? ''}|${r.asOf}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.line);
      return true;
    }
    errors.push({ line: r.line, message: `Samma ${r.unitId || r.newUnit ? 'enhet' : 'nämnd'} och datum (${r.asOf}) som på rad ${first}. Ta bort en av raderna.` });
    return false;
  });
  return {
    fileError: false,
    rowCount: table.rows.length,
    add: unique,
    unitsToCreate: [...unitsToCreate.values()],
    errors: errors.sort(byLine),
    skipped: [],
    unmatched,
    ignoredColumns: parsed.ignoredColumns,
  };
}

/** Does a course cell in the file name the course being imported? Ignores case, punctuation, and a shortened name. */
export function sameCourse(cell: string, courseName: string): boolean {
  const a = compactKey(cell);
  const b = compactKey(courseName);
  if (!a || !b) return true;
  return a === b || (a.length >= 6 && b.includes(a)) || (b.length >= 6 && a.includes(b));
}

export async function analyseParticipantImport(
  bytes: Uint8Array,
  filename: string,
  org: ImportOrg,
  scope: ImportScope,
  options: { courseName: string; pepper: string; today?: string },
): Promise<ParticipantAnalysis> {
  const table = await tableOf(bytes, filename);
  const empty = { fileError: true, add: [], skipped: [], unmatched: [], ignoredColumns: [], merged: 0, duplicates: [] };
  if (isError(table)) return { ...empty, rowCount: 0, errors: [table] };
  const parsed = await parseParticipants(table, { pepper: options.pepper, today: options.today });
  if (parsed.fileError) return { ...empty, rowCount: table.rows.length, errors: [parsed.fileError] };

  const skipped = [...parsed.skipped];
  const rows = parsed.rows.filter((r) => {
    if (r.course === null || sameCourse(r.course, options.courseName)) return true;
    skipped.push({ line: r.line, message: `Gäller en annan kurs (”${r.course}”).` });
    return false;
  });

  const mapping = org.mapping ?? {};
  const matched = matchOrg(rows, org.boards, org.units, mapping);
  const errors: RowError[] = [...parsed.errors];
  const rowByLine = new Map(rows.map((r) => [r.line, r]));
  const unmatched: UnmatchedName[] = [];
  const candidates: (CompletionToStore & { course: null })[] = [];

  const accept = (line: number, boardId: string, unitId: string | null) => {
    if (!inScope(scope, boardId)) {
      errors.push({ line, message: scopeError(org.boards, scope, boardId) });
      return;
    }
    const r = rowByLine.get(line)!;
    candidates.push({ line, boardId, unitId, employeeKey: r.employeeKey, completedOn: r.completedOn, started: r.started, course: null });
  };
  for (const r of matched.matched) accept(r.line, r.boardId, r.unitId);
  for (const u of matched.unmatched) {
    if (u.kind === 'board') {
      unmatched.push({ ...u, fallback: 'error' });
      for (const line of u.lines) errors.push({ line, message: boardNotFound(u) });
      continue;
    }
    // The unit is unknown: the row counts for the board alone unless the user maps the unit.
    if (inScope(scope, u.boardId!)) unmatched.push({ ...u, fallback: 'board' });
    for (const line of u.lines) accept(line, u.boardId!, null);
  }
  candidates.sort((a, b) => a.line - b.line);
  const deduped = dedupeCompletions(candidates);
  return {
    fileError: false,
    rowCount: table.rows.length,
    add: deduped.rows.map(({ course: _course, ...r }) => r),
    merged: deduped.merged,
    duplicates: deduped.duplicates,
    errors: errors.sort(byLine),
    skipped: skipped.sort(byLine),
    unmatched,
    ignoredColumns: parsed.ignoredColumns,
  };
}
