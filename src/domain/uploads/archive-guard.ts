/**
 * The one archive guard every upload that is a zip (XLSX today; DOCX and ODT attachments later)
 * passes before any parser sees it. An Office file is a zip of XML parts, and a zip can claim to
 * be small while it inflates to gigabytes (a "zip bomb"), lie about its sizes in its headers,
 * point several entries at the same bytes, name entries `../../etc/passwd`, or carry XML whose
 * entity declarations expand a few hundred bytes into gigabytes ("billion laughs"). Parsers such
 * as exceljs inflate every part into memory and build the whole document, so they must only ever
 * see an archive that has been measured first.
 *
 * `inspectZip` reads the central directory with yauzl (which resolves zip64 fields and refuses
 * entries whose data would lie outside the file), checks the declared sizes, then inflates every
 * entry as a stream, counting the bytes that really come out and stopping the moment a cap is
 * passed. Nothing is kept but counters: the guard's own memory is a few hundred kilobytes
 * whatever the archive claims or contains. No I/O: it works on the uploaded bytes in memory.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';

export interface ArchiveLimits {
  /** Entries in the central directory (files and folders). */
  maxEntries: number;
  /** Bytes one entry may inflate to, declared and actually measured. */
  maxEntryBytes: number;
  /** Bytes all entries together may inflate to, declared and actually measured. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed size of one entry, checked once the entry has inflated past `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries may compress very well (a sheet of empty cells); the ratio is only checked above this. */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/**
 * Limits for any zipped upload. A real Office document of the kind Värna takes (a table, a plan,
 * a decision) has a few dozen parts and inflates to a few megabytes; 100 MB and 2,000 parts leave
 * room for large real files while a bomb is stopped after at most 100 MB of inflating. Real XML
 * compresses 5–20 times; past 100 times (over 1 MB) a part is built to inflate, not to be read.
 */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 100 * MB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MB,
};

/** What is wrong with a refused archive. `too_large` problems answer 413, the others 422. */
export type ArchiveProblem =
  | 'damaged'
  | 'too_many_entries'
  | 'too_large'
  | 'compression_ratio'
  | 'size_mismatch'
  | 'overlapping_entries'
  | 'unsafe_name'
  | 'duplicate_name'
  | 'encrypted'
  | 'unsupported_compression'
  | 'xml_declarations'
  | 'xml_encoding';

export interface ArchiveEntry {
  name: string;
  /** Bytes the entry inflated to (measured, not declared). */
  size: number;
}

export type ArchiveRefusal = {
  ok: false;
  /** `too_large`: refuse with 413 (Payload Too Large); `invalid`: with 422 (malformed or hostile). */
  status: 'too_large' | 'invalid';
  problem: ArchiveProblem;
  /** The entry the problem was found in, when it concerns one. */
  entry?: string;
  /** Swedish, for the user: what is wrong and what to do. */
  message: string;
};

export type ArchiveVerdict = { ok: true; entries: ArchiveEntry[]; inflatedBytes: number } | ArchiveRefusal;

/** Sees the inflated bytes of an entry as they stream past (e.g. to count worksheet rows). */
export type EntryWatcher = (chunk: Buffer) => void;

const TOO_LARGE_STATUS: ReadonlySet<ArchiveProblem> = new Set(['too_many_entries', 'too_large', 'compression_ratio']);

const RESAVE = 'Spara om filen i programmet den skapades i (till exempel Excel eller Word) och försök igen.';

function mb(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString('sv-SE')} MB`;
}

function refuse(problem: ArchiveProblem, limits: ArchiveLimits, entry?: string): ArchiveRefusal {
  const messages: Record<ArchiveProblem, string> = {
    damaged: `Filen är skadad eller ingen giltig zip-fil och kunde inte läsas. ${RESAVE}`,
    too_many_entries: `Filen består av fler än ${limits.maxEntries.toLocaleString('sv-SE')} delar och är för stor för att läsas. Spara bara det som behövs i en ny fil och försök igen.`,
    too_large: `Filen blir större än ${mb(Math.min(limits.maxTotalBytes, limits.maxEntryBytes))} när den packas upp och är för stor för att läsas. Spara bara det som behövs i en ny fil och försök igen.`,
    compression_ratio: `Filen är packad så att en del växer mer än ${limits.maxRatio.toLocaleString('sv-SE')} gånger när den packas upp, som i en så kallad zip-bomb, och läses därför inte. ${RESAVE}`,
    size_mismatch: `Filen är skadad eller manipulerad: en del i den är inte så stor som filen själv anger. Den läses inte. ${RESAVE}`,
    overlapping_entries: `Filen är manipulerad: flera delar i den pekar på samma innehåll, som i en så kallad zip-bomb. Den läses inte. ${RESAVE}`,
    unsafe_name: `Filen innehåller en del med ett otillåtet namn (en sökväg som pekar utanför filen, till exempel ”../”). Den läses inte. ${RESAVE}`,
    duplicate_name: `Filen innehåller två delar med samma namn och kan inte läsas entydigt. ${RESAVE}`,
    encrypted: 'Filen är lösenordsskyddad eller krypterad och kan inte läsas. Spara den utan lösenord och försök igen.',
    unsupported_compression: `Filen är packad med en komprimeringsmetod som inte stöds. ${RESAVE}`,
    xml_declarations: `Filen innehåller XML med DOCTYPE- eller ENTITY-deklarationer, som kan användas för att överbelasta servern och som Office-program aldrig skriver. Den läses inte. ${RESAVE}`,
    xml_encoding: `Filen innehåller XML som inte är kodad som UTF-8. ${RESAVE}`,
  };
  return { ok: false, status: TOO_LARGE_STATUS.has(problem) ? 'too_large' : 'invalid', problem, ...(entry ? { entry } : {}), message: messages[problem] };
}

// ------------------------------------------------------------------ names

/** The Info-ZIP Unicode Path extra field: some readers take the name from here instead. */
const UNICODE_PATH_FIELD = 0x7075;

/** Every name an extractor might use for the entry: the header's and any Unicode Path field's. */
function namesOf(entry: Entry): string[] {
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  const names = [new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(entry.fileNameRaw)];
  for (const f of entry.extraFields) {
    if (f.id === UNICODE_PATH_FIELD && f.data.length > 5) names.push(new TextDecoder('utf-8').decode(f.data.subarray(5)));
  }
  return names;
}

/** A name that is empty, absolute, a drive or share, holds NUL or climbs out with `..`. */
export function isUnsafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\u0000')) return true;
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((segment) => segment === '..');
}

// ------------------------------------------------------------------ XML

const XML_NAME = /\.(xml|rels|vml)$/i;
const DECLARATIONS = ['DOCTYPE', 'ENTITY'];
const LONGEST_DECLARATION = 2 + Math.max(...DECLARATIONS.map((d) => d.length));

/** Does `<!DOCTYPE` or `<!ENTITY` (any case) start at `at`? */
function declarationAt(bytes: Buffer, at: number): boolean {
  return DECLARATIONS.some((d) => {
    if (at + 2 + d.length > bytes.length) return false;
    for (let i = 0; i < d.length; i++) {
      if ((bytes[at + 2 + i] & 0xdf) !== d.charCodeAt(i)) return false;
    }
    return true;
  });
}

/** How much of an XML part's start is kept to check its encoding: the XML declaration fits. */
const HEAD_BYTES = 256;
/** `<?xml … encoding="…"?>` at the start of a part. */
const ENCODING_DECLARATION = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

/**
 * Looks through an XML part as it streams for DTD declarations (the only way to declare the
 * entities a "billion laughs" expands) and for an encoding other than UTF-8 (UTF-16, or a
 * declared UTF-7 or other charset) that would hide them from a byte search. The whole part is
 * searched, not just its start: it is being inflated anyway.
 */
export class XmlSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private encodingChecked = false;
  problem: 'xml_declarations' | 'xml_encoding' | null = null;

  push(chunk: Buffer): void {
    if (this.problem || chunk.length === 0) return;
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      if (this.head.length >= HEAD_BYTES) this.checkEncoding();
      if (this.problem) return;
    }
    // A declaration split between chunks is found in the joint of the previous tail and this head.
    const joint = Buffer.concat([this.tail, chunk.subarray(0, LONGEST_DECLARATION)]);
    if (this.scan(joint) || this.scan(chunk)) {
      this.problem = 'xml_declarations';
      return;
    }
    const last = chunk.length >= LONGEST_DECLARATION ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = Buffer.from(last.subarray(Math.max(0, last.length - LONGEST_DECLARATION)));
  }

  /** Call when the part has ended: a part shorter than HEAD_BYTES has its encoding checked here. */
  end(): void {
    if (!this.problem) this.checkEncoding();
  }

  private checkEncoding(): void {
    if (this.encodingChecked) return;
    this.encodingChecked = true;
    const h = this.head;
    // UTF-16/32, with or without a byte order mark, has NUL bytes between ASCII characters.
    const wide = (h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff) || h.subarray(0, 4).includes(0);
    const declared = ENCODING_DECLARATION.exec(h.toString('latin1'))?.[1];
    if (wide || (declared !== undefined && !/^utf-?8$/i.test(declared.trim()))) this.problem = 'xml_encoding';
  }

  private scan(bytes: Buffer): boolean {
    for (let at = bytes.indexOf('<!'); at !== -1; at = bytes.indexOf('<!', at + 2)) {
      if (declarationAt(bytes, at)) return true;
    }
    return false;
  }
}

// ------------------------------------------------------------------ inflating

/** The compressed bytes handed to the inflater in slices, so it never holds more than one. */
function* slices(data: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** The entry's bytes as stored in the archive (method 0) or inflated as they come (method 8). */
function contentOf(data: Buffer, method: number): AsyncIterable<Buffer> {
  const stored = Readable.from(slices(data), { objectMode: false });
  return method === 0 ? stored : stored.pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
}

interface CentralEntry {
  entry: Entry;
  name: string;
  isFolder: boolean;
  /** Offset of the entry's data: after its local header, whose own name and extra lengths count. */
  dataStart: number;
}

function dataStartOf(buffer: Buffer, entry: Entry): number | null {
  const h = entry.relativeOffsetOfLocalHeader;
  if (h + 30 > buffer.length || buffer.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + buffer.readUInt16LE(h + 26) + buffer.readUInt16LE(h + 28);
  return start + entry.compressedSize > buffer.length ? null : start;
}

async function readDirectory(buffer: Buffer, limits: ArchiveLimits): Promise<CentralEntry[] | ArchiveRefusal> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and checked here (decodeStrings: false) so that every candidate name is
    // seen; sizes are compared with what really inflates (validateEntrySizes: false).
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false });
  } catch {
    return refuse('damaged', limits);
  }
  if (zip.entryCount > limits.maxEntries) return refuse('too_many_entries', limits);
  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.length >= limits.maxEntries) return refuse('too_many_entries', limits);
      const names = namesOf(entry);
      const name = names[0].slice(0, 300);
      if (names.some(isUnsafeEntryName)) return refuse('unsafe_name', limits, name);
      const key = names[0].normalize('NFC').toLowerCase();
      if (seen.has(key)) return refuse('duplicate_name', limits, name);
      seen.add(key);
      if (entry.isEncrypted() || (entry.generalPurposeBitFlag & 0x40) !== 0) return refuse('encrypted', limits, name);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return refuse('unsupported_compression', limits, name);
      if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) return refuse('size_mismatch', limits, name);
      // Declared sizes first: a bomb that tells the truth is refused before anything is inflated.
      declaredTotal += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes || declaredTotal > limits.maxTotalBytes) return refuse('too_large', limits, name);
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        return refuse('compression_ratio', limits, name);
      }
      const dataStart = dataStartOf(buffer, entry);
      if (dataStart === null) return refuse('damaged', limits, name);
      entries.push({ entry, name, isFolder: names[0].endsWith('/'), dataStart });
    }
  } catch {
    // yauzl refuses zip64 fields that are missing or inconsistent, truncated directories, …
    return refuse('damaged', limits);
  }
  return entries;
}

/**
 * Several directory entries pointing into one compressed stream are how a small zip inflates many
 * times over without any one entry looking large (the "overlapping" zip bomb).
 */
function firstOverlap(entries: CentralEntry[]): CentralEntry | null {
  const spans = entries
    .map((e) => ({ e, start: e.entry.relativeOffsetOfLocalHeader, end: e.dataStart + e.entry.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return spans[i].e;
  return null;
}

/**
 * Inspects a zip archive in memory: see the file comment. `watch` may return a watcher for an
 * entry (by name) that sees the entry's inflated bytes; it must not keep them.
 */
export async function inspectZip(
  bytes: Uint8Array,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
  watch?: (name: string) => EntryWatcher | undefined,
): Promise<ArchiveVerdict> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = await readDirectory(buffer, limits);
  if (!Array.isArray(directory)) return directory;
  const overlap = firstOverlap(directory);
  if (overlap) return refuse('overlapping_entries', limits, overlap.name);

  const entries: ArchiveEntry[] = [];
  let total = 0;
  for (const { entry, name, isFolder, dataStart } of directory) {
    const data = buffer.subarray(dataStart, dataStart + entry.compressedSize);
    const watcher = isFolder ? undefined : watch?.(name);
    const xml = XML_NAME.test(name) ? new XmlSniffer() : null;
    let size = 0;
    try {
      for await (const chunk of contentOf(data, entry.compressionMethod)) {
        size += chunk.length;
        total += chunk.length;
        // Returning from the loop destroys the inflater: nothing past a cap is ever produced.
        if (size > entry.uncompressedSize) return refuse('size_mismatch', limits, name);
        if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) return refuse('too_large', limits, name);
        if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, entry.compressedSize)) return refuse('compression_ratio', limits, name);
        if (xml) {
          xml.push(chunk);
          if (xml.problem) return refuse(xml.problem, limits, name);
        }
        watcher?.(chunk);
      }
      xml?.end();
      if (xml?.problem) return refuse(xml.problem, limits, name);
    } catch {
      return refuse('damaged', limits, name);
    }
    if (size !== entry.uncompressedSize) return refuse('size_mismatch', limits, name);
    entries.push({ name, size });
  }
  return { ok: true, entries, inflatedBytes: total };
}
