import { sql, type Kysely } from 'kysely';

// The central coordinator's own summary of the city report (issue #12): one text per municipality
// and year, printed first in the Word, PDF and Excel reports and shown on the reports page.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_summary')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_summary_pk', ['municipality_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_summary').execute();
}
