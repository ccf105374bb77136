import { describe, expect, it } from 'vitest';
import { deadlineStage, dueDigests, followUpStage, swedishClock, whenInWords } from './schedule.js';

describe('when reminders fall due', () => {
  it('a deadline is "soon" in the week before it, the day itself included, and "late" from the day after', () => {
    expect(deadlineStage('2026-05-15', '2026-05-07', 7)).toBe('opened');
    expect(deadlineStage('2026-05-15', '2026-05-08', 7)).toBe('soon');
    expect(deadlineStage('2026-05-15', '2026-05-15', 7)).toBe('soon');
    expect(deadlineStage('2026-05-15', '2026-05-16', 7)).toBe('late');
  });

  it('counts calendar days across months, years and the switch to summer time; weekends are ordinary days', () => {
    expect(deadlineStage('2027-01-03', '2026-12-27', 7)).toBe('soon'); // a Sunday deadline, a week over New Year
    expect(deadlineStage('2026-03-31', '2026-03-23', 7)).toBe('opened'); // eight days, over the last Sunday of March
    expect(whenInWords('2026-03-31', '2026-03-28')).toBe('om 3 dagar');
  });

  it('says how far away a deadline is in Swedish', () => {
    expect(whenInWords('2026-05-15', '2026-05-15')).toBe('i dag');
    expect(whenInWords('2026-05-15', '2026-05-14')).toBe('i morgon');
    expect(whenInWords('2026-05-15', '2026-05-10')).toBe('om 5 dagar');
    expect(whenInWords('2026-05-15', '2026-05-16')).toBe('passerades i går');
    expect(whenInWords('2026-05-15', '2026-05-20')).toBe('passerades för 5 dagar sedan');
  });

  describe('a follow-up period', () => {
    const t2 = { opensOn: '2026-01-01', termEnds: '2026-08-31', deadline: '2026-09-15' };
    it('reminds in the week after its months are over, not all year because it was opened on 1 January', () => {
      expect(followUpStage(t2, '2026-06-01')).toBeNull();
      expect(followUpStage(t2, '2026-08-31')).toBe('opened');
      expect(followUpStage(t2, '2026-09-07')).toBe('opened');
      expect(followUpStage(t2, '2026-09-08')).toBe('soon');
    });
    it('opened later by the coordinator, it reminds from that day', () => {
      expect(followUpStage({ ...t2, opensOn: '2026-09-02' }, '2026-09-01')).toBeNull();
      expect(followUpStage({ ...t2, opensOn: '2026-09-02' }, '2026-09-02')).toBe('opened');
    });
    it('is late for two weeks after the deadline and then no longer a reminder', () => {
      expect(followUpStage(t2, '2026-09-16')).toBe('late');
      expect(followUpStage(t2, '2026-09-29')).toBe('late');
      expect(followUpStage(t2, '2026-09-30')).toBeNull();
    });
    it('a deadline moved to tomorrow calls for "soon" at once, never also "opened"', () => {
      expect(followUpStage({ opensOn: '2026-01-01', termEnds: '2026-12-31', deadline: '2026-12-05' }, '2026-12-04')).toBe('soon');
    });
  });

  describe('Swedish time', () => {
    it('reads the day, hour and weekday in Stockholm whatever the server’s zone', () => {
      // 23:30 UTC on Sunday 29 March 2026 is 01:30 on Monday in summer time (UTC+2).
      expect(swedishClock(new Date('2026-03-29T23:30:00Z'))).toEqual({ day: '2026-03-30', hour: 1, weekday: 1 });
      // 06:30 UTC in winter is 07:30 in Stockholm (UTC+1).
      expect(swedishClock(new Date('2026-12-04T06:30:00Z'))).toEqual({ day: '2026-12-04', hour: 7, weekday: 5 });
    });

    it('digests are due from 07:00 Swedish time: daily keyed by the day, weekly by that week’s Monday', () => {
      expect(dueDigests(new Date('2026-12-04T05:59:00Z'))).toEqual([]); // 06:59 in Stockholm
      expect(dueDigests(new Date('2026-12-04T06:00:00Z'))).toEqual([
        { mode: 'daily', period: '2026-12-04' },
        { mode: 'weekly', period: '2026-11-30' },
      ]);
      // Sunday evening still belongs to the week that began on Monday.
      expect(dueDigests(new Date('2026-12-06T20:00:00Z'))[1]).toEqual({ mode: 'weekly', period: '2026-11-30' });
    });
  });
});
