import { describe, expect, it } from 'vitest';
import { parseCount, parseHeadcounts } from './parse-headcounts.js';
import type { Table } from './tabular.js';

const table = (header: string[], ...rows: string[][]): Table => ({
  header,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('parseCount', () => {
  it.each([
    ['2679', 2679],
    ['2 679', 2679],
    ['2\u00a0679', 2679],
    ['2\u202f679', 2679],
    ['2,679', 2679],
    ['1.104', 1104],
    ['2679,0', 2679],
    ['0', 0],
    ['1 234 567', 1234567],
  ])('%j → %d', (raw, n) => expect(parseCount(raw)).toBe(n));

  it.each(['', '-5', '2,5', '12.75', 'tolv', '1,23', '2,679.5'])('rejects %j', (raw) => expect(parseCount(raw)).toBeNull());
});

describe('parseHeadcounts', () => {
  it('reads valid rows, board-level rows and explains bad ones by line', () => {
    const t = table(
      ['Per datum', 'Enhet', 'Anställda', 'Förvaltning', 'Namn på chef'],
      ['2019-09-01', 'Förskoleavdelningen', '1 104', 'Enskede-Årsta-Vantörs stadsdelsförvaltning', 'Anna Andersson'],
      ['43709', '', '2679', 'Enskede-Årsta-Vantör', ''],
      ['2019-09-01', 'IFO', '-3', 'Farsta', ''],
      ['', 'IFO', '', '', ''],
      ['1.9.2019', 'Äldre', '12', 'Farsta', ''],
      ['2019-09-01', 'Förskoleavdelningen', '1100', 'Enskede-Årsta-Vantörs stadsdelsförvaltning', ''],
    );
    const r = parseHeadcounts(t);
    expect(r.rows).toEqual([
      {
        line: 2,
        board: 'Enskede-Årsta-Vantörs stadsdelsförvaltning',
        boardCode: null,
        unit: 'Förskoleavdelningen',
        unitCode: null,
        employees: 1104,
        asOf: '2019-09-01',
      },
      { line: 3, board: 'Enskede-Årsta-Vantör', boardCode: null, unit: null, unitCode: null, employees: 2679, asOf: '2019-09-01' },
      { line: 6, board: 'Farsta', boardCode: null, unit: 'Äldre', unitCode: null, employees: 12, asOf: '2019-09-01' },
    ]);
    expect(r.errors).toEqual([
      { line: 4, message: 'Antal anställda ”-3” är inte ett heltal som är 0 eller större.' },
      { line: 5, message: 'Nämnd/förvaltning saknas. Antal anställda saknas. Datum saknas.' },
      {
        line: 7,
        message: 'Enheten ”Förskoleavdelningen” finns redan på rad 2 med samma datum (2019-09-01). Ta bort en av raderna.',
      },
    ]);
    expect(r.ignoredColumns).toEqual(['Namn på chef']);
    expect(JSON.stringify(r.rows)).not.toContain('Anna');
  });

  it('uses the date given for the import when the file has none', () => {
    const r = parseHeadcounts(table(['Förvaltning', 'Enhetskod', 'Antal'], ['Farsta', 'FAR-30', '310']), { asOf: '2019-09-01' });
    expect(r.rows).toEqual([{ line: 2, board: 'Farsta', boardCode: null, unit: 'FAR-30', unitCode: 'FAR-30', employees: 310, asOf: '2019-09-01' }]);
    expect(r.errors).toEqual([]);
  });

  it('returns the header problem as the only error', () => {
    const r = parseHeadcounts(table(['Förvaltning', 'Antal'], ['Farsta', '3']));
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.fileError).toEqual({ line: 1, message: expect.stringMatching(/^Kolumnerna för enhet .*, datum .* saknas\./) });
  });
});
