import { describe, expect, it } from 'vitest';
import { coverageAsOf, type Completion, type Headcount } from './coverage.js';
import { completedWithoutUnit, headcountHistory, rollUp, subtreesOf } from './rollup.js';

// A district administration with two departments; HR reports headcounts per unit only.
const register = [
  { id: 'admin', parent_id: null, name: 'Förvaltningen' },
  { id: 'preschool', parent_id: 'admin', name: 'Avdelningen för förskola' },
  { id: 'p1', parent_id: 'preschool', name: 'Förskoleenhet 1' },
  { id: 'p2', parent_id: 'preschool', name: 'Förskoleenhet 2' },
  { id: 'elderly', parent_id: 'admin', name: 'Avdelningen för äldreomsorg' },
  { id: 'home', parent_id: 'elderly', name: 'Hemtjänst' },
];
const hc = (unitId: string | null, employees: number, asOf: string): Headcount => ({ boardId: 'eav', unitId, employees, asOf });
const done = (unitId: string | null, employeeKey: string, completedOn: string): Completion => ({ boardId: 'eav', unitId, employeeKey, completedOn });

describe('subtreesOf', () => {
  const below = subtreesOf(register);
  it.each([
    ['the administration: everything', 'admin', ['admin', 'elderly', 'home', 'p1', 'p2', 'preschool']],
    ['a department: itself and its units', 'preschool', ['p1', 'p2', 'preschool']],
    ['a unit: itself', 'home', ['home']],
    ['an id not in the register: itself', 'other', ['other']],
  ])('%s', (_, id, ids) => expect(below(id).sort()).toEqual(ids));
});

describe('rollUp', () => {
  const headcounts = [hc('p1', 40, '2019-01-01'), hc('p2', 60, '2019-06-30'), hc('home', 100, '2019-03-31')];
  const completions = [
    done('p1', 'anna', '2019-02-01'),
    done('p2', 'bo', '2019-03-01'),
    done('preschool', 'cilla', '2019-04-01'), // registered on the department itself
    done('home', 'dan', '2019-08-01'),
    done('home', 'anna', '2019-05-01'), // the same person again, in another unit
    done('p1', 'eva', '2019-12-01'), // after the day asked for
  ];
  const asOf = '2019-09-04';
  const figures = rollUp(coverageAsOf({ headcounts, completions, asOf }), register, completions, asOf);
  const byId = new Map(figures.map((f) => [f.unitId, f]));

  it.each([
    // unit, employees, completed, percent, headcount date
    ['a unit with its own headcount: 1 of 40', 'p1', 40, 1, 2.5, '2019-01-01'],
    ['a unit: 1 of 60 rounds to 1.7 %', 'p2', 60, 1, 1.7, '2019-06-30'],
    ['a department: its units added up (100), and the person registered on it', 'preschool', 100, 3, 3, '2019-06-30'],
    ['home care counts Anna too: completions are per unit', 'home', 100, 2, 2, '2019-03-31'],
    ['the administration: 200 staff, four distinct people (Anna once)', 'admin', 200, 4, 2, '2019-06-30'],
  ])('%s', (_, id, employees, completed, percent, headcountAsOf) => {
    expect(byId.get(id)).toMatchObject({ employees, completed, percent, headcountAsOf });
  });

  it('keeps the register order, names and parents', () => {
    expect(figures.map((f) => [f.unitId, f.name, f.parentId])).toEqual(register.map((u) => [u.id, u.name, u.parent_id]));
  });

  it('a unit without any headcount under it has no percent', () => {
    const [only] = rollUp(coverageAsOf({ headcounts: [], completions: [done('x', 'anna', '2019-02-01')], asOf }), [{ id: 'x', parent_id: null, name: 'Ny enhet' }], [done('x', 'anna', '2019-02-01')], asOf);
    expect(only).toEqual({ unitId: 'x', name: 'Ny enhet', parentId: null, employees: 0, completed: 1, percent: null, headcountAsOf: null });
  });

  it('a register with a loop (a unit under its own child) still answers: each unit once, no endless climb', () => {
    const loop = [
      { id: 'a', parent_id: 'b', name: 'A' },
      { id: 'b', parent_id: 'a', name: 'B' },
    ];
    const result = rollUp(coverageAsOf({ headcounts: [hc('a', 10, '2019-01-01')], completions: [], asOf }), loop, [], asOf);
    // A keeps its own headcount; B, reached from A first, has no headcount of its own and nothing under it that is not already counted.
    expect(result.map((f) => [f.unitId, f.employees])).toEqual([
      ['a', 10],
      ['b', 0],
    ]);
  });
});

describe('completedWithoutUnit', () => {
  it('counts distinct people registered on the board only, up to the day', () => {
    const rows = [done(null, 'anna', '2019-02-01'), done(null, 'anna', '2019-03-01'), done(null, 'bo', '2019-10-01'), done('p1', 'cilla', '2019-02-01')];
    expect(completedWithoutUnit(rows, '2019-09-04')).toBe(1);
    expect(completedWithoutUnit(rows, '2019-12-31')).toBe(2);
  });
});

describe('headcountHistory', () => {
  it('newest first; a board-level total stands for the board, unit rows add up', () => {
    expect(headcountHistory([hc(null, 2679, '2019-01-01'), hc('p1', 40, '2025-06-30'), hc('p2', 60, '2025-06-30'), hc('home', 100, '2025-06-30')])).toEqual([
      { asOf: '2025-06-30', employees: 200, units: 3 },
      { asOf: '2019-01-01', employees: 2679, units: 0 },
    ]);
  });

  it('no headcounts: no history', () => {
    expect(headcountHistory([])).toEqual([]);
  });
});
