import { describe, expect, it } from 'vitest';
import { coverageAsOf, type Completion, type Headcount } from './coverage.js';
import { coverageStatus, DEFAULT_LAGGING_BELOW, DEFAULT_TARGET, laggingList } from './status.js';

describe('coverageStatus', () => {
  it.each([
    ['no headcount: no data', null, DEFAULT_TARGET, DEFAULT_LAGGING_BELOW, 'no_data'],
    ['Enskede-Årsta-Vantör at the audit, 7.8 %: lagging', 7.8, 100, 20, 'lagging'],
    ['just under the lagging line, 19.9 %', 19.9, 100, 20, 'lagging'],
    ['on the lagging line, 20 %: below the target', 20, 100, 20, 'below'],
    ['all staff trained', 100, 100, 20, 'reached'],
    ['over 100 % (more trained than the latest headcount)', 104.2, 100, 20, 'reached'],
    ['a target of 80 % reached at 85 %', 85, 80, 20, 'reached'],
    ['a target of 80 %, 60 %: below', 60, 80, 20, 'below'],
    ['a higher lagging line of 50 %', 45, 100, 50, 'lagging'],
  ])('%s', (_, percent, target, below, status) => expect(coverageStatus(percent, target, below)).toBe(status));
});

describe('laggingList', () => {
  const hc = (unitId: string, employees: number): Headcount => ({ boardId: 'eav', unitId, employees, asOf: '2019-01-01' });
  const done = (unitId: string, n: number): Completion[] =>
    Array.from({ length: n }, (_, i) => ({ boardId: 'eav', unitId, employeeKey: `${unitId}-${i}`, completedOn: '2019-05-01' }));
  const coverage = coverageAsOf({
    headcounts: [hc('preschool', 100), hc('home-care', 200), hc('youth', 50), hc('social', 40)],
    completions: [...done('preschool', 5), ...done('home-care', 10), ...done('youth', 20), ...done('social', 40)],
    asOf: '2019-09-04',
  });
  const names = {
    boards: [{ id: 'eav', name: 'Enskede-Årsta-Vantörs stadsdelsnämnd' }],
    units: [
      { id: 'preschool', name: 'Förskoleenhet 1' },
      { id: 'home-care', name: 'Hemtjänst' },
      { id: 'youth', name: 'Fritidsgårdar' },
      { id: 'social', name: 'Socialtjänst vuxen' },
    ],
  };

  it('units under 20 %, furthest behind first: at the same 5 %, the one missing the most people', () => {
    expect(laggingList(coverage, names, 100, 20)).toEqual([
      { boardId: 'eav', boardName: 'Enskede-Årsta-Vantörs stadsdelsnämnd', unitId: 'home-care', unitName: 'Hemtjänst', employees: 200, completed: 10, percent: 5, missing: 190 },
      { boardId: 'eav', boardName: 'Enskede-Årsta-Vantörs stadsdelsnämnd', unitId: 'preschool', unitName: 'Förskoleenhet 1', employees: 100, completed: 5, percent: 5, missing: 95 },
    ]);
  });

  it('a higher line takes in the youth centres at 40 %; missing counts to the target (80 % of 50 = 40, 20 to go)', () => {
    expect(laggingList(coverage, names, 80, 50).map((u) => [u.unitName, u.percent, u.missing])).toEqual([
      ['Hemtjänst', 5, 150],
      ['Förskoleenhet 1', 5, 75],
      ['Fritidsgårdar', 40, 20],
    ]);
  });

  it('at most `limit` units', () => {
    expect(laggingList(coverage, names, 100, 20, 1).map((u) => u.unitName)).toEqual(['Hemtjänst']);
  });

  it('a unit missing from the register gets an empty name rather than disappearing', () => {
    expect(laggingList(coverage, { boards: [], units: [] }, 100, 20)[0]).toMatchObject({ boardName: '', unitName: '', missing: 190 });
  });
});
