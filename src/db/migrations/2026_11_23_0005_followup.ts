import { sql, type Kysely } from 'kysely';

// Follow-up and consolidated reporting (PRODUCT.md §3). Periods are per municipality and year
// (T1, T2, VB) with the dates the central coordinator sets. A follow-up is one row per activity and
// period (re-reporting in an open period replaces it; the audit log keeps the history); board_id and
// year are copied from the plan so the city report aggregates without walking plans, and
// period_rank orders T1 < T2 < VB for "latest status of the year". Reporters are the contributors
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
    .addUniqueConstraint('follow_up_activity_period_unique', ['activity_id', 'year', 'period'])
    .execute();
  // The city report's aggregate: each activity's latest report of a year is one index probe.
  await sql`create index follow_up_latest on follow_up (activity_id, year, period_rank desc) include (status)`.execute(db);
  await db.schema.createIndex('follow_up_board_year').on('follow_up').columns(['board_id', 'year', 'period']).execute();

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
  for (const t of ['context_indicator_link', 'context_indicator', 'board_analysis', 'follow_up_reporter', 'follow_up', 'followup_period']) {
    await db.schema.dropTable(t).execute();
  }
}
