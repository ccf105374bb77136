import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { latestIndicatorValues, statusCounts, type ActivityRow, type FollowUpRow } from '../../src/domain/followup/aggregate.js';
import { periodRank, PERIOD_KINDS, type PeriodKind } from '../../src/domain/followup/periods.js';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../src/domain/followup/status.js';
import { MEASURE_AREAS, type MeasureArea } from '../../src/domain/plans/model.js';
import { reportData } from '../../src/modules/reports/repo.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

/**
 * The report's one statement (src/modules/reports/repo.ts) counts in SQL what the domain's reference
 * rules (src/domain/followup/aggregate.ts) say: each activity once by its latest report up to the
 * period, the unreported as "not reported", only live activities of approved plans; and each
 * indicator's latest value, a later period replacing an earlier one. Random follow-ups, written
 * through the real triggers, on each database.
 */
interface Activity extends ActivityRow {
  approved: boolean;
  deleted: boolean;
}
interface Report extends FollowUpRow {
  values: { name: string; value: number | string }[];
}

const YEARS = [2025, 2026];
const scenario = fc.record({
  activities: fc.array(
    fc.record({
      board: fc.nat(2),
      year: fc.constantFrom(...YEARS),
      measureArea: fc.constantFrom<MeasureArea | null>(...MEASURE_AREAS, null),
      deleted: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    }),
    { minLength: 10, maxLength: 40 },
  ),
  reports: fc.array(
    fc.record({
      activity: fc.nat(),
      period: fc.constantFrom<PeriodKind>(...PERIOD_KINDS),
      status: fc.constantFrom<FollowUpStatus>(...FOLLOW_UP_STATUSES),
      x: fc.option(fc.integer({ min: 0, max: 100 })),
      y: fc.option(fc.constantFrom('Ja', 'Nej')),
    }),
    { maxLength: 80 },
  ),
});

describe.each(await testDatabaseKinds())('[REPORTS] the report statement against the reference rules on %s', (kind) => {
  let handle: DatabaseHandle;
  let municipalityId: string;
  const activities: Activity[] = [];
  const reports: Report[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const db = handle.db;
    const [data] = fc.sample(scenario, { numRuns: 1, seed: 20261204 });
    municipalityId = (await db.insertInto('municipality').values({ name: 'Provstad' }).returning('id').executeTakeFirstOrThrow()).id;
    const boards = await db
      .insertInto('board')
      .values(['Nämnd A', 'Nämnd B', 'Nämnd C'].map((name) => ({ municipality_id: municipalityId, name, kind: 'district_board' })))
      .returning('id')
      .execute();
    // Board C's plan of 2026 is still a draft: its activities are in no count.
    const plans = new Map<string, { id: string; approved: boolean }>();
    for (const [i, b] of boards.entries()) {
      for (const year of YEARS) {
        const approved = !(i === 2 && year === 2026);
        const p = await db.insertInto('plan').values({ board_id: b.id, year, status: approved ? 'approved' : 'draft' }).returning('id').executeTakeFirstOrThrow();
        plans.set(`${i}|${year}`, { id: p.id, approved });
      }
    }
    const indicators = JSON.stringify([
      { kind: 'effect', name: 'x', baseline: '10', target: '50' },
      { kind: 'effect', name: 'y', baseline: null, target: 'Ja' },
    ]);
    for (const [position, a] of data.activities.entries()) {
      const plan = plans.get(`${a.board}|${a.year}`)!;
      const row = await db
        .insertInto('plan_activity')
        .values({ plan_id: plan.id, position, title: `Insats ${position}`, measure_area: a.measureArea, responsible: 'Chef', timeline: 'Året', follow_up: 'Tertialvis', indicators })
        .returning('id')
        .executeTakeFirstOrThrow();
      activities.push({ id: row.id, boardId: boards[a.board].id, year: a.year, measureArea: a.measureArea, approved: plan.approved, deleted: a.deleted });
    }
    const seen = new Set<string>();
    for (const r of data.reports) {
      const a = activities[r.activity % activities.length];
      if (seen.has(`${a.id}|${r.period}`)) continue;
      seen.add(`${a.id}|${r.period}`);
      const values = [...(r.x === null ? [] : [{ name: 'x', value: r.x }]), ...(r.y === null ? [] : [{ name: 'y', value: r.y }])];
      await db
        .insertInto('follow_up')
        .values({ activity_id: a.id, board_id: a.boardId, year: a.year, period: r.period, period_rank: periodRank(r.period), status: r.status, indicator_values: JSON.stringify(values), reported_by_name: 'Rapportör' })
        .execute();
      reports.push({ activityId: a.id, year: a.year, period: r.period, status: r.status, values });
    }
    // Removed after their reports were written: the triggers take them out of the counts.
    for (const a of activities.filter((x) => x.deleted)) await db.updateTable('plan_activity').set({ deleted_at: new Date() }).where('id', '=', a.id).execute();
  });
  afterAll(() => handle.close());

  /** The counts summed by `key`, zeros left out (the statement sends no empty groups). */
  const sums = <C extends { count: number }>(counts: readonly C[], key: (c: C) => string) => {
    const m = new Map<string, number>();
    for (const c of counts) m.set(key(c), (m.get(key(c)) ?? 0) + c.count);
    return new Map([...m].filter(([, n]) => n > 0));
  };

  it.each(PERIOD_KINDS)('counts every followed-up activity once by its latest report up to %s', async (period) => {
    const data = await reportData(handle.db, { municipalityId, year: 2026, boardId: null, upToRank: periodRank(period), effectIndicatorsOnly: true });
    const counted = activities.filter((a) => a.approved && !a.deleted);
    // The activity-by-activity arithmetic of the domain, summed as the statement sums: per board and
    // status for the report's year, per year, measure area and status for every board.
    const expected = statusCounts(counted, reports, period);
    const { byBoard, byArea } = data.counts;
    expect(sums(byBoard, (c) => `${c.boardId}|${c.year}|${c.status}`)).toEqual(sums(expected.filter((c) => c.year === 2026), (c) => `${c.boardId}|${c.year}|${c.status}`));
    expect(sums(byArea, (c) => `${c.year}|${c.measureArea}|${c.status}`)).toEqual(sums(expected, (c) => `${c.year}|${c.measureArea}|${c.status}`));
    expect(byArea.reduce((n, c) => n + c.count, 0)).toBe(counted.length);
    expect(byBoard.reduce((n, c) => n + c.count, 0)).toBe(counted.filter((a) => a.year === 2026).length);
    // Both years are in the data, so the year before is really summed.
    expect(byArea.some((c) => c.year === 2025)).toBe(true);
    // Each plan's activity count holds its live activities, approved or not.
    for (const p of data.plans) {
      expect(p.activities).toBe(activities.filter((a) => a.boardId === p.board_id && a.year === p.year && !a.deleted).length);
    }
  });

  it.each(PERIOD_KINDS)('gives each indicator its latest value up to %s', async (period) => {
    const data = await reportData(handle.db, { municipalityId, year: 2026, boardId: null, upToRank: periodRank(period), effectIndicatorsOnly: true });
    const listed = activities.filter((a) => a.year === 2026 && a.approved && !a.deleted);
    expect(new Set(data.indicators.map((i) => i.id))).toEqual(new Set(listed.map((a) => a.id)));
    for (const i of data.indicators) {
      const upTo = reports.filter((r) => r.activityId === i.id && r.year === 2026 && periodRank(r.period) <= periodRank(period));
      const expected = latestIndicatorValues(upTo);
      expect(new Map(i.latest.map(([name, value, p]) => [name, { value, period: p }]))).toEqual(expected);
    }
  });
});
