import { describe, expect, it } from 'vitest';
import type { Completion, Headcount } from './coverage.js';
import { boardTrend, coverageTrend, forecastOf, trendDates } from './trend.js';

const hc = (boardId: string, employees: number, asOf: string): Headcount => ({ boardId, unitId: null, employees, asOf });
const done = (boardId: string, employeeKey: string, completedOn: string): Completion => ({ boardId, unitId: null, employeeKey, completedOn });

describe('trendDates', () => {
  it.each([
    ['no data yet: only the day asked for', null, '2019-09-04', ['2019-09-04']],
    ['data only after the day: only the day', '2020-01-01', '2019-09-04', ['2019-09-04']],
    ['the quarter ends since the first headcount, then the day', '2019-02-15', '2019-09-04', ['2019-03-31', '2019-06-30', '2019-09-04']],
    ['a quarter end on the first day counts, the day itself once', '2019-03-31', '2019-06-30', ['2019-03-31', '2019-06-30']],
  ])('%s', (_, first, asOf, dates) => expect(trendDates(first, asOf)).toEqual(dates));

  it('ten years of data: every quarter end (40) and the day', () => {
    const dates = trendDates('2016-01-01', '2026-01-01');
    expect(dates).toHaveLength(41);
    expect(dates.slice(0, 2)).toEqual(['2016-03-31', '2016-06-30']);
    expect(dates.slice(-2)).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('more than ten years: year ends only', () => {
    const dates = trendDates('2008-05-01', '2026-12-02');
    expect(dates).toHaveLength(19);
    expect(dates.slice(0, 2)).toEqual(['2008-12-31', '2009-12-31']);
    expect(dates.slice(-2)).toEqual(['2025-12-31', '2026-12-02']);
  });
});

describe('coverageTrend and boardTrend', () => {
  // Enskede-Årsta-Vantör: 2,679 staff; 100 completed in the spring of 2019, 208 by the audit on 4 September.
  const data = {
    headcounts: [hc('eav', 2679, '2019-01-15'), hc('ska', 1000, '2019-01-15')],
    completions: [
      ...Array.from({ length: 100 }, (_, i) => done('eav', `eav-${i}`, '2019-03-01')),
      ...Array.from({ length: 108 }, (_, i) => done('eav', `eav-${100 + i}`, '2019-08-20')),
      ...Array.from({ length: 94 }, (_, i) => done('ska', `ska-${i}`, '2019-05-01')),
    ],
  };

  it('one board: 3.7 % at the end of March, 7.8 % on the day of the audit', () => {
    expect(boardTrend(data, '2019-09-04', 'eav')).toEqual([
      { date: '2019-03-31', employees: 2679, completed: 100, percent: 3.7 },
      { date: '2019-06-30', employees: 2679, completed: 100, percent: 3.7 },
      { date: '2019-09-04', employees: 2679, completed: 208, percent: 7.8 },
    ]);
  });

  it('the whole city adds the boards up: 302 of 3,679 (8.2 %) on the day', () => {
    expect(coverageTrend(data, '2019-09-04')).toEqual([
      { date: '2019-03-31', employees: 3679, completed: 100, percent: 2.7 },
      { date: '2019-06-30', employees: 3679, completed: 194, percent: 5.3 },
      { date: '2019-09-04', employees: 3679, completed: 302, percent: 8.2 },
    ]);
  });

  it('a board without data has only the day, with no percent', () => {
    expect(boardTrend(data, '2019-09-04', 'spanga')).toEqual([{ date: '2019-09-04', employees: 0, completed: 0, percent: null }]);
  });
});

describe('forecastOf', () => {
  const p = (date: string, percent: number | null) => ({ date, percent });

  it.each([
    ['no figures at all', [p('2019-09-04', null)], 100, '2019-09-04', { date: null, reached: false, pacePerYear: null }],
    ['reached: the first day at or above the target', [p('2025-12-31', 60), p('2026-06-30', 100), p('2026-09-30', 100)], 100, '2026-09-30', { date: '2026-06-30', reached: true, pacePerYear: null }],
    ['a lower target reached earlier', [p('2025-12-31', 60), p('2026-06-30', 85)], 80, '2026-06-30', { date: '2026-06-30', reached: true, pacePerYear: null }],
    // 80 points at 10 per 365 days: 2,920 days, two leap days short of eight calendar years.
    ['10 points a year: 100 % from 20 % in eight years', [p('2025-12-31', 10), p('2026-12-31', 20)], 100, '2026-12-31', { date: '2034-12-29', reached: false, pacePerYear: 10 }],
    [
      'only the last twelve months set the pace (a fast start long ago does not count)',
      [p('2019-12-31', 0), p('2020-12-31', 30), p('2025-12-31', 31), p('2026-06-30', 33)],
      100,
      '2026-06-30',
      // 2 points in 181 days; 67 points to go: 6,064 days after 30 June 2026.
      { date: '2043-02-05', reached: false, pacePerYear: 4 },
    ],
    // 5 points in 366 days (2024 is a leap year); 85 to go: 6,222 days after the last point.
    ['one point in the last year: the last two points', [p('2023-12-31', 10), p('2024-12-31', 15)], 100, '2025-12-31', { date: '2042-01-13', reached: false, pacePerYear: 5 }],
    ['falling coverage: never, and a negative pace', [p('2025-12-31', 30), p('2026-06-30', 25)], 100, '2026-06-30', { date: null, reached: false, pacePerYear: -10.1 }],
    ['unknown figures are skipped', [p('2025-12-31', 10), p('2026-03-31', null), p('2026-12-31', 20)], 100, '2026-12-31', { date: '2034-12-29', reached: false, pacePerYear: 10 }],
  ])('%s', (_, points, target, asOf, expected) => expect(forecastOf(points, target, asOf)).toEqual(expected));
});
