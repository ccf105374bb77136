/**
 * Participant lists from the learning platform. Only what coverage needs is kept: an employee key,
 * where the person works, the course and the completion date — or, for a row marked started
 * (påbörjad, pågående), that it was started and when. Names and any other columns are
 * never read. A key that is an e-mail address or a personnummer is replaced by its SHA-256
 * (or, with a pepper, HMAC-SHA-256) in hex.
 */
import type { Table } from './tabular.js';
import { PARTICIPANT_COLUMNS, PARTICIPANT_REQUIREMENTS, cellOf, headerKey, mapHeaders } from './headers.js';
import { readDateCell } from './dates.js';
import type { OrgRef, ParseResult, RowError } from './parse-headcounts.js';

export interface ParticipantRow extends OrgRef {
  /** Employee number as written (normalised), or a 64-hex hash of an e-mail address / personnummer. */
  employeeKey: string;
  keyHashed: boolean;
  course: string | null;
  /** The completion date; for a started row, the date in the file or else the import's date. */
  completedOn: string;
  /** The row says the course is started (påbörjad, pågående), not completed. */
  started: boolean;
}

export interface ParseParticipantsOptions {
  /** Course for rows without one (e.g. the course chosen in the import dialog). */
  course?: string;
  /** Secret mixed into the hash of e-mail addresses and personnummer (HMAC-SHA-256). */
  pepper?: string;
  /** The import's date (YYYY-MM-DD): the date of a started row that has none. */
  today?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A personnummer or samordningsnummer normalised to 10 digits (YYMMDDNNNC), or null when the value
 * does not look like one. With a separator (-/+) or 12 digits a valid date suffices; 10 bare digits
 * must also pass the check digit so that ordinary employee numbers are not taken for one.
 */
export function normalisePersonnummer(raw: string): string | null {
  const s = raw.replace(/\s+/g, '');
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+])?(\d{4})$/.exec(s);
  if (!m) return null;
  const [, century, yy, mm, dd, sep, tail] = m;
  if (century !== undefined && century !== '19' && century !== '20' && century !== '18') return null;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12) return null;
  if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return null;
  const ten = `${yy}${mm}${dd}${tail}`;
  if (!sep && century === undefined && !luhnOk(ten)) return null;
  return ten;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(value: string, pepper?: string): Promise<string> {
  const data = new TextEncoder().encode(value);
  const subtle = globalThis.crypto.subtle;
  if (pepper) {
    const key = await subtle.importKey('raw', new TextEncoder().encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return hex(await subtle.sign('HMAC', key, data));
  }
  return hex(await subtle.digest('SHA-256', data));
}

/**
 * The stored key for a raw key cell: e-mail (lower case) and personnummer (10 digits) are hashed;
 * other keys are trimmed, upper-cased, without inner spaces, and numeric keys lose leading zeros
 * (Excel drops them, so "00123" and "123" are the same employee).
 */
export async function employeeKeyOf(raw: string, pepper?: string): Promise<{ key: string; hashed: boolean } | null> {
  const s = raw.trim();
  if (s === '') return null;
  if (EMAIL.test(s)) return { key: await sha256Hex(s.toLowerCase(), pepper), hashed: true };
  const pnr = normalisePersonnummer(s);
  if (pnr) return { key: await sha256Hex(pnr, pepper), hashed: true };
  const compact = s.replace(/\s+/g, '').toUpperCase();
  return { key: /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact, hashed: false };
}

/** Started, not completed: kept as started, so coverage can show started and completed apart. */
const STARTED = new Set(['pågående', 'pågår', 'påbörjad', 'påbörjat', 'startad', 'in progress', 'started'].map(headerKey));

const NOT_COMPLETED = new Set(
  [
    'ej slutförd', 'inte slutförd', 'ej slutfört', 'ej genomförd', 'inte genomförd', 'ej genomfört', 'ej klar',
    'ej påbörjad', 'ej startad', 'inte startad', 'anmäld', 'registrerad',
    'underkänd', 'avbruten', 'nej',
    'not started', 'not completed', 'incomplete', 'enrolled', 'registered', 'failed', 'no',
  ].map(headerKey),
);

export interface ParseParticipantsResult extends ParseResult<ParticipantRow> {
  /** Rows whose status says the course was neither completed nor started; not errors, just not counted. */
  skipped: RowError[];
  fileError?: RowError;
}

export async function parseParticipants(table: Table, options: ParseParticipantsOptions = {}): Promise<ParseParticipantsResult> {
  const mapped = mapHeaders(table.header, PARTICIPANT_COLUMNS, PARTICIPANT_REQUIREMENTS, table.headerLine);
  if ('error' in mapped) return { rows: [], errors: [mapped.error], skipped: [], ignoredColumns: [], fileError: mapped.error };
  const { columns, ignored } = mapped;

  const rows: ParticipantRow[] = [];
  const errors: RowError[] = [];
  const skipped: RowError[] = [];

  for (const { line, cells } of table.rows) {
    const status = cellOf(cells, columns, 'status');
    if (status && NOT_COMPLETED.has(headerKey(status))) {
      skipped.push({ line, message: `Inte slutförd (status ”${status}”).` });
      continue;
    }
    const started = !!status && STARTED.has(headerKey(status));
    const problems: string[] = [];
    const key = await employeeKeyOf(cellOf(cells, columns, 'employeeKey'), options.pepper);
    if (!key) problems.push('Anställningsnummer saknas.');

    const boardName = cellOf(cells, columns, 'board');
    const boardCode = cellOf(cells, columns, 'boardCode') || null;
    if (!boardName && !boardCode) problems.push('Nämnd/förvaltning saknas.');
    const unitName = cellOf(cells, columns, 'unit');
    const unitCode = cellOf(cells, columns, 'unitCode') || null;

    const dateCell = cellOf(cells, columns, 'completedOn');
    const date = started && !dateCell.trim() && options.today ? { date: options.today } : readDateCell(dateCell, started ? 'Datum' : 'Slutdatum');
    if ('error' in date) problems.push(date.error);

    if (problems.length > 0 || !key || 'error' in date) {
      errors.push({ line, message: problems.join(' ') });
      continue;
    }
    rows.push({
      line,
      employeeKey: key.key,
      keyHashed: key.hashed,
      board: boardName || boardCode!,
      boardCode,
      unit: unitName || unitCode || null,
      unitCode,
      course: cellOf(cells, columns, 'course') || options.course || null,
      completedOn: date.date,
      started,
    });
  }
  return { rows, errors, skipped, ignoredColumns: ignored };
}
