import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PeriodKind } from '../../domain/followup/periods.js';
import type { FollowUpStatus } from '../../domain/followup/status.js';

const json = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- periods

export async function listPeriods(db: Database, municipalityId: string, year: number) {
  return db.selectFrom('followup_period').selectAll().where('municipality_id', '=', municipalityId).where('year', '=', year).execute();
}

export async function findPeriod(db: Database, municipalityId: string, year: number, kind: PeriodKind) {
  return db
    .selectFrom('followup_period')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

/** Locks the period row (creating it with the defaults first) so a close and a report cannot interleave. */
export async function lockPeriod(db: Database, p: { municipality_id: string; year: number; kind: PeriodKind; opens_on: string }) {
  await db
    .insertInto('followup_period')
    .values(p)
    .onConflict((oc) => oc.columns(['municipality_id', 'year', 'kind']).doNothing())
    .execute();
  return db
    .selectFrom('followup_period')
    .selectAll()
    .where('municipality_id', '=', p.municipality_id)
    .where('year', '=', p.year)
    .where('kind', '=', p.kind)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updatePeriod(
  db: Database,
  id: string,
  patch: { opens_on?: string; closes_on?: string | null; closed_at?: Date | null; closed_by?: string | null; deadline?: string | null },
) {
  return db
    .updateTable('followup_period')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Periods of several years at once (the deadlines of this year and the last). */
export async function listPeriodsOfYears(db: Database, municipalityId: string, years: number[]) {
  return db.selectFrom('followup_period').selectAll().where('municipality_id', '=', municipalityId).where('year', 'in', years).execute();
}

export async function deadlineDefaults(db: Database, municipalityId: string) {
  return db.selectFrom('followup_deadline_default').select(['kind', 'month_day']).where('municipality_id', '=', municipalityId).execute();
}

export async function upsertDeadlineDefault(db: Database, d: { municipality_id: string; kind: PeriodKind; month_day: string; updated_by: string | null }) {
  await db
    .insertInto('followup_deadline_default')
    .values(d)
    .onConflict((oc) => oc.columns(['municipality_id', 'kind']).doUpdateSet({ month_day: d.month_day, updated_by: d.updated_by, updated_at: sql`now()` }))
    .execute();
}

// ---------------------------------------------------------------- activities

/** An activity with its plan and board, for the checks of a report. */
export async function activityContext(db: Database, activityId: string) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select([
      'a.id',
      'a.title',
      'a.indicators',
      'a.responsible_unit_id',
      'a.deleted_at',
      'p.id as plan_id',
      'p.status as plan_status',
      'p.year',
      'p.board_id',
      'b.name as board_name',
      'b.municipality_id',
    ])
    .where('a.id', '=', activityId)
    .executeTakeFirst();
}
export type ActivityContext = NonNullable<Awaited<ReturnType<typeof activityContext>>>;

/** The unit and every unit above it. */
export async function unitChain(db: Database, unitId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from unit where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from unit u join up on u.id = up.parent_id where up.depth < 20
    )
    select id from up`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function userUnit(db: Database, userId: string): Promise<string | null> {
  const r = await db.selectFrom('app_user').select('unit_id').where('id', '=', userId).executeTakeFirst();
  return r?.unit_id ?? null;
}

export async function reportersOf(db: Database, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('follow_up_reporter as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.activity_id', 'u.id', 'u.name'])
    .where('r.activity_id', 'in', activityIds)
    .orderBy('u.name')
    .execute();
}

export async function replaceReporters(db: Database, activityId: string, userIds: string[]) {
  await db.deleteFrom('follow_up_reporter').where('activity_id', '=', activityId).execute();
  if (userIds.length) await db.insertInto('follow_up_reporter').values(userIds.map((user_id) => ({ activity_id: activityId, user_id }))).execute();
}

/** Active accounts holding any of `roles` on the board itself, each once. */
export async function usersWithRolesOnBoard(db: Database, boardId: string, roles: string[]) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.name'])
    .where('u.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('user_role as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.board_id', '=', boardId).where('r.role', 'in', roles)))
    .orderBy('u.name')
    .execute();
}

/** Every named reporter of the board's live activities. */
export async function reportersOfBoard(db: Database, boardId: string) {
  return db
    .selectFrom('follow_up_reporter as r')
    .innerJoin('plan_activity as a', 'a.id', 'r.activity_id')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .select(['r.activity_id', 'r.user_id'])
    .where('p.board_id', '=', boardId)
    .where('a.deleted_at', 'is', null)
    .execute();
}

export async function planOfBoardYear(db: Database, boardId: string, year: number) {
  return db.selectFrom('plan').select(['id', 'status', 'year', 'board_id']).where('board_id', '=', boardId).where('year', '=', year).executeTakeFirst();
}

const activityColumns = [
  'a.id',
  'a.plan_id',
  'a.title',
  'a.measure_area',
  'a.responsible',
  'a.timeline',
  'a.indicators',
  'a.responsible_unit_id',
  'p.year',
  'p.board_id',
  'b.name as board_name',
] as const;

export async function activitiesOfPlan(db: Database, planId: string) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select(activityColumns)
    .where('a.plan_id', '=', planId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.position')
    .orderBy('a.created_at')
    .execute();
}
export type ActivityListRow = Awaited<ReturnType<typeof activitiesOfPlan>>[number];

/**
 * Activities of approved plans of `year` on `boards` that the user answers for: named as a
 * reporter, or responsible through their unit or a unit below it.
 */
export async function responsibleActivities(db: Database, q: { userId: string; unitId: string | null; boards: 'all' | string[]; municipalityId: string; year: number }) {
  if (q.boards !== 'all' && q.boards.length === 0) return [];
  let query = db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select(activityColumns)
    .where('b.municipality_id', '=', q.municipalityId)
    .where('p.year', '=', q.year)
    .where('p.status', '=', 'approved')
    .where('a.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('follow_up_reporter as r').select('r.user_id').whereRef('r.activity_id', '=', 'a.id').where('r.user_id', '=', q.userId)),
        ...(q.unitId
          ? [
              eb(
                'a.responsible_unit_id',
                'in',
                sql<string>`(with recursive down(id, depth) as (select id, 0 from unit where id = ${q.unitId} union all select u.id, down.depth + 1 from unit u join down on u.parent_id = down.id where down.depth < 20) select id from down)`,
              ),
            ]
          : []),
      ]),
    );
  if (q.boards !== 'all') query = query.where('p.board_id', 'in', q.boards);
  return query.orderBy('b.name').orderBy('a.position').execute();
}

// ---------------------------------------------------------------- follow-ups

export async function followUpsOf(db: Database, activityIds: string[], year: number) {
  if (activityIds.length === 0) return [];
  return db.selectFrom('follow_up').selectAll().where('activity_id', 'in', activityIds).where('year', '=', year).orderBy('period_rank').execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];

export async function historyOf(db: Database, activityId: string) {
  return db.selectFrom('follow_up').selectAll().where('activity_id', '=', activityId).orderBy('year').orderBy('period_rank').execute();
}

export async function upsertFollowUp(
  db: Database,
  f: {
    activity_id: string;
    board_id: string;
    year: number;
    period: PeriodKind;
    period_rank: number;
    status: FollowUpStatus;
    comment: string | null;
    indicator_values: { name: string; value: number | string }[];
    reported_by: string | null;
    reported_by_name: string;
  },
) {
  const values = { ...f, indicator_values: json(f.indicator_values) };
  return db
    .insertInto('follow_up')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['activity_id', 'year', 'period']).doUpdateSet({
        status: f.status,
        comment: f.comment,
        indicator_values: values.indicator_values,
        reported_by: f.reported_by,
        reported_by_name: f.reported_by_name,
        reported_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The activity's final status of the year: its VB report, else its T2 report. */
export async function finalStatus(db: Database, activityId: string, year: number): Promise<FollowUpStatus | null> {
  const r = await db
    .selectFrom('follow_up')
    .select('status')
    .where('activity_id', '=', activityId)
    .where('year', '=', year)
    .where('period', 'in', ['T2', 'VB'])
    .orderBy('period_rank', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.status ?? null;
}

// ---------------------------------------------------------------- analysis

export async function findAnalysis(db: Database, boardId: string, year: number, period: PeriodKind) {
  return db.selectFrom('board_analysis').selectAll().where('board_id', '=', boardId).where('year', '=', year).where('period', '=', period).executeTakeFirst();
}
export type AnalysisRow = NonNullable<Awaited<ReturnType<typeof findAnalysis>>>;

export async function upsertAnalysis(
  db: Database,
  a: { board_id: string; year: number; period: PeriodKind; sections: Record<string, string>; updated_by: string | null; updated_by_name: string },
) {
  const sections = json(a.sections);
  return db
    .insertInto('board_analysis')
    .values({ ...a, sections })
    .onConflict((oc) =>
      oc.columns(['board_id', 'year', 'period']).doUpdateSet({ sections, updated_by: a.updated_by, updated_by_name: a.updated_by_name, updated_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markAnalysisReported(db: Database, id: string, name: string) {
  return db.updateTable('board_analysis').set({ reported_at: sql`now()`, reported_by_name: name }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- context indicators

export async function listContext(db: Database, municipalityId: string, kpiIds?: string[]) {
  if (kpiIds && kpiIds.length === 0) return [];
  let q = db.selectFrom('context_indicator').select(['kpi_id', 'title', 'area', 'year', 'value']).where('municipality_id', '=', municipalityId);
  if (kpiIds) q = q.where('kpi_id', 'in', kpiIds);
  return q.orderBy('kpi_id').orderBy('area').orderBy('year').execute();
}

export async function existingContextKeys(db: Database, municipalityId: string, kpiIds: string[]) {
  if (kpiIds.length === 0) return new Set<string>();
  const rows = await db.selectFrom('context_indicator').select(['kpi_id', 'area', 'year']).where('municipality_id', '=', municipalityId).where('kpi_id', 'in', kpiIds).execute();
  return new Set(rows.map((r) => `${r.kpi_id}|${r.area.toLowerCase()}|${r.year}`));
}

export async function upsertContextValues(
  db: Database,
  rows: { municipality_id: string; kpi_id: string; title: string | null; area: string; year: number; value: number; imported_by: string | null }[],
) {
  // In chunks: one statement per 1,000 rows keeps the parameter count well under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 1000) {
    await sql`
      insert into context_indicator (municipality_id, kpi_id, title, area, year, value, imported_by)
      select * from unnest(
        ${rows.slice(i, i + 1000).map((r) => r.municipality_id)}::uuid[],
        ${rows.slice(i, i + 1000).map((r) => r.kpi_id)}::text[],
        ${rows.slice(i, i + 1000).map((r) => r.title)}::text[],
        ${rows.slice(i, i + 1000).map((r) => r.area)}::text[],
        ${rows.slice(i, i + 1000).map((r) => r.year)}::int[],
        ${rows.slice(i, i + 1000).map((r) => r.value)}::numeric[],
        ${rows.slice(i, i + 1000).map((r) => r.imported_by)}::uuid[]
      )
      on conflict (municipality_id, kpi_id, lower(area), year)
      do update set value = excluded.value, title = coalesce(excluded.title, context_indicator.title), imported_at = now(), imported_by = excluded.imported_by`.execute(db);
  }
}

export async function linksOf(db: Database, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db.selectFrom('context_indicator_link').select(['activity_id', 'indicator_name', 'kpi_id']).where('activity_id', 'in', activityIds).orderBy('kpi_id').execute();
}

export async function replaceLinks(db: Database, activityId: string, links: { indicatorName: string; kpiId: string }[]) {
  await db.deleteFrom('context_indicator_link').where('activity_id', '=', activityId).execute();
  if (links.length) {
    await db
      .insertInto('context_indicator_link')
      .values(links.map((l) => ({ activity_id: activityId, indicator_name: l.indicatorName, kpi_id: l.kpiId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
