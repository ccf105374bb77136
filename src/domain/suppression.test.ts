import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  isSuppressed,
  Relations,
  SECONDARY_SUPPRESSION_MARKER,
  suppressCount,
  suppressedMarker,
  suppressionLegendSv,
  suppressRelations,
  suppressSeries,
  suppressTable,
} from './suppression.js';

const S = SECONDARY_SUPPRESSION_MARKER;

describe('suppressCount', () => {
  it('hides 1..4 and shows 0 and 5+ with the default threshold', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => suppressCount(n))).toEqual([0, '<5', '<5', '<5', '<5', 5, 6, 100]);
  });

  it('uses the actual threshold in the marker', () => {
    expect([0, 1, 2, 3].map((n) => suppressCount(n, 3))).toEqual([0, '<3', '<3', 3]);
    expect(suppressedMarker(10)).toBe('<10');
  });

  it('hides nothing with threshold 1', () => {
    expect([0, 1, 2].map((n) => suppressCount(n, 1))).toEqual([0, 1, 2]);
  });

  it('rejects counts and thresholds that are not non-negative integers', () => {
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressCount(1.5)).toThrow(RangeError);
    expect(() => suppressCount(Number.NaN)).toThrow(RangeError);
    expect(() => suppressCount(3, 0)).toThrow(RangeError);
    expect(() => suppressCount(3, 2.5)).toThrow(RangeError);
  });
});

describe('suppressTable — primary suppression', () => {
  it('hides small cells; no secondary suppression needed when every line already hides two', () => {
    expect(
      suppressTable([
        [12, 3, 4],
        [15, 2, 1],
      ]),
    ).toEqual({
      cells: [
        [12, '<5', '<5'],
        [15, '<5', '<5'],
      ],
      rowTotals: [19, 18],
      columnTotals: [27, 5, 5],
      grandTotal: 37,
    });
  });

  it('leaves a table without small counts alone, zeros included', () => {
    expect(suppressTable([[10, 0], [0, 25]])).toEqual({
      cells: [
        [10, 0],
        [0, 25],
      ],
      rowTotals: [10, 25],
      columnTotals: [10, 25],
      grandTotal: 35,
    });
  });

  it('accepts the object form and gives the same result as a bare matrix', () => {
    const cells = [
      [10, 3],
      [7, 20],
    ];
    expect(suppressTable({ cells })).toEqual(suppressTable(cells));
  });
});

describe('suppressTable — secondary suppression', () => {
  it('hides a second cell in a row whose total would reveal the small one (classic 2 × 2)', () => {
    // Row 0: 10 + 3 = 13. Showing 10 and 13 would give away the 3, so 10 is hidden too;
    // columns 0 and 1 then have one hidden cell each, so 7 and 20 follow.
    expect(
      suppressTable([
        [10, 3],
        [7, 20],
      ]),
    ).toEqual({
      cells: [
        [S, '<5'],
        [S, S],
      ],
      rowTotals: [13, 27],
      columnTotals: [17, 23],
      grandTotal: 40,
    });
  });

  it('picks the smallest non-zero shown cell as the partner, not a zero', () => {
    // 3 is small; 8 (not the zero, not 50) is hidden with it. The single row means the
    // column totals repeat the cells, so the same happens in the row of column totals.
    expect(suppressTable([[3, 0, 8, 50]])).toEqual({
      cells: [['<5', 0, S, 50]],
      rowTotals: [61],
      columnTotals: ['<5', 0, S, 50],
      grandTotal: 61,
    });
  });

  it('handles one small cell per row when the row totals would reveal them', () => {
    const cells = [
      [20, 3, 15],
      [40, 30, 2],
      [4, 35, 25],
    ];
    // Rows: 3 takes 15 along, 2 takes 30, 4 takes 25. Column 0 then still has one hidden
    // cell (4) next to its shown total, so its smallest other cell (20) goes too.
    // Columns 1 and 2 already hide two or more; every total stays visible.
    const result = suppressTable(cells);
    expect(result).toEqual({
      cells: [
        [S, '<5', S],
        [40, S, '<5'],
        ['<5', 35, S],
      ],
      rowTotals: [38, 72, 64],
      columnTotals: [64, 68, 42],
      grandTotal: 174,
    });
    expectLinesProtected(cells, result, 5);
  });

  it('works in the column direction when every row is already safe', () => {
    // Each row hides two cells, but columns 0 and 1 each hide one next to a shown total.
    expect(
      suppressTable([
        [3, 3],
        [10, 12],
        [20, 30],
      ]),
    ).toEqual({
      cells: [
        ['<5', '<5'],
        [S, S],
        [20, 30],
      ],
      rowTotals: [6, 22, 50],
      columnTotals: [33, 45],
      grandTotal: 78,
    });
  });

  it('hides the total when there is no non-zero cell left to hide', () => {
    // Respondents could tick several options, so the row total (7) is not the cell sum.
    const result = suppressTable({ cells: [[3, 0]], rowTotals: [7] });
    expect(result.cells).toEqual([['<5', 0]]);
    expect(result.rowTotals).toEqual([S]);
  });

  it('protects the row totals against the grand total', () => {
    // Row 0's total (2) and column 0's total (2) are small. The grand total would give the
    // column total back from the other column totals, so column 1's total (70) goes; that
    // column then needs a second hidden cell (30), and the row totals need a second hidden
    // one beside the small row total (30 again, row 1's total).
    const cells = [
      [2, 0],
      [0, 30],
      [0, 40],
    ];
    const result = suppressTable(cells);
    expect(result).toEqual({
      cells: [
        ['<5', 0],
        [0, S],
        [0, 40],
      ],
      rowTotals: ['<5', S, 40],
      columnTotals: ['<5', S],
      grandTotal: 72,
    });
    expectLinesProtected(cells, result, 5);
  });
});

describe('suppressTable — totals and edge cases', () => {
  it('hides totals below the threshold', () => {
    expect(
      suppressTable([
        [1, 2],
        [0, 0],
      ]),
    ).toEqual({
      cells: [
        ['<5', '<5'],
        [0, 0],
      ],
      rowTotals: ['<5', 0],
      columnTotals: ['<5', '<5'],
      grandTotal: '<5',
    });
  });

  it('shows an all-zero table as it is', () => {
    expect(
      suppressTable([
        [0, 0, 0],
        [0, 0, 0],
      ]),
    ).toEqual({
      cells: [
        [0, 0, 0],
        [0, 0, 0],
      ],
      rowTotals: [0, 0],
      columnTotals: [0, 0, 0],
      grandTotal: 0,
    });
  });

  it('handles an empty table', () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 0 });
  });

  it('uses a configurable threshold', () => {
    expect(
      suppressTable(
        [
          [2, 3],
          [1, 10],
        ],
        3,
      ),
    ).toEqual({
      cells: [
        ['<3', S],
        ['<3', S],
      ],
      rowTotals: [5, 11],
      columnTotals: [3, 13],
      grandTotal: 16,
    });
  });

  it('rejects malformed input', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1, -2]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 2]], rowTotals: [3, 4] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 2]], columnTotals: [3] })).toThrow(RangeError);
    expect(() => suppressTable([[1]], 0)).toThrow(RangeError);
  });

  it('tells hidden values from shown ones', () => {
    expect(isSuppressed('<5')).toBe(true);
    expect(isSuppressed(S)).toBe(true);
    expect(isSuppressed(0)).toBe(false);
  });

  it('has a Swedish legend for both signs', () => {
    expect(suppressionLegendSv()).toBe(
      '<5 = mellan 1 och 4; det exakta antalet visas inte så att ingen ska kunna pekas ut. ' +
        '.. = dolt så att små tal inte kan räknas fram ur summorna.',
    );
    expect(suppressionLegendSv(3)).toContain('<3 = mellan 1 och 2');
  });
});

describe('suppressSeries', () => {
  it('hides small values and the smallest other non-zero value when the total is shown', () => {
    expect(suppressSeries([3, 8, 50, 0])).toEqual({ values: ['<5', S, 50, 0], total: 61 });
  });

  it('needs no partner when two values are already hidden', () => {
    expect(suppressSeries([3, 4, 50])).toEqual({ values: ['<5', '<5', 50], total: 57 });
  });

  it('uses a given total and hides it when there is nothing else to hide', () => {
    expect(suppressSeries([3, 0], 12)).toEqual({ values: ['<5', 0], total: S });
  });

  it('does only primary suppression when no total is shown', () => {
    expect(suppressSeries([3, 8, 50], null)).toEqual({ values: ['<5', 8, 50], total: null });
  });

  it('hides a total below the threshold', () => {
    expect(suppressSeries([0, 0, 4])).toEqual({ values: [0, 0, '<5'], total: '<5' });
    expect(suppressSeries([1, 2])).toEqual({ values: ['<5', '<5'], total: '<5' });
  });

  it('uses a configurable threshold', () => {
    expect(suppressSeries([2, 3, 9], undefined, 3)).toEqual({ values: ['<3', S, 9], total: 14 });
  });

  it('rejects malformed input', () => {
    expect(() => suppressSeries([-1])).toThrow(RangeError);
    expect(() => suppressSeries([1], 2.5)).toThrow(RangeError);
  });
});

describe('suppressTable — a reader who knows their own row (insider differencing)', () => {
  // Rows are boards, columns types. Row 0 is the city board, whose viewer sees its row exactly
  // on the board's own page, and the suppressed city table beside it.
  const boards = [
    [7, 6],
    [3, 9],
    [8, 10],
  ];

  it('shows why: in the table for outsiders, the column total minus the known row recovers the small cell', () => {
    const outside = suppressTable(boards);
    expect(outside.cells).toEqual([
      [S, S],
      ['<5', S],
      [8, 10],
    ]);
    expect(outside.columnTotals[0]).toBe(18);
    // What the city board's viewer can compute: 18 − 7 (own, known) − 8 (shown) = 3.
    expect((outside.columnTotals[0] as number) - boards[0][0] - (outside.cells[2][0] as number)).toBe(boards[1][0]);
  });

  it('counts the reader’s own cells as shown, so another board’s small cell is never the only hidden member', () => {
    const reader = suppressTable(boards, 5, { rows: [0] });
    expect(reader.cells).toEqual([
      [S, S],
      ['<5', S],
      [S, S],
    ]);
    expect(reader.columnTotals).toEqual([18, 25]);
    // 18 − 7 = 11 = B1 + B2, both hidden: "<5" and "..", no longer one number.
  });

  it('protects row totals against the grand total when the reader knows their own row total', () => {
    const cells = [
      [2, 3],
      [1, 1],
      [10, 10],
    ];
    const outside = suppressTable(cells);
    expect(outside.rowTotals).toEqual([S, '<5', 20]);
    expect(outside.grandTotal).toBe(27);
    // 27 − 5 (own total, known) − 20 = 2: the other board's total, recovered.
    expect((outside.grandTotal as number) - 5 - (outside.rowTotals[2] as number)).toBe(2);

    const reader = suppressTable(cells, 5, { rows: [0] });
    expect(reader.rowTotals[2]).toBe(S);
    expect([...reader.rowTotals.slice(1), reader.grandTotal].filter(isSuppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the markers on the reader’s own small cells, since the table may be passed on', () => {
    const reader = suppressTable([[2, 8], [6, 9]], 5, { rows: [0] });
    expect(reader.cells[0][0]).toBe('<5');
  });

  it('never picks a known cell to hide when another can be hidden', () => {
    // Column 0: the small 2 needs a partner. An outsider's table takes the smallest, the reader's 6;
    // the reader's table takes the next one, as hiding 6 from its one reader protects nothing.
    const cells = [
      [6, 20],
      [2, 20],
      [9, 20],
    ];
    expect(suppressTable(cells).cells.map((r) => r[0])).toEqual([S, '<5', 9]);
    expect(suppressTable(cells, 5, { rows: [0] }).cells.map((r) => r[0])).toEqual([S, '<5', S]);
  });

  it('takes single known cells too', () => {
    const reader = suppressTable(boards, 5, { cells: [[0, 0]] });
    expect(reader.cells[2][0]).toBe(S);
  });

  it('refuses known rows and cells outside the table', () => {
    expect(() => suppressTable(boards, 5, { rows: [3] })).toThrow(RangeError);
    expect(() => suppressTable(boards, 5, { cells: [[0, 2]] })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

/** Each displayed value is the true count, "<t" for a small count, or ".." for a count hidden to protect one. */
function expectValuesHonest(cells: number[][], result: ReturnType<typeof suppressTable>, threshold: number): void {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: cols }, (_, j) => cells.reduce((a, r) => a + r[j], 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);

  // Each displayed value is either the true count, "<t" for a small count, or ".." for a
  // count hidden only to protect a small one.
  const check = (original: number, shown: Cell) => {
    if (typeof shown === 'number') {
      expect(shown).toBe(original);
      expect(shown >= 1 && shown < threshold).toBe(false);
    } else if (shown === `<${threshold}`) {
      expect(original >= 1 && original < threshold).toBe(true);
    } else {
      expect(shown).toBe(SECONDARY_SUPPRESSION_MARKER);
      expect(original === 0 || original >= threshold).toBe(true);
    }
  };
  cells.forEach((r, i) => r.forEach((v, j) => check(v, result.cells[i][j])));
  rowTotals.forEach((v, i) => check(v, result.rowTotals[i]));
  columnTotals.forEach((v, j) => check(v, result.columnTotals[j]));
  check(grandTotal, result.grandTotal);
}

/** Asserts every invariant of a suppressed table against the original counts. */
function expectLinesProtected(cells: number[][], result: ReturnType<typeof suppressTable>, threshold: number): void {
  const cols = cells.length === 0 ? 0 : cells[0].length;
  expectValuesHonest(cells, result, threshold);

  // Zeros are never hidden when totals are the sums.
  cells.forEach((r, i) => r.forEach((v, j) => v === 0 && expect(result.cells[i][j]).toBe(0)));

  // No additive line (row, column, row totals, column totals) has exactly one hidden member.
  const lines: Cell[][] = [
    ...result.cells.map((r, i) => [...r, result.rowTotals[i]]),
    ...Array.from({ length: cols }, (_, j) => [...result.cells.map((r) => r[j]), result.columnTotals[j]]),
    [...result.rowTotals, result.grandTotal],
    [...result.columnTotals, result.grandTotal],
  ];
  for (const line of lines) expect(line.filter(isSuppressed).length).not.toBe(1);
}

/** Counts skewed towards zero and small numbers, where suppression has work to do. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200 }) },
);

const table = fc
  .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

describe('properties', () => {
  it('leaves no shown total next to exactly one hidden cell and no shown small count', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 8 }), (cells, threshold) => {
        expectLinesProtected(cells, suppressTable(cells, threshold), threshold);
      }),
      { numRuns: 1000 },
    );
  });

  it('does the same with the default threshold', () => {
    fc.assert(
      fc.property(table, (cells) => {
        expectLinesProtected(cells, suppressTable(cells), 5);
      }),
      { numRuns: 500 },
    );
  });

  it('with known rows: no line has exactly one hidden member the reader does not know, and nothing an outsider cannot see is shown (property)', () => {
    fc.assert(
      fc.property(
        table.filter((cells) => cells.length > 0),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (cells, threshold, picks) => {
          const knownRows = [...new Set(picks.map((p) => p % cells.length))];
          const reader = suppressTable(cells, threshold, { rows: knownRows });
          const outside = suppressTable(cells, threshold);
          const knows = (i: number) => knownRows.includes(i);
          // Every value shown to the reader is the true count, markers as for anyone.
          expectValuesHonest(cells, reader, threshold);
          // Hidden for an outsider ⇒ hidden for the reader.
          outside.cells.forEach((r, i) => r.forEach((c, j) => isSuppressed(c) && expect(isSuppressed(reader.cells[i][j])).toBe(true)));
          outside.rowTotals.forEach((c, i) => isSuppressed(c) && expect(isSuppressed(reader.rowTotals[i])).toBe(true));
          outside.columnTotals.forEach((c, j) => isSuppressed(c) && expect(isSuppressed(reader.columnTotals[j])).toBe(true));
          // From the reader's side (known cells are numbers to them), a line with exactly one
          // secret is one where everything else is the reader's own or a shown zero: the secret
          // is then a sum of what the reader knows, e.g. a column total of their own cells only.
          type Member = 'secret' | 'own' | 'zero' | 'shown';
          const member = (c: Cell, i: number | null): Member =>
            i !== null && knows(i) ? 'own' : isSuppressed(c) ? 'secret' : c === 0 ? 'zero' : 'shown';
          const cols = cells[0].length;
          const lines: Member[][] = [
            ...reader.cells.map((r, i) => [...r.map((c) => member(c, i)), member(reader.rowTotals[i], i)]),
            ...Array.from({ length: cols }, (_, j) => [...reader.cells.map((r, i) => member(r[j], i)), member(reader.columnTotals[j], null)]),
            [...reader.rowTotals.map((c, i) => member(c, i)), member(reader.grandTotal, null)],
            [...reader.columnTotals.map((c) => member(c, null)), member(reader.grandTotal, null)],
          ];
          for (const line of lines) {
            if (line.filter((m) => m === 'secret').length === 1) expect(line).not.toContain('shown');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a series with its total never has exactly one hidden member', () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 10 }), fc.integer({ min: 1, max: 8 }), (values, threshold) => {
        const result = suppressSeries(values, undefined, threshold);
        const hidden = [...result.values, result.total as Cell].filter(isSuppressed).length;
        expect(hidden).not.toBe(1);
        result.values.forEach((v, i) => {
          if (typeof v === 'number') expect(v).toBe(values[i]);
          else expect(values[i]).toBeGreaterThan(0);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('suppressRelations — relations as arrays or as a flat set', () => {
  it('a relation given as a range is the relation of its members', () => {
    const set = new Relations();
    set.addRange(10, 3, 4, 99);
    set.add([1, 2, 3]);
    expect(set.size).toBe(2);
    expect(set.members).toEqual([10, 14, 18, 99, 1, 2, 3]);
    expect(set.starts).toEqual([0, 4, 7]);
  });

  it('suppresses alike from arrays and from the flat set (property)', () => {
    fc.assert(
      fc.property(table.filter((cells) => cells.length > 0 && cells[0].length > 0), fc.integer({ min: 1, max: 8 }), (cells, threshold) => {
        // The table with its totals, flat: rows with the row total last, then the column totals and the grand total.
        const width = cells[0].length + 1;
        const values = cells.flatMap((r) => [...r, r.reduce((a, b) => a + b, 0)]);
        for (let j = 0; j < width; j++) values.push(cells.reduce((a, _, i) => a + values[i * width + j], 0));
        const rows = cells.length + 1;
        const arrays = [
          ...Array.from({ length: rows }, (_, i) => Array.from({ length: width }, (_, j) => i * width + j)),
          ...Array.from({ length: width }, (_, j) => Array.from({ length: rows }, (_, i) => i * width + j)),
        ];
        const set = new Relations();
        for (let i = 0; i < rows; i++) set.addRange(i * width, width - 1, 1, i * width + width - 1);
        for (let j = 0; j < width; j++) set.addRange(j, rows - 1, width, (rows - 1) * width + j);
        const fromSet = suppressRelations(values, set, threshold);
        expect(fromSet).toEqual(suppressRelations(values, arrays, threshold));
        // …and as suppressTable, which lays the table out the same way.
        const t = suppressTable(cells, threshold);
        expect(fromSet).toEqual([...t.cells.flatMap((r, i) => [...r, t.rowTotals[i]]), ...t.columnTotals, t.grandTotal]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a relation member outside the values', () => {
    expect(() => suppressRelations([1, 2, 3], [[0, 1, 5]])).toThrow(RangeError);
  });
});
