import { describe, expect, it } from 'vitest';
import { isIsoDate, tertialOf, todayInSweden } from './categories.js';
import { countReports, crossTable, suppressedCityCounts, type CountableReport } from './counts.js';

const r = (boardId: string, occurredOn: string, type: CountableReport['type'], environment: CountableReport['environment']): CountableReport => ({ boardId, occurredOn, type, environment });

describe('periods', () => {
  it.each([
    ['2026-01-01', 'T1'],
    ['2026-04-30', 'T1'],
    ['2026-05-01', 'T2'],
    ['2026-08-31', 'T2'],
    ['2026-09-01', 'T3'],
    ['2026-12-31', 'T3'],
  ])('%s is in %s', (date, tertial) => expect(tertialOf(date)).toBe(tertial));

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
  });

  it('takes today in Swedish time', () => {
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInSweden(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });
});

describe('counting', () => {
  const reports = [
    r('a', '2026-02-01', 'graffiti', 'white_power'),
    r('a', '2026-06-01', 'graffiti', 'white_power'),
    r('a', '2026-10-01', 'threat', 'autonomous'),
    r('b', '2026-03-01', 'returnee', 'violent_islamist'),
  ];

  it('counts by type, environment and tertial', () => {
    const c = countReports(reports.filter((x) => x.boardId === 'a'));
    expect(c.total).toBe(3);
    expect(c.byType.graffiti).toBe(2);
    expect(c.byType.threat).toBe(1);
    expect(c.byEnvironment).toEqual({ white_power: 2, autonomous: 1, violent_islamist: 0, unclear: 0 });
    expect(c.byTertial).toEqual({ T1: 1, T2: 1, T3: 1 });
  });

  it('cross-tabulates type × environment', () => {
    const x = crossTable(reports);
    expect(x.find((row) => row.type === 'graffiti')!.counts.white_power).toBe(2);
    expect(x.find((row) => row.type === 'returnee')!.counts.violent_islamist).toBe(1);
  });

  it('suppresses the city tables together and shows large counts exactly', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => r('a', `2026-0${1 + (i % 3)}-10`, 'graffiti', 'white_power')),
      ...Array.from({ length: 6 }, () => r('a', '2026-05-10', 'propaganda', 'autonomous')),
      r('b', '2026-03-01', 'returnee', 'violent_islamist'),
    ];
    const s = suppressedCityCounts(['a', 'b', 'c'], many, 5);
    expect(s.boards[1].total).toBe('<5');
    expect(s.boards[1].byType.returnee).toBe('<5');
    expect(s.boards[2].total).toBe(0);
    // The year's total (19) is shown, so board a's 18 would give b's 1 away: hidden as "..".
    expect(s.totals.total).toBe(19);
    expect(s.boards[0].total).toBe('..');
    expect(s.totals.byType.returnee).toBe('<5');
    // Large cells of board a stay exact where nothing small can be recomputed from them.
    expect(s.totals.byType.graffiti).toBe(12);
  });

  it('for a reader inside board a, hides what a’s exact counts would give away: year total − a = b', () => {
    const reports = [
      ...Array.from({ length: 12 }, (_, i) => r('a', `2026-0${1 + (i % 3)}-10`, 'graffiti', 'white_power')),
      ...Array.from({ length: 6 }, () => r('a', '2026-05-10', 'propaganda', 'autonomous')),
      r('b', '2026-03-01', 'returnee', 'violent_islamist'),
    ];
    // The table for outsiders: a's total is hidden, but a's own coordinator knows it is 18.
    const outside = suppressedCityCounts(['a', 'b', 'c'], reports, 5);
    expect([outside.totals.total, outside.boards[0].total, outside.boards[2].total]).toEqual([19, '..', 0]);
    // 19 − 18 − 0 = 1: board b's single report, recovered by the insider.
    const inside = suppressedCityCounts(['a', 'b', 'c'], reports, 5, ['a']);
    expect(inside.boards[1].total).toBe('<5');
    expect(inside.totals.total).toBe('..');
    // Types: a's graffiti (12) is known, the city's graffiti total is all a's, so it can stay.
    expect(inside.totals.byType.returnee).toBe('<5');
    expect(inside.boards[1].byType.returnee).toBe('<5');
  });
});
