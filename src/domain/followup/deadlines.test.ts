import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineOf, defaultDeadline, DEFAULT_DEADLINES, isOverdue, missedPeriods, monthDayProblem, nextDuePeriod, overrideProblem, PERIOD_LAST_DAY, type DuePeriod } from './deadlines.js';
import { PERIOD_KINDS, type PeriodKind } from './periods.js';

describe('default deadlines', () => {
  it.each([
    ['T1', '2026-05-15'],
    ['T2', '2026-09-15'],
    ['VB', '2027-01-31'],
  ] as [PeriodKind, string][])('Stockholm defaults: %s of 2026 is due %s', (kind, date) => {
    expect(defaultDeadline({ year: 2026, kind }, DEFAULT_DEADLINES[kind])).toBe(date);
  });

  it('never falls before the period ends, and within a year after it', () => {
    const day = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(...PERIOD_KINDS), day, (year, kind, monthDay) => {
        const d = defaultDeadline({ year, kind }, monthDay);
        expect(d >= `${year}-${PERIOD_LAST_DAY[kind]}`).toBe(true);
        expect(d < `${year + 1}-${PERIOD_LAST_DAY[kind]}` || d === `${year + 1}-${PERIOD_LAST_DAY[kind]}`).toBe(true);
      }),
    );
  });

  it('a date set for the period wins over the default', () => {
    expect(deadlineOf({ year: 2026, kind: 'T2' }, '2026-10-01', DEFAULT_DEADLINES)).toBe('2026-10-01');
    expect(deadlineOf({ year: 2026, kind: 'T2' }, null, { ...DEFAULT_DEADLINES, T2: '09-30' })).toBe('2026-09-30');
  });
});

describe('checking what the coordinator types', () => {
  it.each(['05-15', '01-31', '12-31', '02-28'])('accepts the day %s', (s) => expect(monthDayProblem(s)).toBeNull());
  it.each([
    ['5-15', 'MM-DD'],
    ['13-01', 'Månaden'],
    ['04-31', 'Dagen finns inte'],
    ['02-29', '02-28'],
    ['', 'MM-DD'],
  ])('refuses %j in Swedish', (s, words) => expect(monthDayProblem(s)).toContain(words));

  it('a period’s own date lies in its year or the next', () => {
    expect(overrideProblem(2026, '2026-05-15')).toBeNull();
    expect(overrideProblem(2026, '2027-12-31')).toBeNull();
    expect(overrideProblem(2026, '2025-12-31')).toContain('2026-01-01');
    expect(overrideProblem(2026, '2028-01-01')).toContain('2027-12-31');
  });
});

describe('overdue and the period due next', () => {
  const p = (kind: PeriodKind, deadline: string, outstanding: number, state: DuePeriod['state'] = 'open'): DuePeriod => ({ period: { year: 2026, kind }, deadline, state, outstanding });

  it('overdue only when the day has passed and nothing is reported', () => {
    expect(isOverdue('2026-09-15', '2026-09-15', false)).toBe(false);
    expect(isOverdue('2026-09-15', '2026-09-16', false)).toBe(true);
    expect(isOverdue('2026-09-15', '2026-09-16', true)).toBe(false);
  });

  it('opens on a missed open period before the annual report', () => {
    const periods = [p('T1', '2026-05-15', 0), p('T2', '2026-09-15', 2), p('VB', '2027-01-31', 9)];
    expect(nextDuePeriod(periods, '2026-12-02')).toEqual({ year: 2026, kind: 'T2' });
    expect(missedPeriods(periods, '2026-12-02')).toEqual([{ period: '2026-T2', deadline: '2026-09-15', missing: 2 }]);
  });

  it('with everything reported, opens on the next deadline', () => {
    const periods = [p('T1', '2026-05-15', 0), p('T2', '2026-09-15', 0), p('VB', '2027-01-31', 0)];
    expect(nextDuePeriod(periods, '2026-06-01')).toEqual({ year: 2026, kind: 'T2' });
    expect(missedPeriods(periods, '2026-12-02')).toEqual([]);
  });

  it('skips closed periods, and says nothing when none is open', () => {
    const periods = [p('T1', '2026-05-15', 3, 'closed'), p('T2', '2026-09-15', 1)];
    expect(nextDuePeriod(periods, '2026-10-01')).toEqual({ year: 2026, kind: 'T2' });
    expect(missedPeriods(periods, '2026-10-01').map((m) => m.period)).toEqual(['2026-T2']);
    expect(nextDuePeriod([p('T1', '2026-05-15', 3, 'closed')], '2026-10-01')).toBeNull();
  });
});
