/**
 * The archive guard for an uploaded Excel workbook (.xlsx) before exceljs reads it: the archive
 * checks of `inspectZip` with limits sized for a table, a workbook part that must be there, and
 * a count of the rows and cells in every worksheet, made while the sheets stream past. exceljs
 * builds every row and cell of the whole workbook as objects, so these counts, not the file size,
 * decide how much memory reading it takes. Measured on Node 20 (exceljs 4.4 alone in a process):
 * 250,000 rows of 4 cells peak at 640 MB and take 32 s, 50,000 rows of 20 cells 520 MB and 25 s,
 * a real 160,000-row participant list (6 columns) about 600 MB.
 */
import { ARCHIVE_LIMITS, inspectZip, type ArchiveLimits, type ArchiveRefusal } from './archive-guard.js';

const MB = 1024 * 1024;

/**
 * A workbook is read whole into memory, so it gets less room than other archives: 64 MB of
 * inflated XML holds a 200,000-row table of six columns (a participant list of a whole city).
 */
export const XLSX_LIMITS: ArchiveLimits = { ...ARCHIVE_LIMITS, maxEntryBytes: 64 * MB, maxTotalBytes: 64 * MB };

/**
 * Cells and rows (`<row>` elements, empty ones too) in all worksheets together: at these limits
 * exceljs peaks at about 650 MB (see above). Longer lists are imported as CSV, which is read
 * row by row.
 */
export const MAX_XLSX_CELLS = 1_000_000;
export const MAX_XLSX_ROWS = 250_000;

export type XlsxInspection =
  | { ok: true; worksheetRows: number[]; cells: number }
  | (Omit<ArchiveRefusal, 'problem'> & { problem: ArchiveRefusal['problem'] | 'not_a_workbook' | 'too_many_cells' | 'too_many_rows' });

export const XLSX_UNREADABLE =
  'Filen kunde inte läsas som en Excel-arbetsbok (.xlsx). Den kan vara skadad eller en annan sorts zip-fil. Spara om den i Excel eller som CSV och försök igen.';
const NOT_A_WORKBOOK =
  'Filen är en zip-fil men ingen Excel-arbetsbok (den kan till exempel vara ett Word-dokument). Spara tabellen i Excel som ”Excel-arbetsbok (.xlsx)” eller som CSV och försök igen.';
const TOO_MANY_CELLS = `Excel-filen har fler än ${MAX_XLSX_CELLS.toLocaleString('sv-SE')} celler och är för stor för att läsas. Spara bara tabellen som ska importeras i en ny arbetsbok, eller som CSV, och försök igen.`;
const TOO_MANY_ROWS = `Excel-filen har fler än ${MAX_XLSX_ROWS.toLocaleString('sv-SE')} rader och är för stor för att läsas som Excel-fil. Spara tabellen som CSV och försök igen.`;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row or cell start tag in any namespace prefix: `<row …>`, `<x:row/>`, `<c r="A1">`. */
const ROW_OR_CELL = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])/g;
/** A tag name is never split from its `<` by more than this across two chunks. */
const CARRY = 64;

/** Counts `<row` and `<c` start tags in a stream of XML chunks that may split a tag anywhere. */
export class SheetCounter {
  rows = 0;
  cells = 0;
  private carry = '';

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    // An unfinished tag name at the end is kept for the next chunk (at most CARRY characters).
    const lastOpen = text.lastIndexOf('<');
    const cut = lastOpen >= text.length - CARRY ? lastOpen : text.length;
    this.carry = text.slice(cut);
    this.count(text.slice(0, cut));
  }

  end(): void {
    this.count(this.carry + ' ');
    this.carry = '';
  }

  private count(text: string): void {
    for (const m of text.matchAll(ROW_OR_CELL)) {
      if (m[1] === 'row') this.rows++;
      else this.cells++;
    }
  }
}

/** Rows (`<row>` elements, empty ones too) in one worksheet's XML. */
export function countRows(xml: string): number {
  const counter = new SheetCounter();
  counter.push(Buffer.from(xml, 'latin1'));
  counter.end();
  return counter.rows;
}

/** Inspects an .xlsx upload; `ok` means exceljs may read it. */
export async function inspectXlsx(bytes: Uint8Array): Promise<XlsxInspection> {
  const counters = new Map<string, SheetCounter>();
  const verdict = await inspectZip(bytes, XLSX_LIMITS, (name) => {
    if (!WORKSHEET.test(name)) return undefined;
    const counter = new SheetCounter();
    counters.set(name, counter);
    return (chunk) => counter.push(chunk);
  });
  if (!verdict.ok) return verdict.problem === 'damaged' ? { ...verdict, message: XLSX_UNREADABLE } : verdict;
  if (!verdict.entries.some((e) => e.name === 'xl/workbook.xml')) return { ok: false, status: 'invalid', problem: 'not_a_workbook', message: NOT_A_WORKBOOK };
  for (const c of counters.values()) c.end();
  const cells = [...counters.values()].reduce((sum, c) => sum + c.cells, 0);
  const rows = [...counters.values()].reduce((sum, c) => sum + c.rows, 0);
  if (rows > MAX_XLSX_ROWS) return { ok: false, status: 'too_large', problem: 'too_many_rows', message: TOO_MANY_ROWS };
  if (cells > MAX_XLSX_CELLS) return { ok: false, status: 'too_large', problem: 'too_many_cells', message: TOO_MANY_CELLS };
  return { ok: true, worksheetRows: [...counters.values()].map((c) => c.rows), cells };
}
