import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  startedAsOf,
  coverageAsOf,
  forecast,
  groupCoverage,
  laggingUnits,
  pacePerDay,
  percentOf,
  trend,
  type Completion,
  type Headcount,
} from './coverage.js';

const hc = (boardId: string, unitId: string | null, employees: number, asOf: string): Headcount => ({ boardId, unitId, employees, asOf });
const done = (boardId: string, unitId: string | null, employeeKey: string, completedOn: string, course?: string): Completion => ({
  boardId,
  unitId,
  employeeKey,
  completedOn,
  course,
});

describe('percentOf', () => {
  it.each([
    [208, 2679, 7.8],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 2000, 0.1], // 0.05 rounds half up
    [3, 2000, 0.2], // 0.15 rounds half up
    [0, 5, 0],
    [5, 5, 100],
    [6, 5, 120],
  ])('%d / %d = %d %%', (completed, employees, percent) => expect(percentOf(completed, employees)).toBe(percent));

  it('is null without employees', () => {
    expect(percentOf(3, 0)).toBeNull();
  });
});

describe('coverageAsOf', () => {
  const headcounts = [
    hc('b1', 'u1', 80, '2019-01-01'),
    hc('b1', 'u1', 100, '2019-09-01'),
    hc('b1', 'u1', 500, '2019-12-01'), // after the date: ignored
    hc('b1', 'u2', 50, '2019-06-01'),
    hc('b2', null, 1000, '2019-09-01'), // a board with only a total
  ];
  const completions = [
    done('b1', 'u1', 'A', '2019-03-01'),
    done('b1', 'u1', 'A', '2019-04-01'), // same person again
    done('b1', 'u1', 'B', '2019-09-04'), // on the date: counts
    done('b1', 'u1', 'C', '2019-09-05'), // after the date: does not
    done('b1', 'u2', 'A', '2019-05-01'), // A also in u2 (moved): u2 counts A, b1 counts A once
    done('b1', 'u3', 'D', '2019-05-01'), // a unit without a headcount
    done('b2', null, 'E', '2019-05-01'),
    done('b2', 'u9', 'F', '2019-05-01'),
  ];

  it('uses the latest headcount on or before the date and distinct people completed by then', () => {
    const c = coverageAsOf({ headcounts, completions, asOf: '2019-09-04' });
    expect(c.units).toEqual([
      { boardId: 'b1', unitId: 'u1', employees: 100, completed: 2, percent: 2, headcountAsOf: '2019-09-01' },
      { boardId: 'b1', unitId: 'u2', employees: 50, completed: 1, percent: 2, headcountAsOf: '2019-06-01' },
      { boardId: 'b1', unitId: 'u3', employees: 0, completed: 1, percent: null, headcountAsOf: null },
      { boardId: 'b2', unitId: 'u9', employees: 0, completed: 1, percent: null, headcountAsOf: null },
    ]);
    expect(c.boards).toEqual([
      { boardId: 'b1', employees: 150, completed: 3, percent: 2, employeesFrom: 'units', headcountAsOf: '2019-09-01' },
      { boardId: 'b2', employees: 1000, completed: 2, percent: 0.2, employeesFrom: 'board', headcountAsOf: '2019-09-01' },
    ]);
    expect(c.total).toEqual({ employees: 1150, completed: 5, percent: 0.4 });
  });

  it('follows the headcount history', () => {
    const at = (asOf: string) => coverageAsOf({ headcounts, completions, asOf }).units.find((u) => u.unitId === 'u1');
    expect(at('2018-12-31')).toBeUndefined(); // nothing known yet
    expect(at('2019-01-01')).toMatchObject({ employees: 80, headcountAsOf: '2019-01-01' });
    expect(at('2019-08-31')).toMatchObject({ employees: 80, completed: 1, percent: 1.3 });
    expect(at('2019-12-01')).toMatchObject({ employees: 500, completed: 3, percent: 0.6 });
  });

  it('takes a board-level headcount when it is at least as recent as the unit counts, else the sum of units', () => {
    const base = [hc('b', 'u1', 10, '2019-01-01'), hc('b', 'u2', 20, '2019-03-01')];
    const board = (extra: Headcount[], asOf = '2019-12-31') => coverageAsOf({ headcounts: [...base, ...extra], completions: [], asOf }).boards[0];
    expect(board([])).toMatchObject({ employees: 30, employeesFrom: 'units', headcountAsOf: '2019-03-01' });
    expect(board([hc('b', null, 35, '2019-03-01')])).toMatchObject({ employees: 35, employeesFrom: 'board' });
    expect(board([hc('b', null, 35, '2019-02-01')])).toMatchObject({ employees: 30, employeesFrom: 'units' });
    expect(board([hc('b', null, 35, '2019-02-01')], '2019-02-15')).toMatchObject({ employees: 35, employeesFrom: 'board' });
  });

  it('counts one course when asked', () => {
    const cs = [done('b', 'u', 'A', '2019-01-01', 'Grundkurs'), done('b', 'u', 'B', '2019-01-01', 'Fördjupning'), done('b', 'u', 'C', '2019-01-01')];
    const c = coverageAsOf({ headcounts: [hc('b', 'u', 10, '2019-01-01')], completions: cs, asOf: '2019-12-31', course: 'grundkurs' });
    expect(c.units[0]).toMatchObject({ completed: 1, percent: 10 });
    expect(coverageAsOf({ headcounts: [], completions: cs, asOf: '2019-12-31' }).total.completed).toBe(3);
  });

  it('property: completed never falls as the date moves on, and never exceeds the people in the data', () => {
    const arb = fc.array(
      fc.record({
        unitId: fc.constantFrom('u1', 'u2', null),
        employeeKey: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
        completedOn: fc.integer({ min: 1, max: 12 }).map((m) => `2019-${String(m).padStart(2, '0')}-15`),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 11 }), (raw, month) => {
        const cs = raw.map((r) => ({ ...r, boardId: 'b' }));
        const a = coverageAsOf({ headcounts: [], completions: cs, asOf: `2019-${String(month).padStart(2, '0')}-20` });
        const b = coverageAsOf({ headcounts: [], completions: cs, asOf: `2019-${String(month + 1).padStart(2, '0')}-20` });
        expect(b.total.completed).toBeGreaterThanOrEqual(a.total.completed);
        expect(b.total.completed).toBeLessThanOrEqual(new Set(cs.map((c) => c.employeeKey)).size);
        for (const u of a.units) expect(u.completed).toBeLessThanOrEqual(a.boards[0].completed);
      }),
    );
  });
});

describe('trend, lagging units and priority groups', () => {
  const headcounts = [hc('b', 'u1', 100, '2019-01-01'), hc('b', 'u2', 10, '2019-01-01'), hc('b', 'u3', 40, '2019-01-01')];
  const completions = [
    ...Array.from({ length: 30 }, (_, i) => done('b', 'u1', `a${i}`, i < 10 ? '2019-02-01' : '2019-05-01')),
    done('b', 'u2', 'b1', '2019-03-01'),
    ...Array.from({ length: 4 }, (_, i) => done('b', 'u3', `c${i}`, '2019-03-01')),
  ];

  it('gives coverage at each date, oldest first', () => {
    const t = trend({ headcounts, completions }, ['2019-06-30', '2019-01-31', '2019-03-31', '2019-06-30']);
    expect(t.map((c) => [c.asOf, c.total.completed, c.total.percent])).toEqual([
      ['2019-01-31', 0, 0],
      ['2019-03-31', 15, 10],
      ['2019-06-30', 35, 23.3],
    ]);
  });

  it('lists the units furthest behind first, with how many are missing to the target', () => {
    const c = coverageAsOf({ headcounts, completions, asOf: '2019-06-30' });
    // u2 and u3 are both at 10 %; the one missing more people comes first
    expect(laggingUnits(c, 2).map((u) => [u.unitId, u.percent, u.missing])).toEqual([
      ['u3', 10, 36],
      ['u2', 10, 9],
    ]);
    expect(laggingUnits(c, 10, { target: 25 }).map((u) => [u.unitId, u.missing])).toEqual([
      ['u3', 6],
      ['u2', 2],
      ['u1', 0],
    ]);
    expect(laggingUnits(c, 0)).toEqual([]);
    expect(laggingUnits(c, 5, { boardId: 'other' })).toEqual([]);
  });

  it('sums priority groups from boards and units without counting anyone twice', () => {
    const g = groupCoverage({
      headcounts,
      completions: [...completions, done('b', 'u1', 'c0', '2019-03-01')],
      asOf: '2019-06-30',
      groups: [
        { id: 'socialtjänst 2019', unitIds: ['u2', 'u3'] },
        { id: 'förskola 2020', unitIds: ['u1'] },
        { id: 'allt', boardIds: ['b'], unitIds: ['u1'] },
      ],
    });
    expect(g).toEqual([
      { id: 'socialtjänst 2019', employees: 50, completed: 5, percent: 10 },
      { id: 'förskola 2020', employees: 100, completed: 31, percent: 31 },
      { id: 'allt', employees: 150, completed: 35, percent: 23.3 },
    ]);
  });
});

describe('forecast', () => {
  const points = [
    // one percentage point per 10 days
    { date: '2019-01-01', percent: 10 },
    { date: '2019-01-11', percent: 11 },
    { date: '2019-01-21', percent: 12 },
  ];

  it('continues the current pace from the latest point', () => {
    expect(pacePerDay(points)).toBeCloseTo(0.1, 10);
    expect(forecast({ points, target: 100 })).toBe('2021-06-19'); // 88 points at 0.1 a day = 880 days
    expect(forecast({ points: [...points].reverse(), target: 13 })).toBe('2019-01-31');
    expect(forecast({ points, target: 12.05 })).toBe('2019-01-22'); // part of a day rounds up
  });

  it('uses the least-squares pace over noisy points', () => {
    const noisy = [
      { date: '2019-01-01', percent: 0 },
      { date: '2019-07-01', percent: 10 },
      { date: '2020-01-01', percent: 8 },
      { date: '2020-07-01', percent: 20 },
    ];
    const pace = pacePerDay(noisy)!;
    expect(pace).toBeGreaterThan(0);
    const expectedDays = Math.ceil((100 - 20) / pace);
    const result = forecast({ points: noisy, target: 100 })!;
    expect(Math.round((Date.parse(result) - Date.parse('2020-07-01')) / 86_400_000)).toBe(expectedDays);
  });

  it('gives the date the target was reached when it already has been', () => {
    expect(forecast({ points: [...points, { date: '2019-02-01', percent: 100 }, { date: '2019-03-01', percent: 100 }], target: 100 })).toBe(
      '2019-02-01',
    );
  });

  it('is null when the pace is zero or negative, or cannot be measured', () => {
    expect(forecast({ points: [{ date: '2019-01-01', percent: 10 }, { date: '2019-06-01', percent: 10 }], target: 100 })).toBeNull();
    expect(forecast({ points: [{ date: '2019-01-01', percent: 10 }, { date: '2019-06-01', percent: 8 }], target: 100 })).toBeNull();
    expect(forecast({ points: [{ date: '2019-01-01', percent: 10 }], target: 100 })).toBeNull();
    expect(forecast({ points: [{ date: '2019-01-01', percent: 1 }, { date: '2019-01-01', percent: 2 }], target: 100 })).toBeNull();
    expect(forecast({ points: [], target: 100 })).toBeNull();
    expect(forecast({ points: [{ date: '2019-01-01', percent: 0 }, { date: '2019-01-02', percent: 1e-9 }], target: 100 })).toBeNull();
  });

  it('works on a trend of coverage figures', () => {
    const t = trend(
      {
        headcounts: [hc('b', 'u', 100, '2019-01-01')],
        completions: Array.from({ length: 40 }, (_, i) => done('b', 'u', `p${i}`, i < 20 ? '2019-01-15' : '2019-02-15')),
      },
      ['2019-01-31', '2019-02-28'],
    );
    const result = forecast({ points: t.map((c) => ({ date: c.asOf, percent: c.total.percent! })), target: 100 });
    expect(result).toBe('2019-05-23'); // 20 points in 28 days; 60 more take 84 days from 2019-02-28
  });
});

describe('started, apart from completed', () => {
  it('counts distinct people who started by the date, per board and in total; completions stay the coverage figure', () => {
    const started = [
      { boardId: 'b1', employeeKey: 'p1', completedOn: '2019-05-01' },
      { boardId: 'b1', employeeKey: 'p2', completedOn: '2019-08-01' },
      { boardId: 'b1', employeeKey: 'p2', completedOn: '2019-08-02' },
      { boardId: 'b2', employeeKey: 'p3', completedOn: '2019-10-01' },
    ];
    const s = startedAsOf(started, '2019-09-04');
    expect(s.total).toBe(2);
    expect([...s.boards]).toEqual([['b1', 2]]);
    expect(startedAsOf(started, '2019-12-31').total).toBe(3);
  });
});
