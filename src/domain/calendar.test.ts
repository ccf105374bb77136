import { describe, expect, it } from 'vitest';
import { currentYearInSweden, dayOrToday, daysBetween, isIsoDate, todayInSweden, toIsoDay } from './calendar.js';

describe('todayInSweden', () => {
  it.each([
    // Winter (CET, UTC+1): half past midnight in Stockholm is still yesterday in UTC.
    ['2026-01-14T23:30:00Z', '2026-01-15'],
    ['2026-01-14T22:59:59Z', '2026-01-14'],
    // Summer (CEST, UTC+2).
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    // New Year's Eve: the year turns in Sweden an hour before UTC.
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    // The night the clocks go forward (29 March 2026, 02:00 → 03:00).
    ['2026-03-29T00:59:59Z', '2026-03-29'],
  ])('%s is %s in Sweden', (utc, day) => {
    expect(todayInSweden(new Date(utc))).toBe(day);
  });

  it('gives the year in Sweden at the turn of the year', () => {
    expect(currentYearInSweden(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });
});

describe('toIsoDay', () => {
  it('takes a string day as given and reads a Date in Swedish time', () => {
    expect(toIsoDay('2018-04-19')).toBe('2018-04-19');
    expect(toIsoDay('2018-04-19T23:59:00Z')).toBe('2018-04-19');
    expect(toIsoDay(new Date('2018-04-19T22:30:00Z'))).toBe('2018-04-20');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2019-02-30', false],
    ['2019-13-01', false],
    ['2019-1-01', false],
    ['19-01-01', false],
    ['2019-01-01T00:00', false],
    ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

describe('daysBetween', () => {
  it('counts whole days, also across a change of summer time, negative backwards', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });
});

describe('dayOrToday', () => {
  it('takes the day given, else today in Sweden', () => {
    expect(dayOrToday('2019-09-04')).toBe('2019-09-04');
    const before = todayInSweden();
    const day = dayOrToday();
    expect([before, todayInSweden()]).toContain(day); // either side of a midnight passing meanwhile
  });
});
