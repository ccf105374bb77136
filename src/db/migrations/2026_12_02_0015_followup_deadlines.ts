import { sql, type Kysely } from 'kysely';

// Follow-up deadlines (issue #12): a unit manager must see by when a period's reports are due. The
// central coordinator sets a default day per period kind for the municipality
// (followup_deadline_default, "MM-DD"; without a row the built-in Stockholm defaults of
// src/domain/followup/deadlines.ts apply) and may set another date for one period
// (followup_period.deadline; null: the default). A deadline does not close a period.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followup_deadline_default')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('T1','T2','VB')`))
    .addColumn('month_day', 'text', (c) => c.notNull().check(sql`month_day ~ '^[0-1][0-9]-[0-3][0-9]$'`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('followup_deadline_default_pk', ['municipality_id', 'kind'])
    .execute();
  await db.schema.alterTable('followup_period').addColumn('deadline', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('followup_period').dropColumn('deadline').execute();
  await db.schema.dropTable('followup_deadline_default').execute();
}
