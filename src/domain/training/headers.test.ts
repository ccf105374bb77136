import { describe, expect, it } from 'vitest';
import {
  HEADCOUNT_COLUMNS,
  PARTICIPANT_COLUMNS,
  PARTICIPANT_REQUIREMENTS,
  headcountRequirements,
  headerKey,
  mapHeaders,
} from './headers.js';

const headcounts = (header: string[], needAsOf = true) => mapHeaders(header, HEADCOUNT_COLUMNS, headcountRequirements(needAsOf));
const participants = (header: string[]) => mapHeaders(header, PARTICIPANT_COLUMNS, PARTICIPANT_REQUIREMENTS);

describe('headerKey', () => {
  it.each([
    ['Anst.nr', 'anstnr'],
    ['ANSTÄLLNINGSNUMMER', 'anstallningsnummer'],
    [' Antal  anställda ', 'antalanstallda'],
    ['E-post', 'epost'],
    ['Användar-ID', 'anvandarid'],
    ['Per\u00a0datum', 'perdatum'],
    ['Fo\u0308rvaltning', 'forvaltning'], // decomposed ö (macOS)
  ])('%j → %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('headcount headers', () => {
  it.each([
    [['Förvaltning', 'Enhet', 'Antal anställda', 'Per datum'], { board: 0, unit: 1, employees: 2, asOf: 3 }],
    [['Per datum', 'antal', 'AVDELNING', 'nämnd'], { asOf: 0, employees: 1, unit: 2, board: 3 }],
    [['Board', 'Unit', 'Headcount', 'As of'], { board: 0, unit: 1, employees: 2, asOf: 3 }],
    [['date', 'employees', 'unit', 'board'], { asOf: 0, employees: 1, unit: 2, board: 3 }],
    [['Förvaltningskod', 'Kostnadsställe', 'Anställda', 'Datum'], { boardCode: 0, unitCode: 1, employees: 2, asOf: 3 }],
  ])('%j', (header, columns) => {
    expect(headcounts(header)).toEqual({ columns, ignored: [] });
  });

  it('names every missing column in Swedish, with the headers found', () => {
    expect(headcounts(['Förvaltning', 'Namn', 'Datum'])).toEqual({
      error: {
        line: 1,
        message:
          'Kolumnerna för enhet (till exempel ”Enhet” eller ”Avdelning”), antal anställda (till exempel ”Antal anställda” eller ”Anställda”) saknas. Filens rubriker är: ”Förvaltning”, ”Namn”, ”Datum”.',
      },
    });
    expect(headcounts(['Förvaltning', 'Enhet', 'Anställda'])).toMatchObject({
      error: { message: expect.stringMatching(/^Kolumnen för datum \(till exempel ”Per datum” eller ”Datum”\) saknas\./) },
    });
  });

  it('does not need a date column when the import gives the date', () => {
    expect(headcounts(['Förvaltning', 'Enhet', 'Anställda'], false)).toEqual({ columns: { board: 0, unit: 1, employees: 2 }, ignored: [] });
  });
});

describe('participant headers', () => {
  it('maps Swedish headers in any order and ignores names', () => {
    expect(participants(['Efternamn', 'Slutförd', 'Förnamn', 'Enhet', 'Anst.nr', 'Förvaltning', 'Kurs'])).toEqual({
      columns: { completedOn: 1, unit: 3, employeeKey: 4, board: 5, course: 6 },
      ignored: ['Efternamn', 'Förnamn'],
    });
  });

  it('maps English headers', () => {
    expect(participants(['User ID', 'Full name', 'Course title', 'Completion date', 'Department', 'Organization', 'Status'])).toEqual({
      columns: { employeeKey: 0, course: 2, completedOn: 3, unit: 4, board: 5, status: 6 },
      ignored: ['Full name'],
    });
  });

  it('prefers the employee number over an e-mail column, and a completion date over a generic date', () => {
    const r = participants(['E-post', 'Datum', 'Personalnummer', 'Nämnd', 'Enhet', 'Genomförd']);
    expect(r).toEqual({ columns: { employeeKey: 2, board: 3, unit: 4, completedOn: 5 }, ignored: ['E-post', 'Datum'] });
  });

  it('accepts e-mail as the key when there is nothing else, and a generic date', () => {
    expect(participants(['Email', 'Board', 'Unit', 'Date'])).toEqual({ columns: { employeeKey: 0, board: 1, unit: 2, completedOn: 3 }, ignored: [] });
  });

  it('does not require a unit column: such rows count for the board alone', () => {
    expect(participants(['Anst.nr', 'Förvaltning', 'Slutförd'])).toEqual({ columns: { employeeKey: 0, board: 1, completedOn: 2 }, ignored: [] });
  });

  it('names the missing key column', () => {
    expect(participants(['Namn', 'Förvaltning', 'Enhet', 'Slutförd'])).toMatchObject({
      error: { line: 1, message: expect.stringMatching(/^Kolumnen för anställningsnummer \(till exempel ”Anställningsnummer”/) },
    });
  });
});
