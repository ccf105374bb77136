import { sql, type Kysely } from 'kysely';

// The situation picture (lägesbild): de-identified concern and incident reports with the
// coordinator's handling (per-user read marks, notes), dated notes from the police and other
// sources, surveys sent as single-use links to units and local actors, and the annual picture
// per board and year. No table holds personal data about people of concern: free text is
// refused by the personal-data guard before it gets here, and survey responses are stored
// without a link to the recipient who gave them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('concern_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('graffiti','propaganda','threat','violence','recruitment','concern_for_person','returnee','other')`),
    )
    .addColumn('environment', 'text', (c) => c.notNull().check(sql`environment in ('white_power','autonomous','violent_islamist','unclear')`))
    .addColumn('area', 'text')
    .addColumn('reporting_unit_id', 'uuid', (c) => c.references('unit.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('action_taken', 'text')
    .addColumn('forwarded_to_social_services', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('forwarded_to_police', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('relevance', 'text', (c) => c.check(sql`relevance in ('vbe','unclear','not_vbe')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','closed')`))
    .addColumn('filed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('classified_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('classified_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('concern_report_board_date').on('concern_report').columns(['board_id', 'occurred_on']).execute();

  // Who has opened which report: each coordinator's inbox counts the open reports they have not read.
  await db.schema
    .createTable('concern_report_read')
    .addColumn('concern_id', 'uuid', (c) => c.notNull().references('concern_report.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('first_read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('concern_report_read_pk', ['concern_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('concern_note')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('concern_id', 'uuid', (c) => c.notNull().references('concern_report.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('situation_note')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('noted_on', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('police','network','civil_society','other')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('situation_note_board_date').on('situation_note').columns(['board_id', 'noted_on']).execute();

  await db.schema
    .createTable('survey')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text')
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','sent','closed')`))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();

  // One row per link. Only the SHA-256 of the token is kept: the link is shown once, when made.
  await db.schema
    .createTable('survey_recipient')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('recipient_group', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'uuid', (c) => c.references('unit.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Anonymous: the group and the day, never the recipient.
  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('recipient_group', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('situation_picture')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published')`))
    .addColumn('compiled_on', 'date', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('situation_picture_board_year', ['board_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['situation_picture', 'survey_response', 'survey_recipient', 'survey', 'situation_note', 'concern_note', 'concern_report_read', 'concern_report']) {
    await db.schema.dropTable(t).execute();
  }
}
