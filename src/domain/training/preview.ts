/**
 * The import preview: file → table → rows → organisation → duplicates merged. Shows what would be
 * added and every bad row by line; writes nothing. The caller stores `add` once the user confirms
 * (and `unmatched` is empty or the user has chosen a mapping for it).
 */
import { readTable, isTableError } from './tabular.js';
import { parseHeadcounts, type HeadcountRow, type RowError } from './parse-headcounts.js';
import { parseParticipants, type ParticipantRow } from './parse-participants.js';
import { matchOrg, type BoardRef, type Matched, type UnitRef, type Unmatched } from './match.js';
import { dedupeCompletions } from './dedupe.js';

export interface OrgRegister {
  boards: BoardRef[];
  units: UnitRef[];
  /** The user's choices for names that could not be matched (see match.ts). */
  mapping?: Record<string, string>;
}

export interface ImportPreview<R> {
  add: Matched<R>[];
  errors: RowError[];
  unmatched: Unmatched[];
  ignoredColumns: string[];
  /** Rows in the file that are not empty, header excluded. */
  rowCount: number;
}

export interface ParticipantPreview extends ImportPreview<ParticipantRow> {
  merged: number;
  duplicates: { line: number; keptLine: number }[];
  skipped: RowError[];
}

const emptyPreview = { add: [], unmatched: [], ignoredColumns: [], rowCount: 0 };

export async function previewHeadcountImport(
  bytes: Uint8Array,
  filename: string,
  org: OrgRegister,
  options: { asOf?: string } = {},
): Promise<ImportPreview<HeadcountRow>> {
  const table = await readTable(bytes, filename);
  if (isTableError(table)) return { ...emptyPreview, errors: [table.error] };
  const parsed = parseHeadcounts(table, options);
  const matched = matchOrg(parsed.rows, org.boards, org.units, org.mapping);
  return {
    add: matched.matched,
    errors: parsed.errors,
    unmatched: matched.unmatched,
    ignoredColumns: parsed.ignoredColumns,
    rowCount: table.rows.length,
  };
}

export async function previewParticipantImport(
  bytes: Uint8Array,
  filename: string,
  org: OrgRegister,
  options: { course?: string; pepper?: string } = {},
): Promise<ParticipantPreview> {
  const table = await readTable(bytes, filename);
  if (isTableError(table)) return { ...emptyPreview, errors: [table.error], merged: 0, duplicates: [], skipped: [] };
  const parsed = await parseParticipants(table, options);
  const matched = matchOrg(parsed.rows, org.boards, org.units, org.mapping);
  const deduped = dedupeCompletions(matched.matched);
  return {
    add: deduped.rows,
    errors: parsed.errors,
    unmatched: matched.unmatched,
    ignoredColumns: parsed.ignoredColumns,
    rowCount: table.rows.length,
    merged: deduped.merged,
    duplicates: deduped.duplicates,
    skipped: parsed.skipped,
  };
}
