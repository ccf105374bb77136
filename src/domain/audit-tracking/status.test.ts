import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MEASURE_STATUSES,
  effectiveMeasureStatus,
  isMeasureOverdue,
  isReplyOverdue,
  isWaiting,
  replyStatus,
  tallyReplies,
  tertialOf,
  type MeasureFacts,
  type MeasureStatus,
  type ReplyStatus,
} from './status.js';

const m = (status: MeasureStatus, dueOn = '2020-12-31', waitingFor: string | null = null, waitingForStatus: MeasureStatus | null = null): MeasureFacts => ({
  status,
  dueOn,
  waitingFor,
  waitingForStatus,
});

describe('[AUDIT-TRACKING] reply status', () => {
  it.each<[string, boolean, MeasureStatus[], ReplyStatus]>([
    ['no reply, no measures', false, [], 'awaiting_reply'],
    ['no reply yet, measures drafted and one even done', false, ['done', 'planned'], 'awaiting_reply'],
    ['a reply without measures', true, [], 'replied'],
    ['a reply whose measures are all planned', true, ['planned', 'planned'], 'replied'],
    ['planned and cancelled: nothing has started', true, ['planned', 'cancelled'], 'replied'],
    ['one ongoing', true, ['ongoing', 'planned'], 'in_progress'],
    ['one of two done (the acceptance case)', true, ['done', 'planned'], 'in_progress'],
    ['done and ongoing', true, ['done', 'ongoing'], 'in_progress'],
    ['every measure done', true, ['done', 'done'], 'done'],
    ['done or cancelled', true, ['done', 'cancelled'], 'done'],
    ['every measure cancelled', true, ['cancelled'], 'done'],
  ])('%s → %s', (_, replied, measures, expected) => {
    expect(replyStatus({ replied, measures })).toBe(expected);
  });

  it('property: done exactly when there are measures and all are done or cancelled (for a reply)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MEASURE_STATUSES), { maxLength: 8 }), (ms) => {
        const s = replyStatus({ replied: true, measures: ms });
        expect(s === 'done').toBe(ms.length > 0 && ms.every((x) => x === 'done' || x === 'cancelled'));
        expect(s).not.toBe('awaiting_reply');
      }),
    );
  });
});

describe('[AUDIT-TRACKING] overdue and waiting', () => {
  const today = '2020-03-01';
  it.each<[string, MeasureFacts, boolean]>([
    ['planned, due yesterday', m('planned', '2020-02-29'), true],
    ['ongoing, due yesterday', m('ongoing', '2020-02-29'), true],
    ['due today is not late yet', m('planned', '2020-03-01'), false],
    ['done after its date is not late', m('done', '2020-01-01'), false],
    ['cancelled is not late', m('cancelled', '2020-01-01'), false],
    ['waiting for another body is waiting, not late', m('planned', '2020-01-01', 'Kommunstyrelsens vägledning'), false],
    ['the body it waited for is done: late again', m('planned', '2020-01-01', 'Kommunstyrelsens vägledning', 'done'), true],
    ['the body’s measure still ongoing: still waiting', m('planned', '2020-01-01', 'Kommunstyrelsens vägledning', 'ongoing'), false],
  ])('%s', (_, measure, late) => {
    expect(isMeasureOverdue(measure, today)).toBe(late);
  });

  it('a measure waits only while neither it nor the linked measure is closed', () => {
    expect(isWaiting(m('planned', '2020-01-01', 'KS'))).toBe(true);
    expect(isWaiting(m('done', '2020-01-01', 'KS'))).toBe(false);
    expect(isWaiting(m('planned', '2020-01-01', 'KS', 'cancelled'))).toBe(false);
    expect(isWaiting(m('planned', '2020-01-01', null))).toBe(false);
  });

  it.each<[string, boolean, string, MeasureFacts[], boolean]>([
    ['no reply after the reply date', false, '2020-02-28', [], true],
    ['no reply, on the reply date itself', false, '2020-03-01', [], false],
    ['no reply before the reply date', false, '2099-02-28', [], false],
    ['replied late, measures on time: no longer overdue', true, '2020-02-28', [m('planned', '2020-12-31')], false],
    ['replied, one measure late', true, '2020-02-28', [m('done', '2020-01-01'), m('ongoing', '2020-02-01')], true],
    ['replied, the late measure only waits', true, '2020-02-28', [m('planned', '2020-02-01', 'KS')], false],
  ])('reply: %s', (_, replied, replyDue, measures, overdue) => {
    expect(isReplyOverdue({ replied, replyDue, measures }, today)).toBe(overdue);
  });
});

describe('[AUDIT-TRACKING] a linked activity feeds the measure', () => {
  it('takes the newer of the measure’s own update and the activity’s latest follow-up', () => {
    expect(effectiveMeasureStatus(null, null)).toEqual({ status: 'planned', source: 'none' });
    expect(effectiveMeasureStatus(null, { status: 'ongoing', at: '2020-05-01T10:00:00Z' })).toEqual({ status: 'ongoing', source: 'activity' });
    expect(effectiveMeasureStatus({ status: 'done', at: '2020-06-01T10:00:00Z' }, { status: 'ongoing', at: '2020-05-01T10:00:00Z' })).toEqual({ status: 'done', source: 'measure' });
    expect(effectiveMeasureStatus({ status: 'ongoing', at: '2020-04-01T10:00:00Z' }, { status: 'done', at: '2020-09-01T10:00:00Z' })).toEqual({ status: 'done', source: 'activity' });
  });

  it.each([
    ['not_started', 'planned'],
    ['ongoing', 'ongoing'],
    ['delayed', 'ongoing'],
    ['done', 'done'],
    ['cancelled', 'cancelled'],
  ] as const)('activity %s → measure %s', (activity, measure) => {
    expect(effectiveMeasureStatus(null, { status: activity, at: '2020-01-01T00:00:00Z' }).status).toBe(measure);
  });
});

describe('[AUDIT-TRACKING] tertials and tallies', () => {
  it.each([
    ['2020-01-01', '2020-T1'],
    ['2020-04-30', '2020-T1'],
    ['2020-05-01', '2020-T2'],
    ['2020-08-31', '2020-T2'],
    ['2020-09-01', '2020-VB'],
    ['2020-12-31', '2020-VB'],
  ])('%s is in %s', (day, tertial) => expect(tertialOf(day)).toBe(tertial));

  it('counts replies by status, the overdue ones and the measures', () => {
    const t = tallyReplies([
      { status: 'awaiting_reply', overdue: true, measures: [] },
      { status: 'in_progress', overdue: true, measures: [{ overdue: true, waiting: false }, { overdue: false, waiting: true }] },
      { status: 'done', overdue: false, measures: [{ overdue: false, waiting: false }] },
    ]);
    expect(t).toEqual({ replies: 3, awaiting_reply: 1, replied: 0, in_progress: 1, done: 1, overdue: 2, measures: 3, measuresOverdue: 1, measuresWaiting: 1 });
  });
});
