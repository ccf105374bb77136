import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { periodRank, PERIOD_KINDS, type PeriodKind } from '../../src/domain/followup/periods.js';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../src/domain/followup/status.js';
import { MEASURE_AREAS, type MeasureArea } from '../../src/domain/plans/model.js';
import { reportData } from '../../src/modules/reports/repo.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

/**
 * The reports' counts are kept on write (migration 0023) and the reports read them: each plan's live
 * activities per measure area (plan_activity_count) and each board's activities by latest status
 * (follow_up_latest_count). Whatever is written — activities added one at a time or many in one
 * statement, moved to another measure area, removed, restored, deleted outright, follow-ups
 * reported, replaced and deleted, a plan approved or sent back, a write rolled back, a whole plan
 * deleted — the counts must be what a fresh count of the rows gives.
 */
const area = fc.constantFrom<MeasureArea | null>(...MEASURE_AREAS, null);
const followUpStep = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('report' as const), pick: fc.nat(), period: fc.constantFrom<PeriodKind>(...PERIOD_KINDS), status: fc.constantFrom<FollowUpStatus>(...FOLLOW_UP_STATUSES) }),
  },
  fc.record({ op: fc.constant('unreport' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), area }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('plan' as const), plan: fc.nat(3), status: fc.constantFrom('approved', 'draft') }),
);
const step = fc.oneof(
  fc.record({ op: fc.constant('add' as const), plan: fc.nat(3), areas: fc.array(area, { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), area }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('retitle' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('rolledBack' as const), plan: fc.nat(3), pick: fc.nat() }),
);

describe.each(await testDatabaseKinds())('[REPORTS] counts kept on write on %s', (kind) => {
  let handle: DatabaseHandle;
  let municipalityId: string;
  let plans: string[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const db = handle.db;
    municipalityId = (await db.insertInto('municipality').values({ name: 'Räknestad' }).returning('id').executeTakeFirstOrThrow()).id;
    const boards = await db
      .insertInto('board')
      .values(['Nämnd A', 'Nämnd B'].map((name) => ({ municipality_id: municipalityId, name, kind: 'district_board' })))
      .returning('id')
      .execute();
    plans = [];
    for (const b of boards) {
      for (const year of [2025, 2026]) plans.push((await db.insertInto('plan').values({ board_id: b.id, year, status: 'approved' }).returning('id').executeTakeFirstOrThrow()).id);
    }
  });
  afterAll(() => handle.close());

  const activity = (planId: string, position: number, measureArea: MeasureArea | null) => ({
    plan_id: planId,
    position,
    title: `Insats ${position}`,
    measure_area: measureArea,
    responsible: 'Chef',
    timeline: 'Året',
    follow_up: 'Tertialvis',
  });

  /** The kept counts, and a fresh count of the live rows, as "plan|area" → n. */
  async function keptAndCounted() {
    const kept = await handle.db.selectFrom('plan_activity_count').select(['plan_id', 'measure_area', 'n']).where('n', '>', 0).execute();
    const counted = await sql<{ plan_id: string; measure_area: string | null; n: number }>`
      select plan_id, measure_area, count(*)::int as n from plan_activity where deleted_at is null group by 1, 2`.execute(handle.db);
    const asMap = (rows: { plan_id: string; measure_area: string | null; n: number }[]) => new Map(rows.map((r) => [`${r.plan_id}|${r.measure_area}`, r.n]));
    return { kept: asMap(kept), counted: asMap(counted.rows) };
  }

  it('agrees with a fresh count after every write, in any order', async () => {
    const db = handle.db;
    const scenario = fc.sample(fc.array(step, { minLength: 25, maxLength: 40 }), { numRuns: 1, seed: 20261205 })[0];
    let position = 0;
    const ids = async () => (await db.selectFrom('plan_activity').select(['id', 'deleted_at']).orderBy('id').execute()).map((r) => ({ id: r.id, removed: r.deleted_at !== null }));
    const pickFrom = async (n: number, want?: (a: { removed: boolean }) => boolean) => {
      const all = (await ids()).filter((a) => !want || want(a));
      return all.length ? all[n % all.length].id : null;
    };
    const seen = new Set<string>();
    for (const s of scenario) {
      seen.add(s.op);
      if (s.op === 'add') await db.insertInto('plan_activity').values(s.areas.map((a) => activity(plans[s.plan], ++position, a))).execute();
      if (s.op === 'move') {
        const id = await pickFrom(s.pick);
        if (id) await db.updateTable('plan_activity').set({ measure_area: s.area }).where('id', '=', id).execute();
      }
      if (s.op === 'remove') {
        const id = await pickFrom(s.pick, (a) => !a.removed);
        if (id) await db.updateTable('plan_activity').set({ deleted_at: new Date() }).where('id', '=', id).execute();
      }
      if (s.op === 'restore') {
        const id = await pickFrom(s.pick, (a) => a.removed);
        if (id) await db.updateTable('plan_activity').set({ deleted_at: null }).where('id', '=', id).execute();
      }
      if (s.op === 'retitle') await db.updateTable('plan_activity').set({ title: `Ny titel ${s.pick}` }).execute();
      if (s.op === 'delete') {
        const id = await pickFrom(s.pick);
        if (id) await db.deleteFrom('plan_activity').where('id', '=', id).execute();
      }
      if (s.op === 'rolledBack') {
        const failed = db.transaction().execute(async (tx) => {
          await tx.insertInto('plan_activity').values(activity(plans[s.plan], ++position, 'general')).execute();
          await tx.updateTable('plan_activity').set({ deleted_at: new Date() }).where('plan_id', '=', plans[(s.plan + 1) % plans.length]).execute();
          throw new Error('avbruten');
        });
        await expect(failed).rejects.toThrow('avbruten');
      }
      const { kept, counted } = await keptAndCounted();
      expect(kept, s.op).toEqual(counted);
    }
    // The sample exercised every kind of write, not a lucky few.
    expect(seen.size).toBe(7);

    // The report's plan sizes are those counts.
    const data = await reportData(db, { municipalityId, year: 2026, boardId: null, upToRank: 3, effectIndicatorsOnly: true });
    const { counted } = await keptAndCounted();
    for (const p of data.plans) {
      const live = [...counted].filter(([k]) => k.startsWith(`${p.id}|`)).reduce((n, [, v]) => n + v, 0);
      expect(p.activities).toBe(live);
    }
  });

  /** The kept counts by latest status, and a fresh count of the follow-ups that count, as "year|board|area|status" → n. */
  async function latestKeptAndCounted() {
    const kept = await handle.db.selectFrom('follow_up_latest_count').select(['year', 'board_id', 'measure_area', 'status', 'n']).where('n', '>', 0).execute();
    const counted = await sql<{ year: number; board_id: string; measure_area: string | null; status: string; n: number }>`
      select year, board_id, measure_area, status, count(*)::int as n from follow_up where is_latest and counted group by 1, 2, 3, 4`.execute(handle.db);
    const asMap = (rows: { year: number; board_id: string; measure_area: string | null; status: string; n: number }[]) =>
      new Map(rows.map((r) => [`${r.year}|${r.board_id}|${r.measure_area}|${r.status}`, r.n]));
    return { kept: asMap(kept), counted: asMap(counted.rows) };
  }

  it('counts activities by latest status as a fresh count does, after every follow-up and plan write', async () => {
    const db = handle.db;
    const scenario = fc.sample(fc.array(followUpStep, { minLength: 40, maxLength: 60 }), { numRuns: 1, seed: 20261206 })[0];
    // From every activity live in an approved plan.
    await db.updateTable('plan_activity').set({ deleted_at: null }).execute();
    await db.updateTable('plan').set({ status: 'approved' }).execute();
    const activities = await db
      .selectFrom('plan_activity as a')
      .innerJoin('plan as p', 'p.id', 'a.plan_id')
      .select(['a.id', 'p.board_id', 'p.year'])
      .orderBy('a.id')
      .execute();
    const seen = new Set<string>();
    let mostCounted = 0;
    for (const s of scenario) {
      seen.add(s.op);
      if (s.op === 'report') {
        const a = activities[s.pick % activities.length];
        // A new report, or the period's report replaced (its status changed).
        await db
          .insertInto('follow_up')
          .values({ activity_id: a.id, board_id: a.board_id, year: a.year, period: s.period, period_rank: periodRank(s.period), status: s.status, reported_by_name: 'Rapportör' })
          .onConflict((oc) => oc.constraint('follow_up_activity_period_unique').doUpdateSet({ status: s.status }))
          .execute();
      }
      if (s.op === 'unreport') {
        const reported = await db.selectFrom('follow_up').select('id').orderBy('id').execute();
        if (reported.length) await db.deleteFrom('follow_up').where('id', '=', reported[s.pick % reported.length].id).execute();
      }
      if (s.op === 'move') await db.updateTable('plan_activity').set({ measure_area: s.area }).where('id', '=', activities[s.pick % activities.length].id).execute();
      if (s.op === 'remove') await db.updateTable('plan_activity').set({ deleted_at: new Date() }).where('id', '=', activities[s.pick % activities.length].id).execute();
      if (s.op === 'restore') await db.updateTable('plan_activity').set({ deleted_at: null }).where('id', '=', activities[s.pick % activities.length].id).execute();
      if (s.op === 'plan') await db.updateTable('plan').set({ status: s.status }).where('id', '=', plans[s.plan]).execute();
      const { kept, counted } = await latestKeptAndCounted();
      expect(kept, s.op).toEqual(counted);
      mostCounted = Math.max(mostCounted, counted.size);
    }
    // Every kind of write was exercised, with counts to keep, not against an empty table.
    expect(seen.size).toBe(6);
    expect(mostCounted).toBeGreaterThan(3);
  });

  it('loses the counts of a deleted plan with the plan, and keeps the others', async () => {
    const db = handle.db;
    await db.insertInto('plan_activity').values([activity(plans[0], 900, 'targeted'), activity(plans[1], 901, null)]).execute();
    await db.deleteFrom('plan').where('id', '=', plans[0]).execute();
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    const latest = await latestKeptAndCounted();
    expect(latest.kept).toEqual(latest.counted);
    expect([...kept.keys()].some((k) => k.startsWith(`${plans[0]}|`))).toBe(false);
    expect([...kept.keys()].some((k) => k.startsWith(`${plans[1]}|`))).toBe(true);
  });
});
