import { describe, expect, it } from 'vitest';
import { analyseHeadcountImport, analyseParticipantImport, sameCourse } from './analyse.js';
import { EAV_BOARD, FARSTA_BOARD, ORG_BOARDS, ORG_UNITS, textFile } from './test-files.js';

const org = { boards: ORG_BOARDS, units: ORG_UNITS };
const csv = (...lines: string[]) => textFile(lines.join('\r\n'));

describe('analyseHeadcountImport', () => {
  it('creates unknown units under known boards, refuses unknown boards by line, and keeps board totals', async () => {
    const a = await analyseHeadcountImport(
      csv(
        'Nämnd;Enhet;Antal anställda;Datum',
        'Farsta;Individ- och familjeomsorg;310;2019-09-04',
        'Farsta;Ny enhet;12;2019-09-04',
        'Farsta;NY ENHET;13;2020-01-01',
        'Okänd nämnd;IFO;5;2019-09-04',
        'Enskede-Årsta-Vantör;;2679;2019-09-04',
      ),
      'hc.csv',
      org,
      'all',
    );
    expect(a.errors).toEqual([{ line: 5, message: expect.stringMatching(/^Nämnden ”Okänd nämnd” finns inte i Värna/) }]);
    expect(a.unitsToCreate).toEqual([{ key: `${FARSTA_BOARD.id}/nyenhet`, boardId: FARSTA_BOARD.id, name: 'Ny enhet', code: null, lines: [3, 4] }]);
    expect(a.add.map((r) => [r.line, r.boardId, r.unitId, r.newUnit, r.employees])).toEqual([
      [2, FARSTA_BOARD.id, 'u-far-ifo', null, 310],
      [3, FARSTA_BOARD.id, null, `${FARSTA_BOARD.id}/nyenhet`, 12],
      [4, FARSTA_BOARD.id, null, `${FARSTA_BOARD.id}/nyenhet`, 13],
      [6, EAV_BOARD.id, null, null, 2679],
    ]);
    expect(a.unmatched.map((u) => [u.kind, u.name, u.fallback])).toEqual([
      ['unit', 'Ny enhet', 'create'],
      ['board', 'Okänd nämnd', 'error'],
    ]);
  });

  it('maps an unknown board and an unknown unit to existing ones when the user chose them', async () => {
    const file = csv('Nämnd;Enhet;Antal anställda;Datum', 'Farstas sdf;IFO-gruppen;300;2019-09-04', 'Okänd;IFO;5;2019-09-04');
    const a = await analyseHeadcountImport(file, 'hc.csv', { ...org, mapping: { Okänd: EAV_BOARD.id, [`${FARSTA_BOARD.id}/ifogruppen`]: 'u-far-ifo' } }, 'all');
    expect(a.errors).toEqual([]);
    expect(a.add.map((r) => [r.boardId, r.unitId, r.newUnit])).toEqual([
      [FARSTA_BOARD.id, 'u-far-ifo', null],
      [EAV_BOARD.id, null, `${EAV_BOARD.id}/ifo`],
    ]);
  });

  it('refuses two counts for the same unit and date once names are mapped together', async () => {
    const file = csv('Nämnd;Enhet;Antal anställda;Datum', 'Farsta;IFO-gruppen;300;2019-09-04', 'Farsta;Individ- och familjeomsorg;310;2019-09-04');
    const a = await analyseHeadcountImport(file, 'hc.csv', { ...org, mapping: { [`${FARSTA_BOARD.id}/ifogruppen`]: 'u-far-ifo' } }, 'all');
    expect(a.add.map((r) => r.line)).toEqual([2]);
    expect(a.errors).toEqual([{ line: 3, message: 'Samma enhet och datum (2019-09-04) som på rad 2. Ta bort en av raderna.' }]);
  });

  it('refuses rows for boards outside the importer’s scope', async () => {
    const a = await analyseHeadcountImport(
      csv('Nämnd;Enhet;Antal anställda;Datum', 'Farsta;Ny;1;2019-09-04', 'Enskede-Årsta-Vantör;Förskoleavdelningen;2;2019-09-04'),
      'hc.csv',
      org,
      [EAV_BOARD.id],
    );
    expect(a.errors).toEqual([{ line: 2, message: 'Raden gäller Farsta. Du kan bara importera uppgifter för Enskede-Årsta-Vantör.' }]);
    expect(a.unitsToCreate).toEqual([]);
    expect(a.add).toHaveLength(1);
  });

  it('passes a broken file through as a single error with its line', async () => {
    const a = await analyseHeadcountImport(csv('Nämnd;Enhet;Antal;Datum', 'Farsta;"IFO;3;2019-09-01'), 'a.csv', org, 'all');
    expect(a.errors).toEqual([{ line: 2, message: expect.stringMatching(/stängs aldrig/) }]);
  });
});

describe('analyseParticipantImport', () => {
  const opts = { courseName: 'Webbaserad grundutbildning om våldsbejakande extremism', pepper: 'p' };

  it('puts rows with an unknown unit on the board alone, merges duplicates and skips other courses', async () => {
    const a = await analyseParticipantImport(
      csv(
        'Anst.nr;Förvaltning;Enhet;Kurs;Slutförd',
        '1;Farsta;Individ- och familjeomsorg;Webbaserad grundutbildning om våldsbejakande extremism;2019-05-01',
        '2;Farsta;Okänd enhet;grundutbildning om våldsbejakande extremism;2019-05-02',
        '1;Farsta;Individ- och familjeomsorg;Webbaserad grundutbildning om våldsbejakande extremism;2019-04-01',
        '3;Farsta;Individ- och familjeomsorg;Fördjupning;2019-05-01',
        '4;Ingenstans;;;2019-05-01',
      ),
      'p.csv',
      org,
      'all',
      opts,
    );
    expect(a.add.map((r) => [r.line, r.employeeKey, r.unitId, r.completedOn])).toEqual([
      [4, '1', 'u-far-ifo', '2019-04-01'],
      [3, '2', null, '2019-05-02'],
    ]);
    expect(a.merged).toBe(1);
    expect(a.duplicates).toEqual([{ line: 2, keptLine: 4 }]);
    expect(a.skipped).toEqual([{ line: 5, message: 'Gäller en annan kurs (”Fördjupning”).' }]);
    expect(a.errors.map((e) => e.line)).toEqual([6]);
    expect(a.unmatched.map((u) => [u.kind, u.name, u.fallback])).toEqual([
      ['unit', 'Okänd enhet', 'board'],
      ['board', 'Ingenstans', 'error'],
    ]);
  });

  it('hashes e-mail keys with the pepper and refuses other boards for a local importer', async () => {
    const a = await analyseParticipantImport(
      csv('E-post;Förvaltning;Slutförd', 'anna@example.se;Farsta;2019-05-01', 'bo@example.se;Enskede-Årsta-Vantör;2019-05-01'),
      'p.csv',
      org,
      [FARSTA_BOARD.id],
      opts,
    );
    expect(a.add).toHaveLength(1);
    expect(a.add[0].employeeKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a)).not.toContain('anna');
    expect(a.errors).toEqual([{ line: 3, message: 'Raden gäller Enskede-Årsta-Vantör. Du kan bara importera uppgifter för Farsta.' }]);
  });
});

describe('sameCourse', () => {
  it.each([
    ['Webbaserad grundutbildning om våldsbejakande extremism', true],
    ['WEBBASERAD GRUNDUTBILDNING OM VÅLDSBEJAKANDE EXTREMISM', true],
    ['Grundutbildning om våldsbejakande extremism', true],
    ['Fördjupning', false],
    ['', true],
  ])('%j', (cell, same) => expect(sameCourse(cell, 'Webbaserad grundutbildning om våldsbejakande extremism')).toBe(same));
});
