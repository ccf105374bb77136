/**
 * A cheap look inside an uploaded .xlsx before the Excel reader builds the whole workbook in
 * memory: is it a zip with a workbook at all, is it a zip bomb, and roughly how many rows do its
 * sheets have? A file with 100,000 rows is refused in milliseconds here instead of being parsed.
 * Only the zip's central directory is read and the worksheets inflated (with a cap); nothing is
 * evaluated.
 */
import { inflateRawSync } from 'node:zlib';

export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export type GuardResult =
  | { ok: true; worksheetRows: number[] }
  /** The zip could not be inspected (e.g. zip64): let the Excel reader decide. */
  | { ok: 'unknown' }
  | { ok: false; message: string };

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** The central directory of a zip, or null when it cannot be read (damaged, zip64). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset >= bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLength = u16(bytes, p + 28);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({
      name,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) return null;
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) return null;
  // Capped: a sheet that inflates beyond the limit throws instead of filling the memory.
  return inflateRawSync(data, { maxOutputLength: MAX_XLSX_UNPACKED_BYTES });
}

/** Rows that hold cells (`<row …>…</row>`; an empty `<row …/>` does not count), in any namespace prefix. */
export function countRows(xml: string): number {
  let n = 0;
  const re = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?(\/?)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) if (m[1] !== '/') n++;
  return n;
}

const NOT_A_WORKBOOK =
  'Filen är en zip-fil men ingen Excel-arbetsbok (den kan till exempel vara ett Word-dokument). Spara tabellen i Excel som ”Excel-arbetsbok (.xlsx)” eller som CSV och försök igen.';
const TOO_BIG = 'Excel-filen är för stor för att läsas. Spara bara tabellen med insatserna i en ny arbetsbok, eller som CSV, och försök igen.';

/**
 * Inspects a zip that claims to be an Excel workbook. `rowLimit`: a worksheet with more rows
 * than this is refused with `tooManyRows` before anything else is parsed.
 */
export function guardXlsx(bytes: Uint8Array, rowLimit: number, tooManyRows: string): GuardResult {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: 'unknown' };
  if (entries.length > MAX_ENTRIES) return { ok: false, message: TOO_BIG };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return { ok: false, message: NOT_A_WORKBOOK };
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_XLSX_UNPACKED_BYTES) return { ok: false, message: TOO_BIG };
  const worksheetRows: number[] = [];
  for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/i.test(x.name))) {
    let data: Uint8Array | null;
    try {
      data = entryData(bytes, e);
    } catch (err) {
      if (err instanceof RangeError) return { ok: false, message: TOO_BIG };
      return { ok: 'unknown' };
    }
    if (!data) return { ok: 'unknown' };
    const rows = countRows(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'));
    if (rows > rowLimit) return { ok: false, message: tooManyRows };
    worksheetRows.push(rows);
  }
  return { ok: true, worksheetRows };
}
