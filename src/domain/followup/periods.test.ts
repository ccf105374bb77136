import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkSettings,
  currentPeriod,
  defaultSettings,
  formatPeriod,
  parsePeriod,
  periodRank,
  periodState,
  periodsOfYear,
  reportingRefusal,
  PERIOD_KINDS,
} from './periods.js';

describe('parsePeriod', () => {
  it.each([
    ['2018-T1', { year: 2018, kind: 'T1' }],
    ['2018-T2', { year: 2018, kind: 'T2' }],
    ['2026-VB', { year: 2026, kind: 'VB' }],
  ])('accepts %s', (text, expected) => expect(parsePeriod(text)).toEqual(expected));

  it.each(['2026-T7', '2026-T3', '2026-t1', '2026-vb', '26-T1', '2026T1', '2026-T1 ', ' 2026-T1', '1999-T1', '2101-VB', '', '2026-', 'VB-2026'])(
    'refuses %j',
    (text) => expect(parsePeriod(text)).toBeNull(),
  );

  it('round-trips every valid period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(...PERIOD_KINDS), (year, kind) => {
        expect(parsePeriod(formatPeriod({ year, kind }))).toEqual({ year, kind });
      }),
    );
  });

  it('orders a year T1 < T2 < VB and lists its three periods', () => {
    expect(periodRank('T1')).toBeLessThan(periodRank('T2'));
    expect(periodRank('T2')).toBeLessThan(periodRank('VB'));
    expect(periodsOfYear(2019).map(formatPeriod)).toEqual(['2019-T1', '2019-T2', '2019-VB']);
  });
});

describe('periodState: open from the start of the year until closed, reopen', () => {
  const s = defaultSettings(2026);
  it.each([
    ['2025-12-31', 'not_open'],
    ['2026-01-01', 'open'],
    ['2026-11-23', 'open'],
    ['2027-02-15', 'open'],
  ])('an unconfigured 2026 period on %s is %s', (today, state) => expect(periodState(s, today)).toBe(state));

  it('is closed once the coordinator closes it, whatever the date', () => {
    expect(periodState({ ...s, closedAt: '2026-05-20T10:00:00Z' }, '2026-05-21')).toBe('closed');
  });
  it('closes after its planned last day, not on it', () => {
    const planned = { ...s, closesOn: '2026-05-15' };
    expect(periodState(planned, '2026-05-15')).toBe('open');
    expect(periodState(planned, '2026-05-16')).toBe('closed');
  });
  it('is open again when reopened (close cleared, or a later last day)', () => {
    expect(periodState({ ...s, closedAt: null, closesOn: null }, '2026-06-01')).toBe('open');
    expect(periodState({ ...s, closesOn: '2026-06-30' }, '2026-06-01')).toBe('open');
  });
  it('says why reporting is refused, in Swedish', () => {
    expect(reportingRefusal({ year: 2026, kind: 'T1' }, { ...s, closedAt: '2026-05-20T10:00:00Z' }, '2026-06-01')).toMatch(/2026-T1 är stängd.*öppna den igen/);
    expect(reportingRefusal({ year: 2027, kind: 'T1' }, defaultSettings(2027), '2026-06-01')).toBe('Perioden 2027-T1 öppnar för rapportering 2027-01-01.');
    expect(reportingRefusal({ year: 2026, kind: 'T2' }, s, '2026-06-01')).toBeNull();
  });
});

describe('checkSettings', () => {
  it('accepts dates within the year and the next (the annual report is written in January)', () => {
    expect(checkSettings(2026, { opensOn: '2026-01-01', closesOn: '2027-02-28' })).toEqual([]);
    expect(checkSettings(2026, { opensOn: '2026-04-01', closesOn: null })).toEqual([]);
  });
  it.each([
    [{ opensOn: '2026-02-30', closesOn: null }, 'opensOn'],
    [{ opensOn: '2025-12-31', closesOn: null }, 'opensOn'],
    [{ opensOn: '2026-05-01', closesOn: '2026-04-30' }, 'closesOn'],
    [{ opensOn: '2026-05-01', closesOn: '2028-01-01' }, 'closesOn'],
    [{ opensOn: '2026-05-01', closesOn: '15/5' }, 'closesOn'],
  ])('refuses %j on %s', (s, field) => expect(checkSettings(2026, s).map((p) => p.field)).toEqual([field]));
});

describe('currentPeriod', () => {
  const open = () => defaultSettings(2026);
  it('follows the calendar while everything is open', () => {
    expect(currentPeriod(2026, open, '2026-03-01').kind).toBe('T1');
    expect(currentPeriod(2026, open, '2026-06-01').kind).toBe('T2');
    expect(currentPeriod(2026, open, '2026-11-23').kind).toBe('VB');
  });
  it('skips to the first open period when the calendar one is closed', () => {
    const settings = (k: string) => (k === 'VB' ? { ...open(), closedAt: 'x' } : k === 'T1' ? { ...open(), closedAt: 'x' } : open());
    expect(currentPeriod(2026, settings, '2026-11-23').kind).toBe('T2');
  });
});
