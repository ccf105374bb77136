import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECONDARY_SUPPRESSION_MARKER as S, suppressTable, type Cell } from '../suppression.js';
import { suppressLinkedTables } from './linked-suppression.js';
import { suppressRelations } from '../suppression.js';

const hidden = (c: Cell) => typeof c === 'string';

/** Every additive relation of the linked tables has zero or at least two hidden members. */
function expectProtected(rowTotals: number[], tables: Record<string, number[][]>, threshold: number) {
  const r = suppressLinkedTables({ rowTotals, tables }, threshold);
  const count = (xs: Cell[]) => xs.filter(hidden).length;
  expect(count([...r.rowTotals, r.grandTotal]), 'row totals vs grand total').not.toBe(1);
  for (const [key, t] of Object.entries(r.tables)) {
    t.cells.forEach((row, i) => expect(count([...row, r.rowTotals[i]]), `${key} row ${i}`).not.toBe(1));
    t.columnTotals.forEach((total, j) => expect(count([...t.cells.map((row) => row[j]), total]), `${key} column ${j}`).not.toBe(1));
    expect(count([...t.columnTotals, r.grandTotal]), `${key} column totals`).not.toBe(1);
    // Primary: every small value is "<threshold", and shown values are exact.
    tables[key].forEach((row, i) =>
      row.forEach((v, j) => {
        const shown = t.cells[i][j];
        if (v >= 1 && v < threshold) expect(shown).toBe(`<${threshold}`);
        else if (!hidden(shown)) expect(shown).toBe(v);
      }),
    );
  }
  return r;
}

describe('suppressLinkedTables', () => {
  it('gives exactly suppressTable’s result for a single table (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 })),
        fc.integer({ min: 1, max: 8 }),
        (cells, threshold) => {
          const single = suppressTable(cells, threshold);
          const linked = suppressLinkedTables({ rowTotals: cells.map((r) => r.reduce((a, b) => a + b, 0)), tables: { t: cells } }, threshold);
          expect(linked.tables.t.cells).toEqual(single.cells);
          expect(linked.tables.t.columnTotals).toEqual(single.columnTotals);
          expect(linked.rowTotals).toEqual(single.rowTotals);
          expect(linked.grandTotal).toEqual(single.grandTotal);
        },
      ),
    );
  });

  it('hides a shared board total in every table when one table needs it hidden (independent suppression would leak)', () => {
    // Three boards, counts by two dimensions (e.g. type and environment).
    const a = [
      [4, 0],
      [3, 6],
      [6, 2],
    ];
    const b = [
      [3, 1],
      [9, 0],
      [0, 8],
    ];
    const rowTotals = [4, 9, 8];
    // Suppressed one by one, table a shows board 2's total (9) while table b hides it; then b's
    // row [.., 0] gives the hidden 9 back, and column 0 of b ([<5, 9, 0] = 12) gives the 3.
    expect(suppressTable(a).rowTotals[1]).toBe(9);
    expect(suppressTable(b).rowTotals[1]).toBe(S);
    const r = expectProtected(rowTotals, { a, b }, 5);
    expect(r.rowTotals).toEqual(['<5', S, S]);
    expect(r.tables.b.cells).toEqual([
      ['<5', '<5'],
      [S, 0],
      [0, S],
    ]);
  });

  it('protects every relation for random linked tables (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 20 })),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 2, max: 6 }),
        (rows, threshold) => {
          // Each board: counts of four categories, re-split by a second dimension of three.
          const a = rows.map((r) => [...r]);
          const totals = a.map((r) => r.reduce((x, y) => x + y, 0));
          const b = totals.map((t, i) => {
            const first = Math.min(t, rows[i][1]);
            const second = Math.min(t - first, rows[i][0] + rows[i][2]);
            return [first, second, t - first - second];
          });
          expectProtected(totals, { a, b }, threshold);
        },
      ),
    );
  });

  it('with the reader’s own rows known, leaves no relation with one secret beside a shown count (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (rows, threshold, picks) => {
          const knownRows = [...new Set(picks.map((p) => p % rows.length))];
          const a = rows.map((r) => [...r]);
          const totals = a.map((r) => r.reduce((x, y) => x + y, 0));
          const b = totals.map((t, i) => [Math.min(t, rows[i][1]), t - Math.min(t, rows[i][1])]);
          const outside = suppressLinkedTables({ rowTotals: totals, tables: { a, b } }, threshold);
          const r = suppressLinkedTables({ rowTotals: totals, tables: { a, b }, knownRows }, threshold);
          type Member = 'secret' | 'own' | 'zero' | 'shown';
          const m = (c: Cell, row: number | null): Member => (row !== null && knownRows.includes(row) ? 'own' : hidden(c) ? 'secret' : c === 0 ? 'zero' : 'shown');
          const relations: Member[][] = [[...r.rowTotals.map((c, i) => m(c, i)), m(r.grandTotal, null)]];
          for (const t of Object.values(r.tables)) {
            t.cells.forEach((row, i) => relations.push([...row.map((c) => m(c, i)), m(r.rowTotals[i], i)]));
            t.columnTotals.forEach((total, j) => relations.push([...t.cells.map((row, i) => m(row[j], i)), m(total, null)]));
            relations.push([...t.columnTotals.map((c) => m(c, null)), m(r.grandTotal, null)]);
          }
          for (const rel of relations) if (rel.filter((x) => x === 'secret').length === 1) expect(rel).not.toContain('shown');
          // The reader's tables hide at least what the outsider's hide.
          outside.rowTotals.forEach((c, i) => hidden(c) && expect(hidden(r.rowTotals[i])).toBe(true));
          if (hidden(outside.grandTotal)) expect(hidden(r.grandTotal)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses rows that do not add up to their total', () => {
    expect(() => suppressLinkedTables({ rowTotals: [3], tables: { t: [[1, 1]] } }, 5)).toThrow(RangeError);
  });

  it('refuses bad thresholds and counts', () => {
    expect(() => suppressRelations([1], [], 0)).toThrow(RangeError);
    expect(() => suppressRelations([-1], [], 5)).toThrow(RangeError);
  });

  it('handles no rows and all-zero tables', () => {
    expect(suppressLinkedTables({ rowTotals: [], tables: { t: [] } }, 5)).toEqual({ rowTotals: [], grandTotal: 0, tables: { t: { cells: [], columnTotals: [] } } });
    expect(suppressLinkedTables({ rowTotals: [0, 0], tables: { t: [[0, 0], [0, 0]] } }, 5).grandTotal).toBe(0);
  });
});
