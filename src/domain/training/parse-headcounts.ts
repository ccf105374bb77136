/**
 * Headcounts per board and unit from an HR export: board, unit, number of employees, as-of date.
 * A row with an empty unit is a board-level total.
 */
import type { Table } from './tabular.js';
import { HEADCOUNT_COLUMNS, cellOf, headcountRequirements, headerKey, mapHeaders } from './headers.js';
import { readDateCell } from './dates.js';

export interface RowError {
  line: number;
  message: string;
}

export interface ParseResult<R> {
  rows: R[];
  errors: RowError[];
  /** Headers that were not recognised and therefore not read (e.g. names). */
  ignoredColumns: string[];
}

/** Where a row belongs, as written in the file: names and/or codes. */
export interface OrgRef {
  line: number;
  /** Board name or code as written ('' when the file only has a code column). */
  board: string;
  boardCode: string | null;
  /** Unit name or code as written; null = the board as a whole. */
  unit: string | null;
  unitCode: string | null;
}

export interface HeadcountRow extends OrgRef {
  employees: number;
  asOf: string;
}

export interface ParseHeadcountsOptions {
  /** Used for rows (or files) without a date. */
  asOf?: string;
}

/**
 * A whole number of employees: "2679", "2 679" (also with a no-break space), "2,679", "2.679",
 * "2679,0". Fractions and negative numbers are errors.
 */
export function parseCount(raw: string): number | null {
  const s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  const m = /^(\d+)[.,]0+$/.exec(s);
  if (m) return Number(m[1]);
  return null;
}

export function parseHeadcounts(table: Table, options: ParseHeadcountsOptions = {}): ParseResult<HeadcountRow> & {
  fileError?: RowError;
} {
  const mapped = mapHeaders(table.header, HEADCOUNT_COLUMNS, headcountRequirements(!options.asOf), table.headerLine);
  if ('error' in mapped) return { rows: [], errors: [mapped.error], ignoredColumns: [], fileError: mapped.error };
  const { columns, ignored } = mapped;

  const rows: HeadcountRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();

  for (const { line, cells } of table.rows) {
    const problems: string[] = [];
    const boardName = cellOf(cells, columns, 'board');
    const boardCode = cellOf(cells, columns, 'boardCode') || null;
    const unitName = cellOf(cells, columns, 'unit');
    const unitCode = cellOf(cells, columns, 'unitCode') || null;
    if (!boardName && !boardCode) problems.push('Nämnd/förvaltning saknas.');

    const rawCount = cellOf(cells, columns, 'employees');
    let employees: number | null = null;
    if (rawCount === '') problems.push('Antal anställda saknas.');
    else {
      employees = parseCount(rawCount);
      if (employees === null) problems.push(`Antal anställda ”${rawCount}” är inte ett heltal som är 0 eller större.`);
    }

    let asOf: string | null = null;
    const rawDate = columns.asOf === undefined ? '' : cellOf(cells, columns, 'asOf');
    if (rawDate === '' && options.asOf) asOf = options.asOf;
    else {
      const d = readDateCell(rawDate, 'Datum');
      if ('error' in d) problems.push(d.error);
      else asOf = d.date;
    }

    if (problems.length > 0 || employees === null || asOf === null) {
      errors.push({ line, message: problems.join(' ') });
      continue;
    }
    const row: HeadcountRow = {
      line,
      board: boardName || boardCode!,
      boardCode,
      unit: unitName || unitCode || null,
      unitCode,
      employees,
      asOf,
    };
    const key = [headerKey(row.board), headerKey(row.unit ?? ''), headerKey(unitCode ?? ''), asOf].join('|');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line,
        message: `${row.unit ? `Enheten ”${row.unit}”` : `Nämnden ”${row.board}”`} finns redan på rad ${earlier} med samma datum (${asOf}). Ta bort en av raderna.`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return { rows, errors, ignoredColumns: ignored };
}
