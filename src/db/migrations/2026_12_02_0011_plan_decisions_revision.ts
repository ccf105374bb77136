import { sql, type Kysely } from 'kysely';

// Board decisions as they happen (issue 14): each meeting's handling of a plan is a record of its
// own — proposals, the outcome (adopted, sent back by the board, postponed), reservations and
// special statements in full, the protocol extract as an attachment — instead of one date and
// paragraph on the plan. Political records are public, so their texts are stored as written.
//
// Revision during the year: a revision is a new plan for the same board and year that points at
// the approved plan it revises (`revision_of`). So "one plan per board and year" becomes "one
// original plan per board and year, and at most one plan in force": the approved plan stays in
// force until its revision is approved, then it is `superseded`. Activities carried into a
// revision point at the activity they revise, so follow-up can move along the chain.
// Approval by the city board records its own date and paragraph.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table plan drop constraint plan_status_check`.execute(db);
  await sql`alter table plan add constraint plan_status_check check (status in ('draft','board_decided','submitted','in_review','approved','returned','superseded'))`.execute(db);
  await db.schema
    .alterTable('plan')
    .addColumn('revision_of', 'uuid', (c) => c.references('plan.id'))
    .addColumn('revision_reason', 'text')
    .addColumn('approved_on', 'date')
    .addColumn('approved_paragraph', 'text')
    .execute();
  await db.schema.alterTable('plan').dropConstraint('plan_board_year_unique').execute();
  await sql`create unique index plan_board_year_original on plan (board_id, year) where revision_of is null`.execute(db);
  await sql`create unique index plan_board_year_in_force on plan (board_id, year) where status = 'approved'`.execute(db);
  // One revision under way per plan at a time.
  await sql`create unique index plan_open_revision on plan (revision_of) where revision_of is not null and status not in ('approved','superseded')`.execute(db);

  await db.schema
    .alterTable('plan_activity')
    .addColumn('revised_from_activity_id', 'uuid', (c) => c.references('plan_activity.id'))
    .execute();
  await db.schema.createIndex('plan_activity_revised_from').on('plan_activity').column('revised_from_activity_id').execute();

  await db.schema
    .createTable('plan_decision')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('meeting_on', 'date', (c) => c.notNull())
    .addColumn('paragraph', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('adopted','sent_back','postponed')`))
    .addColumn('proposals', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reservations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plan_decision_plan').on('plan_decision').columns(['plan_id', 'meeting_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_decision').execute();
  await db.schema.alterTable('plan_activity').dropColumn('revised_from_activity_id').execute();
  await sql`drop index plan_open_revision`.execute(db);
  await sql`drop index plan_board_year_in_force`.execute(db);
  await sql`drop index plan_board_year_original`.execute(db);
  await db.schema.alterTable('plan').addUniqueConstraint('plan_board_year_unique', ['board_id', 'year']).execute();
  await db.schema.alterTable('plan').dropColumn('revision_of').dropColumn('revision_reason').dropColumn('approved_on').dropColumn('approved_paragraph').execute();
  await sql`alter table plan drop constraint plan_status_check`.execute(db);
  await sql`alter table plan add constraint plan_status_check check (status in ('draft','board_decided','submitted','in_review','approved','returned'))`.execute(db);
}
