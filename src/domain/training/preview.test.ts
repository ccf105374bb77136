/**
 * The audit's figure, end to end from the files: 208 distinct participants of 2,679 employees
 * = 7.8 % for Enskede-Årsta-Vantör as of 2019-09-04, whatever shape the files come in.
 */
import { describe, expect, it } from 'vitest';
import { coverageAsOf, laggingUnits } from './coverage.js';
import { isoToExcelSerial } from './dates.js';
import { previewHeadcountImport, previewParticipantImport, type OrgRegister } from './preview.js';
import {
  EAV_BOARD,
  EAV_UNITS,
  ORG_BOARDS,
  ORG_UNITS,
  eavHeadcountRows,
  eavParticipantRows,
  participantTableRows,
  textFile,
  toDelimited,
  xlsxFile,
  type ParticipantFixtureRow,
} from './test-files.js';

const org: OrgRegister = { boards: ORG_BOARDS, units: ORG_UNITS };

const participantFiles: { name: string; filename: string; file: (rows: ParticipantFixtureRow[]) => Uint8Array | Promise<Uint8Array> }[] = [
  {
    name: 'CSV, Windows-1252, semicolon, Swedish headers, ISO dates',
    filename: 'deltagare.csv',
    file: (rows) => textFile(toDelimited(participantTableRows(rows)), 'win1252'),
  },
  {
    name: 'CSV, UTF-8 with BOM, comma, English headers in another order, names with commas, 20190904 dates',
    filename: 'participants.csv',
    file: (rows) =>
      textFile(
        toDelimited(
          [
            ['Completion date', 'Department', 'Full name', 'Board', 'Employee ID', 'Course title'],
            ...rows.map((r) => [r.completedOn.replace(/-/g, ''), r.unit, `${r.name.split(' ')[1]}, ${r.name.split(' ')[0]}`, r.board, r.key, r.course]),
          ],
          ',',
          '\n',
        ),
        'utf8-bom',
      ),
  },
  {
    name: 'XLSX with Excel date serials as numbers, numeric employee numbers and a formula',
    filename: 'deltagare.xlsx',
    file: (rows) =>
      xlsxFile([
        ['Kurs', 'Slutförd', 'Personalnummer', 'Nämnd', 'Avdelning', 'Namn'],
        ...rows.map((r, i) => [
          r.course,
          i === 0 ? { formula: 'DATE(2019,3,2)', result: isoToExcelSerial(r.completedOn) } : isoToExcelSerial(r.completedOn),
          /^\d+$/.test(r.key) ? Number(r.key) : r.key,
          r.board,
          r.unit,
          r.name,
        ]),
      ]),
  },
  {
    name: 'XLSX with real date cells',
    filename: 'deltagare.xlsx',
    file: (rows) =>
      xlsxFile([
        ['Anställningsnummer', 'Förvaltning', 'Enhet', 'Genomförd'],
        ...rows.map((r) => [r.key, r.board, r.unit, new Date(`${r.completedOn}T00:00:00Z`)]),
      ]),
  },
  {
    name: 'UTF-16 tab-separated text with empty lines',
    filename: 'deltagare.txt',
    file: (rows) => {
      const lines = toDelimited(participantTableRows(rows), '\t').split('\r\n');
      lines.splice(150, 0, '', '\t\t', '   ');
      return textFile(lines.join('\r\n') + '\r\n\r\n', 'utf16le-bom');
    },
  },
];

describe('the audit figure: 208 / 2,679 = 7.8 % for Enskede-Årsta-Vantör as of 2019-09-04', () => {
  it.each(participantFiles)('$name', async ({ filename, file }) => {
    const headcounts = await previewHeadcountImport(textFile(toDelimited(eavHeadcountRows()), 'win1252'), 'anstallda.csv', org);
    expect(headcounts.errors).toEqual([]);
    expect(headcounts.unmatched).toEqual([]);
    expect(headcounts.add).toHaveLength(EAV_UNITS.length * 3 + 2);

    const fixture = eavParticipantRows();
    expect(fixture).toHaveLength(215);
    const participants = await previewParticipantImport(await file(fixture), filename, org, { course: 'Webbutbildning' });
    expect(participants.errors).toEqual([]);
    expect(participants.unmatched).toEqual([]);
    expect(participants.rowCount).toBe(215);
    expect(participants.merged).toBe(7);
    expect(participants.add).toHaveLength(208);
    // The first repeat carries an earlier date than the original: that one is kept.
    expect(participants.duplicates[0]).toEqual({ line: 4, keptLine: expect.any(Number) });

    const stored = JSON.stringify(participants.add);
    expect(stored).not.toMatch(/Testperson|Nummer\d|@/i);
    expect(participants.add.filter((r) => r.keyHashed)).toHaveLength(20);

    const coverage = coverageAsOf({ headcounts: headcounts.add, completions: participants.add, asOf: '2019-09-04' });
    const eav = coverage.boards.find((b) => b.boardId === EAV_BOARD.id)!;
    expect(eav).toEqual({
      boardId: EAV_BOARD.id,
      employees: 2679,
      completed: 208,
      percent: 7.8,
      employeesFrom: 'units',
      headcountAsOf: '2019-09-01',
    });
    for (const u of EAV_UNITS) {
      expect(coverage.units.find((x) => x.unitId === u.id)).toMatchObject({ employees: u.employees, completed: u.participants });
    }
    expect(laggingUnits(coverage, 1, { boardId: EAV_BOARD.id })[0]).toMatchObject({ unitId: 'u-forskola', percent: 3.6, missing: 1064 });

    // A later headcount (2020-01-01) applies only from its date.
    const later = coverageAsOf({ headcounts: headcounts.add, completions: participants.add, asOf: '2020-01-01' });
    expect(later.boards.find((b) => b.boardId === EAV_BOARD.id)).toMatchObject({ employees: 2679 + 7 * 40, completed: 208, percent: 7 });
    // Before the 2019-09-01 count, the older one is used and fewer had completed.
    const earlier = coverageAsOf({ headcounts: headcounts.add, completions: participants.add, asOf: '2019-06-30' });
    expect(earlier.boards.find((b) => b.boardId === EAV_BOARD.id)).toMatchObject({ employees: 2679 - 7 * 25, headcountAsOf: '2019-01-01' });
  });

  it('is not moved by completions after the date, and sees them later', async () => {
    const headcounts = await previewHeadcountImport(await xlsxFile(eavHeadcountRows()), 'anstallda.xlsx', org);
    const rows = [...eavParticipantRows(), { ...eavParticipantRows()[0], key: '999999', completedOn: '2019-09-05' }];
    const participants = await previewParticipantImport(textFile(toDelimited(participantTableRows(rows))), 'deltagare.csv', org);
    const at = (asOf: string) =>
      coverageAsOf({ headcounts: headcounts.add, completions: participants.add, asOf }).boards.find((b) => b.boardId === EAV_BOARD.id)!;
    expect(at('2019-09-04')).toMatchObject({ completed: 208, employees: 2679, percent: 7.8 });
    expect(at('2019-09-05')).toMatchObject({ completed: 209, percent: 7.8 });
  });
});

describe('preview', () => {
  it('shows bad rows by line with the reason, and unmatched names, and adds only the good rows', async () => {
    const csv = [
      'Anst.nr;Förvaltning;Enhet;Slutförd',
      '1;Enskede-Årsta-Vantör;Förskoleavdelningen;2019-09-01',
      '2;Enskede-Årsta-Vantör;Förskoleavdelningen;1/9/2019',
      '',
      '3;Skarpnäcks stadsdelsförvaltning;IFO;2019-09-01',
      ';Farsta;Förskoleavdelningen;2019-09-01',
      '4;Farsta;Förskola Okänd;2019-09-01',
    ].join('\r\n');
    const p = await previewParticipantImport(textFile(csv), 'deltagare.csv', org);
    expect(p.add.map((r) => [r.line, r.boardId, r.unitId])).toEqual([[2, 'b-eav', 'u-forskola']]);
    expect(p.errors).toEqual([
      { line: 3, message: 'Slutdatum ”1/9/2019” är inte ett giltigt datum. Använd till exempel 2019-09-04.' },
      { line: 6, message: 'Anställningsnummer saknas.' },
    ]);
    expect(p.unmatched).toMatchObject([
      { kind: 'board', name: 'Skarpnäcks stadsdelsförvaltning', lines: [5] },
      { kind: 'unit', name: 'Förskola Okänd', boardId: 'b-farsta', lines: [7] },
    ]);

    const mapped = await previewParticipantImport(textFile(csv), 'deltagare.csv', {
      ...org,
      mapping: { 'Skarpnäcks stadsdelsförvaltning': 'b-farsta', [p.unmatched[1].key]: 'u-far-forskola' },
    });
    expect(mapped.add.map((r) => [r.line, r.boardId, r.unitId])).toEqual([
      [2, 'b-eav', 'u-forskola'],
      [7, 'b-farsta', 'u-far-forskola'],
    ]);
    expect(mapped.unmatched).toMatchObject([{ kind: 'unit', name: 'IFO', boardId: 'b-farsta', lines: [5] }]);
  });

  it('passes a file error through as the only error', async () => {
    const p = await previewParticipantImport(textFile('Anst.nr;Enhet\n"1;x\n'), 'deltagare.xlsx', org);
    expect(p.add).toEqual([]);
    expect(p.errors).toEqual([{ line: 0, message: expect.stringMatching(/heter ”\.xlsx”/) }]);
    const broken = await previewHeadcountImport(textFile('Förvaltning;Enhet;Antal;Datum\nFarsta;"IFO;3;2019-09-01\n'), 'a.csv', org);
    expect(broken.errors).toEqual([{ line: 2, message: expect.stringMatching(/stängs aldrig/) }]);
  });
});
