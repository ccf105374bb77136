import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boardProgress,
  boardSummaries,
  indicatorOutcomes,
  latestIndicatorValues,
  measureAreaMatrix,
  percent,
  sortDelayed,
  statusCounts,
  tallyTotal,
  yearOverYear,
  type ActivityRow,
  type FollowUpRow,
} from './aggregate.js';
import { FOLLOW_UP_STATUSES } from './status.js';
import { PERIOD_KINDS } from './periods.js';
import { MEASURE_AREAS } from '../plans/model.js';

const boards = [
  { boardId: 'a', name: 'Farsta', kind: 'district_board', plan: { id: 'pa', status: 'approved' } },
  { boardId: 'b', name: 'Skärholmen', kind: 'district_board', plan: { id: 'pb', status: 'returned' } },
  { boardId: 'c', name: 'Kommunstyrelsen', kind: 'city_board', plan: null },
];
const activities: ActivityRow[] = [
  { id: 'a1', boardId: 'a', year: 2026, measureArea: 'general' },
  { id: 'a2', boardId: 'a', year: 2026, measureArea: 'general' },
  { id: 'a3', boardId: 'a', year: 2026, measureArea: 'targeted' },
  { id: 'a4', boardId: 'a', year: 2026, measureArea: null },
  { id: 'b1', boardId: 'b', year: 2026, measureArea: 'individual' },
  { id: 'a0', boardId: 'a', year: 2025, measureArea: 'general' },
  { id: 'a9', boardId: 'a', year: 2025, measureArea: 'targeted' },
];
const followUps: FollowUpRow[] = [
  { activityId: 'a1', year: 2026, period: 'T1', status: 'ongoing' },
  { activityId: 'a1', year: 2026, period: 'T2', status: 'done' },
  { activityId: 'a2', year: 2026, period: 'T1', status: 'delayed' },
  { activityId: 'a3', year: 2026, period: 'T2', status: 'delayed' },
  { activityId: 'b1', year: 2026, period: 'T1', status: 'not_started' },
  { activityId: 'a0', year: 2025, period: 'VB', status: 'done' },
  { activityId: 'a9', year: 2025, period: 'T2', status: 'cancelled' },
  // A report filed against another year's period does not count for the activity's year.
  { activityId: 'a4', year: 2025, period: 'VB', status: 'done' },
];

describe('statusCounts and boardSummaries', () => {
  const counts = statusCounts(activities, followUps);
  it('counts each activity once, by its latest report of the year', () => {
    const summaries = boardSummaries(boards, counts, 2026);
    const farsta = summaries[0];
    expect(farsta.total).toBe(4);
    expect(farsta.byStatus).toEqual({ not_started: 0, ongoing: 0, done: 1, delayed: 2, cancelled: 0, not_reported: 1 });
    expect(farsta.donePercent).toBe(25);
    expect(summaries[1]).toMatchObject({ name: 'Skärholmen', total: 1, byStatus: expect.objectContaining({ not_started: 1 }) });
    expect(summaries[2]).toMatchObject({ name: 'Kommunstyrelsen', total: 0, plan: null, donePercent: 0 });
  });
  it('can stop at an earlier period', () => {
    const t1 = boardSummaries(boards, statusCounts(activities, followUps, 'T1'), 2026)[0];
    expect(t1.byStatus).toMatchObject({ ongoing: 1, delayed: 1, not_reported: 2, done: 0 });
  });
  it('gives the city matrix of measure area × status', () => {
    const m = measureAreaMatrix(counts, 2026);
    expect(m.total).toBe(5);
    expect(m.rows.general).toMatchObject({ done: 1, delayed: 1 });
    expect(m.rows.individual).toMatchObject({ not_started: 1 });
    expect(m.totals).toEqual({ not_started: 1, ongoing: 0, done: 1, delayed: 2, cancelled: 0, not_reported: 1 });
  });
  it('compares with the year before', () => {
    const y = yearOverYear(counts, 2026);
    expect(y.hasHistory).toBe(true);
    expect(y.previous).toMatchObject({ total: 2, donePercent: 50 });
    expect(y.current).toMatchObject({ total: 5, donePercent: 20, delayedPercent: 40 });
    expect(y.previous.byStatus.cancelled).toBe(1);
    expect(yearOverYear(counts, 2025).hasHistory).toBe(false);
  });
  it('never loses or invents an activity (property)', () => {
    const arb = fc.array(
      fc.record({ id: fc.uuid(), boardId: fc.constantFrom('a', 'b'), year: fc.constantFrom(2025, 2026), measureArea: fc.constantFrom(...MEASURE_AREAS, null) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.record({ i: fc.nat(), period: fc.constantFrom(...PERIOD_KINDS), status: fc.constantFrom(...FOLLOW_UP_STATUSES) })), (acts, fus) => {
        const f = acts.length ? fus.map((x) => ({ activityId: acts[x.i % acts.length].id, year: acts[x.i % acts.length].year, period: x.period, status: x.status })) : [];
        const c = statusCounts(acts, f);
        for (const year of [2025, 2026]) {
          expect(tallyTotal(measureAreaMatrix(c, year).totals)).toBe(acts.filter((a) => a.year === year).length);
        }
      }),
    );
  });
});

describe('delayed list, indicators and progress', () => {
  it('sorts delayed activities by board, measure area and title', () => {
    const items = sortDelayed([
      { boardId: 'b', boardName: 'Älvsjö', activityId: '1', title: 'B', measureArea: 'general', period: 'T1', comment: null },
      { boardId: 'a', boardName: 'Farsta', activityId: '2', title: 'Ö', measureArea: 'targeted', period: 'T1', comment: null },
      { boardId: 'a', boardName: 'Farsta', activityId: '3', title: 'Z', measureArea: 'general', period: 'T1', comment: null },
    ]);
    expect(items.map((i) => i.activityId)).toEqual(['3', '2', '1']);
  });
  it('keeps the latest value per indicator across the year’s periods', () => {
    const v = latestIndicatorValues([
      { period: 'T2', values: [{ name: 'x', value: 20 }] },
      { period: 'T1', values: [{ name: 'x', value: 10 }, { name: 'y', value: 'Ja' }] },
    ]);
    expect(Object.fromEntries(v)).toEqual({ x: { value: 20, period: 'T2' }, y: { value: 'Ja', period: 'T1' } });
  });
  it('summarises indicator results', () => {
    const out = indicatorOutcomes([
      { boardId: 'a', activityId: '1', activityTitle: 'U', indicator: { kind: 'output', name: 'x', target: 10 }, value: 12, period: 'T2' },
      { boardId: 'a', activityId: '1', activityTitle: 'U', indicator: { kind: 'effect', name: 'y', target: 10 }, value: null, period: null },
    ]);
    expect(out.summary).toEqual({ achieved: 1, not_achieved: 0, no_value: 1, not_comparable: 0 });
  });
  it('lists who has not reported and what is delayed', () => {
    const p = boardProgress([
      { activityId: '1', title: 'A', responsible: 'x', reporterNames: [], status: null },
      { activityId: '2', title: 'B', responsible: 'x', reporterNames: [], status: 'delayed' },
      { activityId: '3', title: 'C', responsible: 'x', reporterNames: [], status: 'done' },
    ]);
    expect(p).toMatchObject({ total: 3, reported: 2 });
    expect(p.notReported.map((i) => i.title)).toEqual(['A']);
    expect(p.delayed.map((i) => i.title)).toEqual(['B']);
  });
  it('rounds shares to one decimal', () => {
    expect(percent(208, 2679)).toBe(7.8);
    expect(percent(1, 0)).toBe(0);
  });
});
