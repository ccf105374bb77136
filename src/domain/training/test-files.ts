/**
 * Test fixtures: files in the shapes HR systems and learning platforms export, built in memory.
 * Only imported by tests.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'win1252' | 'utf16le-bom';

export function textFile(text: string, encoding: TextEncoding = 'utf8'): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return new TextEncoder().encode(text);
    case 'utf8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'win1252':
      return new Uint8Array(iconv.encode(text, 'win1252'));
    case 'utf16le-bom':
      return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]);
  }
}

/** Rows → delimited text, quoting cells that contain the separator, quotes or line breaks. */
export function toDelimited(rows: (string | number)[][], separator = ';', newline = '\r\n'): string {
  const quote = (cell: string | number) => {
    const s = String(cell);
    return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(separator)).join(newline) + newline;
}

export type XlsxCell = string | number | Date | null | { formula: string; result?: string | number | Date };

/** A workbook whose first sheet holds the rows (row 1 = first row), as an .xlsx file. */
export async function xlsxFile(rows: XlsxCell[][], options: { dateFormat?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Blad1');
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = options.dateFormat ?? 'yyyy-mm-dd';
    });
  });
  workbook.addWorksheet('Blad2').getCell(1, 1).value = 'Ska inte läsas';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

// ---------------------------------------------------------------- the audit case

export const EAV_BOARD = { id: 'b-eav', name: 'Enskede-Årsta-Vantör', code: 'SDF-EAV' };
export const FARSTA_BOARD = { id: 'b-farsta', name: 'Farsta', code: 'SDF-FAR' };

/** EÅV units with the headcount of 2019-09-01 (sum 2,679) and the distinct participants by then. */
export const EAV_UNITS = [
  { id: 'u-forskola', name: 'Förskoleavdelningen', code: 'EAV-10', employees: 1104, participants: 40 },
  { id: 'u-aldre', name: 'Äldreomsorgsavdelningen', code: 'EAV-20', employees: 612, participants: 30 },
  { id: 'u-ifo', name: 'Individ- och familjeomsorg', code: 'EAV-30', employees: 398, participants: 95 },
  { id: 'u-funk', name: 'Avdelningen för funktionsnedsättning', code: 'EAV-40', employees: 341, participants: 25 },
  { id: 'u-kultur', name: 'Kultur, fritid och stadsmiljö', code: 'EAV-50', employees: 96, participants: 8 },
  { id: 'u-admin', name: 'Administrativa avdelningen', code: 'EAV-60', employees: 88, participants: 7 },
  { id: 'u-ledning', name: 'Ledningskansliet', code: 'EAV-70', employees: 40, participants: 3 },
] as const;

export const FARSTA_UNITS = [
  { id: 'u-far-ifo', name: 'Individ- och familjeomsorg', code: 'FAR-30', employees: 310 },
  { id: 'u-far-forskola', name: 'Förskoleavdelningen', code: 'FAR-10', employees: 870 },
] as const;

export const ORG_BOARDS = [EAV_BOARD, FARSTA_BOARD];
export const ORG_UNITS = [
  ...EAV_UNITS.map((u) => ({ id: u.id, boardId: EAV_BOARD.id, name: u.name, code: u.code })),
  ...FARSTA_UNITS.map((u) => ({ id: u.id, boardId: FARSTA_BOARD.id, name: u.name, code: u.code })),
];

/** HR headcount rows with history: an older and a later count around the audit's 2019-09-01. */
export function eavHeadcountRows(): string[][] {
  const rows: string[][] = [['Förvaltning', 'Enhet', 'Antal anställda', 'Per datum']];
  const board = 'Enskede-Årsta-Vantörs stadsdelsförvaltning';
  for (const u of EAV_UNITS) rows.push([board, u.name, String(u.employees - 25), '2019-01-01']);
  for (const u of EAV_UNITS) rows.push([board, u.name, u.employees.toLocaleString('sv-SE'), '2019-09-01']);
  for (const u of EAV_UNITS) rows.push([board, u.name, String(u.employees + 40), '2020-01-01']);
  for (const u of FARSTA_UNITS) rows.push(['Farsta stadsdelsförvaltning', u.name, String(u.employees), '2019-09-01']);
  return rows;
}

export interface ParticipantFixtureRow {
  key: string;
  name: string;
  board: string;
  unit: string;
  course: string;
  completedOn: string;
}

const COURSE = 'Webbutbildning om våldsbejakande extremism';

/**
 * 215 participant rows for EÅV completed before 2019-09-04: 208 distinct people, 7 of them listed
 * twice (one of the repeats carries an earlier date than the first row). Every 10th person is
 * identified by e-mail instead of employee number; the names are fake and must never be kept.
 */
export function eavParticipantRows(): ParticipantFixtureRow[] {
  const rows: ParticipantFixtureRow[] = [];
  let n = 0;
  for (const u of EAV_UNITS) {
    for (let i = 0; i < u.participants; i++) {
      n++;
      const day = 1 + (n % 28);
      const month = 3 + (n % 6); // March–August 2019
      rows.push({
        key: n % 10 === 0 ? `Person.${n}@Stockholm.se` : String(100000 + n),
        name: `Testperson Nummer${n}`,
        board: 'Enskede-Årsta-Vantörs stadsdelsförvaltning',
        unit: n % 3 === 0 ? u.name.toUpperCase() : u.name,
        course: COURSE,
        completedOn: `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      });
    }
  }
  const repeats = [3, 10, 47, 88, 120, 150, 201].map((i) => rows[i - 1]);
  repeats.forEach((r, i) => {
    rows.push({ ...r, key: i === 1 ? r.key.toLowerCase() : r.key, completedOn: i === 0 ? '2019-02-15' : '2019-09-02' });
  });
  return rows;
}

export const EAV_PARTICIPANT_HEADER = ['Namn', 'Anst.nr', 'Förvaltning', 'Enhet', 'Kurs', 'Slutförd'];

export function participantTableRows(rows: ParticipantFixtureRow[]): string[][] {
  return [EAV_PARTICIPANT_HEADER, ...rows.map((r) => [r.name, r.key, r.board, r.unit, r.course, r.completedOn])];
}
