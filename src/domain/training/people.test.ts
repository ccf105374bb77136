import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageAsOf, groupCoverage, startedAsOf, type Completion, type Headcount } from './coverage.js';
import { People } from './people.js';
import { completedWithoutUnit, rollUp } from './rollup.js';
import { totalsAt } from './totals.js';
import { boardTrend, coverageTrend } from './trend.js';

describe('People', () => {
  it('counts a key once, and a counted row as its count', () => {
    const p = new People();
    p.add({ employeeKey: 'A' });
    p.add({ employeeKey: 'A' });
    p.add({ count: 5 });
    p.add({});
    const q = new People();
    q.add({ employeeKey: 'A' });
    q.add({ employeeKey: 'B' });
    q.add({ count: 2 });
    p.addAll(q);
    expect(p.size).toBe(1 + 5 + 1 + 1 + 2);
  });
});

// The database stores one row per person and course and hands the service counts: per board, unit
// and status as of the date, and per board up to each quarter end (and the date itself) for the
// trend. These properties say those counts give the figures the rows themselves give.
const register = [
  { id: 'adm', parent_id: null, name: 'Förvaltningen' },
  { id: 'u1', parent_id: 'adm', name: 'Enhet 1' },
  { id: 'u2', parent_id: 'adm', name: 'Enhet 2' },
];
const headcounts: Headcount[] = [
  { boardId: 'b1', unitId: 'u1', employees: 40, asOf: '2019-01-01' },
  { boardId: 'b1', unitId: 'u2', employees: 60, asOf: '2020-06-30' },
  { boardId: 'b2', unitId: null, employees: 300, asOf: '2018-05-17' },
];
const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
/** Distinct people (index = key), each on one board and unit, as stored. */
const people = fc.array(fc.record({ boardId: fc.constantFrom('b1', 'b2'), unitId: fc.constantFrom('u1', 'u2', null), completedOn: day }), { maxLength: 60 });

function counted(rows: Completion[], dateOf: (c: Completion) => string, unit: boolean): Completion[] {
  const byKey = new Map<string, Completion>();
  for (const c of rows) {
    const d = dateOf(c);
    const u = unit ? c.unitId : null;
    const k = `${c.boardId}|${u}|${d}`;
    const r = byKey.get(k) ?? { boardId: c.boardId, unitId: u, completedOn: d, count: 0 };
    r.count! += 1;
    byKey.set(k, r);
  }
  return [...byKey.values()];
}

/** The quarter end on or after the date, or asOf when that comes first (the service's trend dates). */
function throughOf(date: string, asOf: string): string {
  const y = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const end = `${y}-${['03-31', '06-30', '09-30', '12-31'][q]}`;
  return end < asOf ? end : asOf;
}

describe('counted rows', () => {
  it('give the figures of the rows they count', () => {
    fc.assert(
      fc.property(people, day, (list, asOf) => {
        const rows: Completion[] = list.map((p, i) => ({ ...p, employeeKey: `E${i}` }));
        const upTo = rows.filter((c) => c.completedOn <= asOf);
        const asOfRows = counted(upTo, () => asOf, true);
        const coverage = coverageAsOf({ headcounts, completions: rows, asOf });
        const fromCounts = coverageAsOf({ headcounts, completions: asOfRows, asOf });
        expect(fromCounts).toEqual(coverage);
        expect(rollUp(fromCounts, register, asOfRows, asOf)).toEqual(rollUp(coverage, register, rows, asOf));
        expect(completedWithoutUnit(asOfRows, asOf)).toBe(completedWithoutUnit(rows, asOf));
        expect(startedAsOf(asOfRows, asOf)).toEqual(startedAsOf(rows, asOf));
        const groups = [{ id: 'g', boardIds: ['b2'], unitIds: ['u2'] }];
        expect(groupCoverage({ headcounts, completions: asOfRows, asOf, groups })).toEqual(groupCoverage({ headcounts, completions: rows, asOf, groups }));
      }),
    );
  });

  it('per board up to each quarter end give the trend and the boards’ trends', () => {
    fc.assert(
      fc.property(people, day, (list, asOf) => {
        const rows: Completion[] = list.map((p, i) => ({ ...p, employeeKey: `E${i}` }));
        const byQuarter = counted(
          rows.filter((c) => c.completedOn <= asOf),
          (c) => throughOf(c.completedOn, asOf),
          false,
        );
        expect(coverageTrend({ headcounts, completions: byQuarter }, asOf)).toEqual(coverageTrend({ headcounts, completions: rows }, asOf));
        expect(boardTrend({ headcounts, completions: byQuarter }, asOf, 'b1')).toEqual(boardTrend({ headcounts, completions: rows }, asOf, 'b1'));
      }),
    );
  });
});

describe('totalsAt', () => {
  const unitHeadcounts = fc.array(
    fc.record({ boardId: fc.constantFrom('b1', 'b2'), unitId: fc.constantFrom('u1', 'u2', null), employees: fc.integer({ min: 0, max: 500 }), asOf: day }),
    { maxLength: 12 },
  );
  it('equals the total of coverageAsOf on every date', () => {
    fc.assert(
      fc.property(unitHeadcounts, people, fc.array(day, { minLength: 1, maxLength: 8 }), (hcs, list, dates) => {
        const completions: Completion[] = list.map((p, i) => ({ ...p, employeeKey: `E${i % 40}` }));
        expect(totalsAt({ headcounts: hcs, completions }, dates)).toEqual(dates.map((asOf) => coverageAsOf({ headcounts: hcs, completions, asOf }).total));
      }),
    );
  });
});
