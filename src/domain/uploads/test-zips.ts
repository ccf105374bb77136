/**
 * Test fixtures: hostile and ordinary zip archives built in memory, byte by byte, so that every
 * header can lie the way an attacker's would. Only imported by tests.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipFileSpec {
  name: string;
  /** The entry's content… */
  content?: string | Buffer;
  /**
   * …or `block` repeated `times` times, deflated once and the compressed block repeated, so a
   * gigabyte of inflated XML costs a few megabytes to build. The CRC is left 0 (nothing reads it).
   */
  repeat?: { head?: string; block: string | Buffer; times: number };
  /** Stored without compression (method 0) instead of deflated. */
  stored?: boolean;
  /** The compression method written in the headers (the data is deflated or stored regardless). */
  method?: number;
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  /** Sizes in a zip64 extra field (headers say 0xFFFFFFFF), as zip64 writers do… */
  zip64?: boolean;
  /** …or headers that say 0xFFFFFFFF and a zip64 field too short to resolve them (`'short'`), or none at all (`'missing'`). */
  brokenZip64?: 'short' | 'missing';
  /** Set the "encrypted" flag. */
  encrypted?: boolean;
  /** A name in an Info-ZIP Unicode Path extra field, which some readers prefer to the header's. */
  unicodePath?: string;
  /** Point this central-directory entry at an earlier entry's data (by index) instead of its own. */
  sameDataAs?: number;
}

const bytesOf = (v: string | Buffer) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);

/**
 * A raw deflate stream that inflates to `head` + `block` × `times`: independent full-flushed
 * segments (each starts with an empty history, so copies can be concatenated) and a final empty block.
 */
function repeatedDeflate(head: Buffer, block: Buffer, times: number): Buffer {
  const flush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
  const first = deflateRawSync(head, flush);
  const segment = deflateRawSync(block, flush);
  const end = deflateRawSync(Buffer.alloc(0));
  const out = Buffer.allocUnsafe(first.length + segment.length * times + end.length);
  first.copy(out, 0);
  for (let i = 0; i < times; i++) segment.copy(out, first.length + i * segment.length);
  end.copy(out, first.length + segment.length * times);
  return out;
}

function zip64Extra(size: number, compressed: number): Buffer {
  return zip64Field([size, compressed]);
}

/** The zip64 extended information field holding these 8-byte values, in order. */
function zip64Field(fields: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * fields.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * fields.length, 2);
  fields.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

function unicodePathExtra(name: Buffer, unicode: string): Buffer {
  const u = Buffer.from(unicode, 'utf8');
  const b = Buffer.alloc(9 + u.length);
  b.writeUInt16LE(0x7075, 0);
  b.writeUInt16LE(5 + u.length, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(crc32(name), 5);
  u.copy(b, 9);
  return b;
}

/** A zip archive of the files, in order. */
export function buildZip(files: ZipFileSpec[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  const placed: { offset: number; data: Buffer; size: number; crc: number; method: number }[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    let data: Buffer;
    let size: number;
    let crc = 0;
    if (f.repeat) {
      const head = Buffer.from(f.repeat.head ?? '', 'utf8');
      const block = bytesOf(f.repeat.block);
      data = repeatedDeflate(head, block, f.repeat.times);
      size = head.length + block.length * f.repeat.times;
    } else {
      const content = bytesOf(f.content ?? '');
      data = f.stored ? content : deflateRawSync(content);
      size = content.length;
      crc = crc32(content);
    }
    const method = f.method ?? (f.stored ? 0 : 8);
    const declared = f.declaredSize ?? size;
    const extra = Buffer.concat([
      ...(f.zip64 ? [zip64Extra(declared, data.length)] : []),
      ...(f.brokenZip64 === 'short' ? [zip64Field([declared])] : []),
      ...(f.unicodePath ? [unicodePathExtra(name, f.unicodePath)] : []),
    ]);
    const flags = 0x800 | (f.encrypted ? 0x1 : 0);
    const sixtyFour = f.zip64 || f.brokenZip64;
    const size32 = sixtyFour ? 0xffffffff : declared;
    const compressed32 = sixtyFour ? 0xffffffff : data.length;

    const target = f.sameDataAs === undefined ? null : placed[f.sameDataAs];
    if (!target) {
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(f.zip64 ? 45 : 20, 4);
      h.writeUInt16LE(flags, 6);
      h.writeUInt16LE(method, 8);
      h.writeUInt32LE(crc, 14);
      h.writeUInt32LE(compressed32, 18);
      h.writeUInt32LE(size32, 22);
      h.writeUInt16LE(name.length, 26);
      h.writeUInt16LE(extra.length, 28);
      local.push(h, name, extra, data);
      placed.push({ offset, data, size: declared, crc, method });
    } else {
      placed.push(target);
    }
    const at = target ?? placed[placed.length - 1];
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x031e, 4);
    c.writeUInt16LE(f.zip64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(at.method, 10);
    c.writeUInt32LE(at.crc, 16);
    c.writeUInt32LE(sixtyFour ? 0xffffffff : at.data.length, 20);
    c.writeUInt32LE(sixtyFour ? 0xffffffff : at.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(at.offset, 42);
    central.push(c, name, extra);
    if (!target) offset += 30 + name.length + extra.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

// ------------------------------------------------------------------ workbooks

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
export const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';

/** The parts every workbook has, with `sheet` as the first worksheet's spec (its name is set here). */
export function workbookZip(sheet: Omit<ZipFileSpec, 'name'>, extra: ZipFileSpec[] = []): Uint8Array {
  return buildZip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: ROOT_RELS },
    { name: 'xl/workbook.xml', content: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', content: WORKBOOK_RELS },
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
    ...extra,
  ]);
}

/** One participant-list row as Excel writes it (inline strings), about 130 bytes of XML. */
const BOMB_ROW =
  '<row><c t="inlineStr"><is><t>Enskede-Årsta-Vantör</t></is></c><c t="inlineStr"><is><t>Webbaserad grundutbildning</t></is></c><c><v>43712</v></c></row>';

/**
 * A workbook whose sheet inflates to about `inflatedMB` MB of rows like a real participant list
 * (the acceptance test's is 1.7 GB from 9.5 MB). The sheet XML never ends: it is refused long before.
 */
export function xlsxBomb(inflatedMB: number, options: { declaredSize?: number; zip64?: boolean } = {}): Uint8Array {
  const block = Buffer.from(BOMB_ROW.repeat(8000), 'utf8'); // ≈ 1 MB
  const times = Math.ceil((inflatedMB * 1024 * 1024) / block.length);
  return workbookZip({ repeat: { head: SHEET_START, block, times }, ...options });
}

/** The classic "billion laughs": ten levels of ten references, 10⁹ "lol"s from a kilobyte. */
export function billionLaughs(): string {
  const levels = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE lolz [${levels.join('')}]>`;
}

// ------------------------------------------------------------------ reading (for tests of generated files)

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** The central directory of a small zip this project generated (no zip64), or null. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries: ZipEntry[] = [];
  let p = u32(bytes, eocd + 16);
  for (let n = u16(bytes, eocd + 10); n > 0; n--) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLength = u16(bytes, p + 28);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** One part of a small generated zip as text. */
export function zipText(bytes: Uint8Array, name: string): string {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  const h = entry.localHeaderOffset;
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
}
