import { sql, type Kysely } from 'kysely';

// Two capabilities that arrive together (issue 13):
//
// Attachments: the product's one file store. Metadata in `attachment`, the bytes in
// `attachment_content` (bytea: works on PGlite and the server, and rides along in every backup);
// a later S3-compatible store keeps the metadata here and the bytes there (`storage` names the
// backend). An attachment is readable through the records that refer to it (`attachment_ref`:
// owner kind + id); one that no record refers to yet only by its uploader.
//
// Audit tracking (revision, PRODUCT.md §7): audit reports, their recommendations addressed to
// boards, each addressed board's reply (yttrande) with its decision, the measures it promises
// (linked to a plan activity, standalone, or waiting for another body), each measure's status
// history, and the follow-up audit's assessments (history kept). A measure and an assessment
// refer to the (recommendation, board) pair, so they can only exist for a board the
// recommendation is addressed to.
//
// Training: participant lists may mark a row as started (påbörjad, pågående); such rows are kept
// as started instead of being skipped, so coverage can show started and completed apart.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage', 'text', (c) => c.notNull().defaultTo('database'))
    .addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('attachment_content')
    .addColumn('attachment_id', 'uuid', (c) => c.primaryKey().references('attachment.id').onDelete('cascade'))
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attachment_ref')
    .addColumn('attachment_id', 'uuid', (c) => c.notNull().references('attachment.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attachment_ref_pk', ['attachment_id', 'owner_kind', 'owner_id'])
    .execute();
  await db.schema.createIndex('attachment_ref_owner').on('attachment_ref').columns(['owner_kind', 'owner_id']).execute();

  await db.schema
    .createTable('audit_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('case_number', 'text')
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('reply_due', 'date', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_report_municipality').on('audit_report').columns(['municipality_id', 'issued_on']).execute();

  await db.schema
    .createTable('audit_recommendation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('audit_report.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_recommendation_report').on('audit_recommendation').columns(['report_id', 'position']).execute();

  await db.schema
    .createTable('audit_recommendation_board')
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull().references('audit_recommendation.id').onDelete('cascade'))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addPrimaryKeyConstraint('audit_recommendation_board_pk', ['recommendation_id', 'board_id'])
    .execute();
  await db.schema.createIndex('audit_recommendation_board_board').on('audit_recommendation_board').column('board_id').execute();

  await db.schema
    .createTable('audit_reply')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull())
    .addColumn('board_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'date')
    .addColumn('paragraph', 'text')
    .addColumn('case_number', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('audit_reply_addressed', ['recommendation_id', 'board_id'], 'audit_recommendation_board', ['recommendation_id', 'board_id'], (c) => c.onDelete('cascade'))
    .addUniqueConstraint('audit_reply_unique', ['recommendation_id', 'board_id'])
    .execute();

  await db.schema
    .createTable('audit_measure')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull())
    .addColumn('board_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text')
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('activity_id', 'uuid', (c) => c.references('plan_activity.id').onDelete('set null'))
    .addColumn('waiting_for', 'text')
    .addColumn('waiting_for_measure_id', 'uuid', (c) => c.references('audit_measure.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned','ongoing','done','cancelled')`))
    // When the status was last set by hand; null until then (a linked activity's follow-up then decides).
    .addColumn('status_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('audit_measure_addressed', ['recommendation_id', 'board_id'], 'audit_recommendation_board', ['recommendation_id', 'board_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('audit_measure_reply').on('audit_measure').columns(['recommendation_id', 'board_id', 'position']).execute();
  await db.schema.createIndex('audit_measure_activity').on('audit_measure').column('activity_id').execute();

  await db.schema
    .createTable('audit_measure_update')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().references('audit_measure.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','ongoing','done','cancelled')`))
    .addColumn('comment', 'text')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_measure_update_measure').on('audit_measure_update').columns(['measure_id', 'at']).execute();

  await db.schema
    .createTable('audit_assessment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recommendation_id', 'uuid', (c) => c.notNull())
    .addColumn('board_id', 'uuid', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('addressed','partly','not_addressed')`))
    .addColumn('comment', 'text')
    .addColumn('assessed_on', 'date', (c) => c.notNull())
    .addColumn('assessor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('assessor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('audit_assessment_addressed', ['recommendation_id', 'board_id'], 'audit_recommendation_board', ['recommendation_id', 'board_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('audit_assessment_reply').on('audit_assessment').columns(['recommendation_id', 'board_id', 'created_at']).execute();

  await sql`alter table training_completion add column status text not null default 'completed' check (status in ('completed', 'started'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table training_completion drop column status`.execute(db);
  for (const t of ['audit_assessment', 'audit_measure_update', 'audit_measure', 'audit_reply', 'audit_recommendation_board', 'audit_recommendation', 'audit_report', 'attachment_ref', 'attachment_content', 'attachment']) {
    await db.schema.dropTable(t).execute();
  }
}
