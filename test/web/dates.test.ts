import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../web/src/format/dates.js';
import { formatDate as planFormat } from '../../web/src/pages/plans/shared.js';

describe('[WEB] dates in Swedish time', () => {
  it.each([
    // Winter time (UTC+1) up to the spring change on 29 March 2026, summer time (UTC+2) after it.
    ['2026-03-29T00:59:00Z', '2026-03-29 01:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29 03:00'],
    // Autumn change on 25 October 2026: 02:30 happens twice, first in summer time, then in winter time.
    ['2026-10-25T00:30:00Z', '2026-10-25 02:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25 02:30'],
    ['2026-10-25T02:30:00Z', '2026-10-25 03:30'],
    // Near midnight the Swedish day is already the next one.
    ['2026-06-30T22:30:00Z', '2026-07-01 00:30'],
    ['2026-12-31T23:15:00.000Z', '2027-01-01 00:15'],
  ])('%s is %s', (at, shown) => {
    expect(formatDateTime(at)).toBe(shown);
    expect(formatDay(at)).toBe(shown.slice(0, 10));
    // The plan's history shows the same time as the log.
    expect(planFormat(at, true)).toBe(shown);
  });

  it('shows a calendar day as it is, in any time zone, and nothing for nothing', () => {
    expect(formatDay('2026-03-14')).toBe('2026-03-14');
    expect(formatDateTime('2026-03-14')).toBe('2026-03-14');
    expect(formatDay(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDay(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-02');
  });
});
