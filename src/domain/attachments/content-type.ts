/**
 * What an uploaded file really is, read from its bytes — never from the name or the Content-Type
 * header the browser sends, which the uploader controls. Pure, no I/O.
 *
 * - PDF: starts with `%PDF-`.
 * - PNG: the 8-byte PNG signature. JPEG: FF D8 FF.
 * - DOCX / XLSX: a zip whose directory holds `[Content_Types].xml` and the main part
 *   (`word/document.xml`, `xl/workbook.xml`); a macro project (`vbaProject.bin`) is refused.
 * - ODT: a zip whose first entry is `mimetype`, stored uncompressed, holding
 *   `application/vnd.oasis.opendocument.text` (the OpenDocument packaging rule).
 *
 * Zip-based files must also pass the shared archive guard (entry count, inflated size) before
 * they are stored; that check reads the whole archive and lives with the upload code.
 */

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'odt', 'png', 'jpeg'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const CONTENT_TYPES: Readonly<Record<AttachmentKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

export const EXTENSIONS: Readonly<Record<AttachmentKind, string>> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', odt: 'odt', png: 'png', jpeg: 'jpg' };

/** Zip-based kinds go through the archive guard as well. */
export const ZIP_KINDS: readonly AttachmentKind[] = ['docx', 'xlsx', 'odt'];

export type Sniffed = { ok: true; kind: AttachmentKind; contentType: string } | { ok: false; message: string };

export const ACCEPTED_TEXT = 'PDF, Word (.docx), Excel (.xlsx), OpenDocument-text (.odt), PNG eller JPEG';

const NOT_ACCEPTED = `Filtypen tas inte emot. Bifoga en fil i något av formaten ${ACCEPTED_TEXT}.`;
const OLD_OR_LOCKED =
  'Filen är i ett äldre Office-format (.doc, .xls) eller lösenordsskyddad. Spara den som .docx, .xlsx eller PDF utan lösenord och försök igen.';
const MACROS = 'Filen innehåller makron. Spara den utan makron (.docx eller .xlsx) eller som PDF och försök igen.';
const BROKEN_ZIP = 'Filen ser ut som ett Office-dokument men går inte att läsa. Spara om den och försök igen.';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old Office binary files and encrypted OOXML

export interface ZipDirectoryEntry {
  name: string;
  /** Declared sizes; the archive guard checks what really inflates. */
  size: number;
  compressedSize: number;
}

/** A zip's central directory, or null when it cannot be read (damaged, or zip64). */
export function zipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
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
  // zip64 markers: the archive guard reads those; a document of ours never needs them.
  if (count === 0xffff || offset === 0xffffffff || offset >= bytes.length) return null;
  const entries: ZipDirectoryEntry[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLength = u16(bytes, p + 28);
    entries.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24) });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** The first local entry is `mimetype`, stored, with the ODF text document's type. */
function isOdt(bytes: Uint8Array): boolean {
  if (bytes.length < 30 || u16(bytes, 8) !== 0) return false;
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  const size = u32(bytes, 18);
  return new TextDecoder().decode(bytes.subarray(start, start + size)) === ODT_MIMETYPE;
}

const ok = (kind: AttachmentKind): Sniffed => ({ ok: true, kind, contentType: CONTENT_TYPES[kind] });

export function sniffContentType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF)) return ok('pdf');
  if (startsWith(bytes, PNG)) return ok('png');
  if (startsWith(bytes, JPEG)) return ok('jpeg');
  if (startsWith(bytes, CFB)) return { ok: false, message: OLD_OR_LOCKED };
  if (!startsWith(bytes, ZIP)) return { ok: false, message: NOT_ACCEPTED };
  if (isOdt(bytes)) return ok('odt');
  const names = zipDirectory(bytes)?.map((e) => e.name);
  if (!names) return { ok: false, message: BROKEN_ZIP };
  const has = (n: string) => names.includes(n);
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { ok: false, message: MACROS };
  if (has('[Content_Types].xml') && has('word/document.xml')) return ok('docx');
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return ok('xlsx');
  return { ok: false, message: NOT_ACCEPTED };
}

/**
 * The name to show and to send back in Content-Disposition: no folders, no control characters,
 * at most 200 characters, and the extension of what the file really is.
 */
export function safeFileName(given: string, kind: AttachmentKind): string {
  const base = (given.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 190).trim() || 'bilaga';
  return `${stem}.${EXTENSIONS[kind]}`;
}
