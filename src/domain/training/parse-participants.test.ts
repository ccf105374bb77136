import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { employeeKeyOf, normalisePersonnummer, parseParticipants, sha256Hex } from './parse-participants.js';
import type { Table } from './tabular.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const table = (header: string[], ...rows: string[][]): Table => ({
  header,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('sha256Hex', () => {
  it('is SHA-256 in hex, or HMAC-SHA-256 with a pepper', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('abc', 'hemlig')).toBe(createHmac('sha256', 'hemlig').update('abc').digest('hex'));
  });
});

describe('normalisePersonnummer', () => {
  it.each([
    ['19811218-9876', '8112189876'],
    ['811218-9876', '8112189876'],
    ['811218+9876', '8112189876'],
    ['198112189876', '8112189876'],
    ['8112189876', '8112189876'], // passes the check digit
    ['811278-9874', '8112789874'], // samordningsnummer (day + 60)
    ['19811218 - 9876', '8112189876'],
  ])('%j → %j', (raw, pnr) => expect(normalisePersonnummer(raw)).toBe(pnr));

  it.each(['8112189875', '123456', '811318-9876', '811200-9876', '20811218', 'A8112189876', '218112189876'])('%j is not one', (raw) =>
    expect(normalisePersonnummer(raw)).toBeNull(),
  );
});

describe('employeeKeyOf', () => {
  it('hashes e-mail addresses (case-insensitively) and personnummer (any form)', async () => {
    const email = await employeeKeyOf(' Anna.Andersson@Stockholm.se ');
    expect(email).toEqual({ key: sha('anna.andersson@stockholm.se'), hashed: true });
    expect(await employeeKeyOf('anna.andersson@stockholm.se')).toEqual(email);
    const pnr = await employeeKeyOf('19811218-9876');
    expect(pnr).toEqual({ key: sha('8112189876'), hashed: true });
    expect(await employeeKeyOf('811218-9876')).toEqual(pnr);
    expect(await employeeKeyOf('8112189876')).toEqual(pnr);
  });

  it('keeps employee numbers, without leading zeros (Excel drops them), inner spaces or case', async () => {
    expect(await employeeKeyOf('00123')).toEqual({ key: '123', hashed: false });
    expect(await employeeKeyOf('123')).toEqual({ key: '123', hashed: false });
    expect(await employeeKeyOf('0')).toEqual({ key: '0', hashed: false });
    expect(await employeeKeyOf(' ab 12 ')).toEqual({ key: 'AB12', hashed: false });
    expect(await employeeKeyOf('  ')).toBeNull();
  });
});

describe('parseParticipants', () => {
  it('keeps only key, organisation, course and date; never names', async () => {
    const t = table(
      ['Förnamn', 'Efternamn', 'E-post', 'Anst.nr', 'Förvaltning', 'Enhet', 'Kurs', 'Slutförd'],
      ['Anna', 'Andersson', 'anna@stockholm.se', '00104', 'EÅV sdf', 'IFO', 'Grundkurs', '43712'],
      ['Bertil', 'Berg', 'bertil@stockholm.se', '', 'EÅV sdf', 'IFO', 'Grundkurs', '2019-09-04'],
      ['Cecilia', 'Ceder', 'cecilia@stockholm.se', '19811218-9876', 'EÅV sdf', '', '', '04.09.2019'],
      ['David', 'Dahl', '', '105', '', 'IFO', 'Grundkurs', 'igår'],
    );
    const r = await parseParticipants(t, { course: 'Webbutbildning' });
    expect(r.rows).toEqual([
      {
        line: 2,
        employeeKey: '104',
        keyHashed: false,
        board: 'EÅV sdf',
        boardCode: null,
        unit: 'IFO',
        unitCode: null,
        course: 'Grundkurs',
        completedOn: '2019-09-04',
        started: false,
      },
      {
        line: 4,
        employeeKey: sha('8112189876'),
        keyHashed: true,
        board: 'EÅV sdf',
        boardCode: null,
        unit: null,
        unitCode: null,
        course: 'Webbutbildning',
        completedOn: '2019-09-04',
        started: false,
      },
    ]);
    expect(r.errors).toEqual([
      { line: 3, message: 'Anställningsnummer saknas.' },
      {
        line: 5,
        message: 'Nämnd/förvaltning saknas. Slutdatum ”igår” är inte ett giltigt datum. Använd till exempel 2019-09-04.',
      },
    ]);
    expect(r.ignoredColumns).toEqual(['Förnamn', 'Efternamn', 'E-post']);
    const stored = JSON.stringify(r);
    for (const secret of ['Anna', 'Andersson', 'Cecilia', 'anna@', '19811218', '811218']) expect(stored).not.toContain(secret);
  });

  it('uses e-mail as the key when it is the only key column, hashed', async () => {
    const r = await parseParticipants(table(['Email', 'Board', 'Unit', 'Completion date'], ['Eva@Example.org', 'Farsta', 'IFO', '2019-09-04']));
    expect(r.rows[0]).toMatchObject({ employeeKey: sha('eva@example.org'), keyHashed: true, course: null });
  });

  it('keeps rows marked started as started, skips rows not started, without calling them errors', async () => {
    const r = await parseParticipants(
      table(
        ['Anst.nr', 'Förvaltning', 'Enhet', 'Status', 'Slutförd'],
        ['1', 'Farsta', 'IFO', 'Slutförd', '2019-09-04'],
        ['2', 'Farsta', 'IFO', 'Pågående', ''],
        ['3', 'Farsta', 'IFO', 'Not started', ''],
        ['4', 'Farsta', 'IFO', 'Godkänd', ''],
      ),
      { today: '2019-09-10' },
    );
    expect(r.rows.map((x) => [x.employeeKey, x.started, x.completedOn])).toEqual([
      ['1', false, '2019-09-04'],
      ['2', true, '2019-09-10'],
    ]);
    expect(r.skipped).toEqual([{ line: 4, message: 'Inte slutförd (status ”Not started”).' }]);
    expect(r.errors).toEqual([{ line: 5, message: 'Slutdatum saknas.' }]);
  });

  it.each(['påbörjad', 'Påbörjad', 'PÅGÅENDE', 'pågår', 'In progress'])('a row marked %j is started, dated by the file when it has a date', async (status) => {
    const r = await parseParticipants(table(['Anst.nr', 'Förvaltning', 'Status', 'Datum'], ['7', 'Farsta', status, '2019-05-02']), { today: '2019-09-10' });
    expect(r.rows).toEqual([expect.objectContaining({ employeeKey: '7', started: true, completedOn: '2019-05-02' })]);
    expect(r.skipped).toEqual([]);
  });

  it.each(['Ej påbörjad', 'Not started', 'Anmäld', 'Avbruten'])('a row marked %j is neither started nor completed: skipped', async (status) => {
    const r = await parseParticipants(table(['Anst.nr', 'Förvaltning', 'Status', 'Datum'], ['7', 'Farsta', status, '2019-05-02']), { today: '2019-09-10' });
    expect(r.rows).toEqual([]);
    expect(r.skipped).toHaveLength(1);
  });

  it('reports a missing column as a file error', async () => {
    const r = await parseParticipants(table(['Namn', 'Enhet', 'Slutförd'], ['Anna', 'IFO', '2019-09-04']));
    expect(r.rows).toEqual([]);
    expect(r.fileError?.message).toMatch(/^Kolumnerna för anställningsnummer .*, nämnd\/förvaltning .* saknas\./);
  });
});
