/**
 * Reads an uploaded table (CSV/TSV text or XLSX) into a header and rows of strings, keeping the
 * line number the user sees in the file (line 1 = the first line; a CSV record that spans several
 * lines because of a quoted line break gets the line it starts on; in XLSX, the sheet row number).
 * Nothing here knows what the columns mean.
 */
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../libraries.js';
import iconv from 'iconv-lite';
import { inspectXlsx, XLSX_UNREADABLE } from '../uploads/xlsx-guard.js';
import { isoDateOfUtc } from './dates.js';

export interface TableRow {
  line: number;
  cells: string[];
}
export interface Table {
  header: string[];
  /** The header line (normally 1; later when the file starts with empty lines). */
  headerLine: number;
  rows: TableRow[];
}
/** A problem with the whole file. `line` is 0 when it concerns no particular line. */
export interface TableError {
  error: { line: number; message: string };
}
export type ReadTableResult = Table | TableError;

export const MAX_ROWS = 200_000;

export interface ReadTableOptions {
  /** Default MAX_ROWS. */
  maxRows?: number;
}

export function isTableError(r: ReadTableResult): r is TableError {
  return 'error' in r;
}

const fail = (line: number, message: string): TableError => ({ error: { line, message } });

function tooManyRows(maxRows: number, line: number): TableError {
  return fail(
    line,
    `Filen har fler än ${maxRows.toLocaleString('sv-SE')} rader. Dela upp den i flera filer och importera dem var för sig.`,
  );
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": XLSX is a zip archive
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old .xls, or an encrypted .xlsx

function extensionOf(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return m ? m[1].toLowerCase() : '';
}

export async function readTable(
  bytes: Uint8Array,
  filename: string,
  options: ReadTableOptions = {},
): Promise<ReadTableResult> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const ext = extensionOf(filename);
  if (bytes.length === 0) return fail(0, 'Filen är tom.');
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, maxRows);
  if (startsWith(bytes, CFB_MAGIC)) {
    return fail(
      0,
      'Filen är i det gamla Excel-formatet (.xls) eller lösenordsskyddad. Spara den i Excel som ”Excel-arbetsbok (.xlsx)” eller som CSV, utan lösenord, och försök igen.',
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    return fail(
      0,
      `Filen heter ”.${ext}” men är ingen Excel-arbetsbok – den verkar vara en textfil. Byt filändelse till .csv eller spara om den i Excel som ”Excel-arbetsbok (.xlsx)”.`,
    );
  }
  if (ext === 'xls') {
    return fail(0, 'Filen heter ”.xls” men är ingen Excel-fil som kan läsas. Spara den som .xlsx eller CSV och försök igen.');
  }
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    return fail(0, 'Filen verkar inte vara en textfil (CSV) eller en Excel-arbetsbok (.xlsx).');
  }
  return readDelimitedText(text, maxRows);
}

// ---------------------------------------------------------------- text

/** UTF-8 (BOM stripped), UTF-16 with BOM, else Windows-1252 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  }
}

type Newline = '\r\n' | '\n' | '\r';

/** The line break used by most lines (a quoted cell may contain a different one). */
function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (cr > crlf && cr > lf) return '\r';
  return crlf > 0 && crlf >= lf ? '\r\n' : '\n';
}

/** Offsets at which each line starts; line n (1-based) starts at starts[n-1]. */
function lineStarts(text: string, newline: Newline): number[] {
  const starts = [0];
  for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + newline.length)) {
    starts.push(i + newline.length);
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const SEPARATORS = [';', ',', '\t'] as const;

/** The separator of a header line: the most frequent of ; , and tab outside quotes (ties: ; then , then tab). */
export function detectSeparator(headerLine: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ';';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function quoteMessage(code: string): string {
  return code === 'MissingQuotes'
    ? 'Ett citattecken (") öppnas här men stängs aldrig, så resten av filen skulle bli ett enda fält. Lägg till det avslutande citattecknet eller ta bort det inledande och försök igen.'
    : 'Ett citattecken (") står på fel ställe i ett fält. Ett fält som börjar med " måste sluta med " direkt före avgränsaren, och citattecken inuti fältet skrivs "". Rätta raden och försök igen.';
}

export function readDelimitedText(text: string, maxRows = MAX_ROWS): ReadTableResult {
  const newline = detectNewline(text);
  const starts = lineStarts(text, newline);

  // Excel's "sep=;" hint line, if present, names the separator and is not part of the table.
  let body = text;
  let bodyOffset = 0;
  let separator: string | null = null;
  const hint = /^sep=(.)[ \t]*(?:\r\n|\n|\r)/i.exec(text);
  if (hint) {
    separator = hint[1];
    bodyOffset = hint[0].length;
    body = text.slice(bodyOffset);
  }
  if (separator === null) {
    const firstLine = body.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
    separator = detectSeparator(firstLine);
  }

  let header: string[] | null = null;
  let headerLine = 0;
  const rows: TableRow[] = [];
  let error: TableError | null = null;
  let rowStart = 0;

  Papa.parse<string[]>(body, {
    delimiter: separator,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        const at = typeof quoteError.index === 'number' ? quoteError.index : start;
        error = fail(lineAt(starts, bodyOffset + at), quoteMessage(quoteError.code));
        parser.abort();
        return;
      }
      const cells = result.data.map((c) => c.trim());
      if (isBlank(cells)) return;
      const line = lineAt(starts, bodyOffset + start);
      if (header === null) {
        header = cells;
        headerLine = line;
        return;
      }
      if (rows.length >= maxRows) {
        error = tooManyRows(maxRows, line);
        parser.abort();
        return;
      }
      rows.push({ line, cells });
    },
  });

  if (error) return error;
  if (header === null) return fail(0, 'Filen innehåller inga rader.');
  return { header, headerLine, rows };
}

// ---------------------------------------------------------------- xlsx

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = isoDateOfUtc(value);
    const time = value.toISOString().slice(11, 19);
    return time === '00:00:00' ? date : `${date}T${time}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      // The value Excel saved with the formula; formulas are never evaluated here.
      return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}

/**
 * A worksheet with more `<row>` elements than this is refused before exceljs builds it. Rows
 * without values (formatted but empty) are counted too, hence the room above `maxRows`.
 */
export function xlsxRowPrecheck(maxRows: number): number {
  return maxRows + Math.max(maxRows, 10_000);
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<ReadTableResult> {
  // The archive guard first: exceljs inflates and builds the whole workbook in memory.
  const guard = await inspectXlsx(bytes);
  if (!guard.ok) return fail(0, guard.message);
  if (guard.worksheetRows.some((n) => n > xlsxRowPrecheck(maxRows))) return tooManyRows(maxRows, 0);

  const workbook = new (await loadExcelJS()).Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return fail(0, XLSX_UNREADABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail(0, 'Excel-filen innehåller inget kalkylblad.');
  if (sheet.actualRowCount > maxRows + 1) return tooManyRows(maxRows, 0);

  let header: string[] | null = null;
  let headerLine = 0;
  const rows: TableRow[] = [];
  let error: TableError | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (error) return;
    const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
    const cells: string[] = [];
    for (let col = 1; col < values.length; col++) cells.push(cellText(values[col]).trim());
    if (isBlank(cells)) return;
    if (header === null) {
      header = cells;
      headerLine = rowNumber;
      return;
    }
    if (rows.length >= maxRows) {
      error = tooManyRows(maxRows, rowNumber);
      return;
    }
    rows.push({ line: rowNumber, cells });
  });
  if (error) return error;
  if (header === null) return fail(0, 'Det första kalkylbladet i Excel-filen är tomt.');
  return { header, headerLine, rows };
}
