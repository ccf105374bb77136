import { sql, type Kysely } from 'kysely';

// Follow-up and consolidated reporting (PRODUCT.md §3). Periods are per municipality and year
// (T1, T2, VB) with the dates the central coordinator sets. A follow-up is one row per activity and
// period (re-reporting in an open period replaces it; the audit log keeps the history); board_id and
// year are copied from the plan, and triggers keep the activity's measure area, whether it counts
// (a live activity of an approved plan) and which report is the latest of the year on the row, so
// the city report counts 300 boards × 50 activities with one index-only pass (bench/reports.ts);
// period_rank orders T1 < T2 < VB. Reporters are the contributors
// the local coordinator names per activity. The analysis is one row per board and period.
// Context indicators are KPI values imported from Kolada-like CSV files, linked to effect
// indicators by name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followup_period')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('T1','T2','VB')`))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('followup_period_unique', ['municipality_id', 'year', 'kind'])
    .execute();

  await db.schema
    .createTable('follow_up')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('plan_activity.id').onDelete('cascade'))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('T1','T2','VB')`))
    .addColumn('period_rank', 'smallint', (c) => c.notNull().check(sql`period_rank between 1 and 3`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('not_started','ongoing','done','delayed','cancelled')`))
    .addColumn('comment', 'text')
    .addColumn('indicator_values', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reported_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('reported_by_name', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Kept in step by the triggers below, so the city report aggregates follow_up alone:
    // the activity's measure area, whether it counts (a live activity of an approved plan), and
    // whether this is the activity's latest report of the year.
    .addColumn('measure_area', 'text')
    .addColumn('counted', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('is_latest', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('follow_up_activity_period_unique', ['activity_id', 'year', 'period'])
    .execute();
  // An activity's latest report of a year (final status for the plans, the fallback aggregate).
  await sql`create index follow_up_latest on follow_up (activity_id, year, period_rank desc) include (status)`.execute(db);
  // The city report's counts: one ordered index-only pass, no join, no sort.
  await sql`create index follow_up_report on follow_up (year, board_id, measure_area, status) where is_latest and counted`.execute(db);
  // Reports "as of" T1 or T2: each activity's latest report up to that rank, in index order.
  await sql`create index follow_up_year_rank on follow_up (year, activity_id, period_rank desc) include (board_id, measure_area, status, period) where counted`.execute(db);
  // Activity counts per plan and measure area, and the effect indicators of the city report.
  await sql`create index followup_plan_activity_live on plan_activity (plan_id) include (measure_area) where deleted_at is null`.execute(db);
  await sql`create index followup_plan_activity_effect on plan_activity (plan_id) where deleted_at is null and indicators @> '[{"kind":"effect"}]'::jsonb`.execute(db);

  await sql`
    create function follow_up_fill() returns trigger language plpgsql as $$
    begin
      select a.measure_area, (a.deleted_at is null and p.status = 'approved') into new.measure_area, new.counted
      from plan_activity a join plan p on p.id = a.plan_id where a.id = new.activity_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger follow_up_fill before insert on follow_up for each row execute function follow_up_fill()`.execute(db);
  await sql`
    create function follow_up_mark_latest() returns trigger language plpgsql as $$
    declare act uuid; yr integer;
    begin
      if tg_op = 'DELETE' then act := old.activity_id; yr := old.year; else act := new.activity_id; yr := new.year; end if;
      update follow_up f set is_latest = (f.period_rank = m.rk)
      from (select max(period_rank) as rk from follow_up where activity_id = act and year = yr) m
      where f.activity_id = act and f.year = yr and f.is_latest is distinct from (f.period_rank = m.rk);
      return null;
    end $$`.execute(db);
  await sql`create trigger follow_up_mark_latest after insert or delete or update of period_rank on follow_up for each row execute function follow_up_mark_latest()`.execute(db);
  await sql`
    create function follow_up_sync_activity() returns trigger language plpgsql as $$
    begin
      update follow_up f set measure_area = new.measure_area,
        counted = (new.deleted_at is null and exists (select 1 from plan p where p.id = new.plan_id and p.status = 'approved'))
      where f.activity_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger plan_activity_follow_up_sync after update of measure_area, deleted_at, plan_id on plan_activity for each row
    when (old.measure_area is distinct from new.measure_area or old.deleted_at is distinct from new.deleted_at or old.plan_id is distinct from new.plan_id)
    execute function follow_up_sync_activity()`.execute(db);
  await sql`
    create function follow_up_sync_plan() returns trigger language plpgsql as $$
    begin
      update follow_up f set counted = (new.status = 'approved' and a.deleted_at is null)
      from plan_activity a where a.plan_id = new.id and f.activity_id = a.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger plan_follow_up_sync after update of status on plan for each row
    when (old.status is distinct from new.status) execute function follow_up_sync_plan()`.execute(db);

  await db.schema
    .createTable('follow_up_reporter')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('plan_activity.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follow_up_reporter_pk', ['activity_id', 'user_id'])
    .execute();
  await db.schema.createIndex('follow_up_reporter_user').on('follow_up_reporter').column('user_id').execute();

  await db.schema
    .createTable('board_analysis')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('T1','T2','VB')`))
    .addColumn('sections', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reported_at', 'timestamptz')
    .addColumn('reported_by_name', 'text')
    .addUniqueConstraint('board_analysis_unique', ['board_id', 'year', 'period'])
    .execute();

  await db.schema
    .createTable('context_indicator')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('kpi_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('imported_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await sql`create unique index context_indicator_unique on context_indicator (municipality_id, kpi_id, lower(area), year)`.execute(db);

  await db.schema
    .createTable('context_indicator_link')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('plan_activity.id').onDelete('cascade'))
    .addColumn('indicator_name', 'text', (c) => c.notNull())
    .addColumn('kpi_id', 'text', (c) => c.notNull())
    .addUniqueConstraint('context_indicator_link_unique', ['activity_id', 'indicator_name', 'kpi_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists plan_follow_up_sync on plan`.execute(db);
  await sql`drop trigger if exists plan_activity_follow_up_sync on plan_activity`.execute(db);
  await sql`drop index if exists followup_plan_activity_live`.execute(db);
  await sql`drop index if exists followup_plan_activity_effect`.execute(db);
  for (const t of ['context_indicator_link', 'context_indicator', 'board_analysis', 'follow_up_reporter', 'follow_up', 'followup_period']) {
    await db.schema.dropTable(t).execute();
  }
  for (const f of ['follow_up_fill', 'follow_up_mark_latest', 'follow_up_sync_activity', 'follow_up_sync_plan']) await sql.raw(`drop function if exists ${f}()`).execute(db);
}
