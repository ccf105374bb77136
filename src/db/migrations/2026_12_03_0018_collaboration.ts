import { sql, type Kysely } from 'kysely';

// Collaboration with the police and civil society (issue #15, PRODUCT.md §6).
// - partner: an organisation of a type the guidelines name, with function contacts (a role and a
//   function mailbox, never a private person's details); partner_board: the boards that work with
//   it (none: a partner of the whole city, kept by the central coordinator).
// - forum: a council or network (board_id null: the city's own), its member organisations
//   (forum_partner) and meetings (forum_meeting, notes personal-data guarded, minutes in the
//   attachment store under owner kind `forum_meeting`).
// - agreement: a police collaboration agreement (samverkansöverenskommelse), central (board_id
//   null) or local, its parties and the plan activities that carry it out.
// - civil_society_strategy: one per board, goals each carried out by plan activities.
// - plan_activity gains typed partners and target groups; plan_instruction the partner types a
//   plan must work with (checked by the plan check).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('police','security_service','school','social_services','housing_company','property_owner','faith_community','association','sports_club','business','other')`,
        ),
    )
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index partner_name_uq on partner (municipality_id, lower(name))`.execute(db);
  await db.schema
    .createTable('partner_board')
    .addColumn('partner_id', 'uuid', (c) => c.notNull().references('partner.id').onDelete('cascade'))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addPrimaryKeyConstraint('partner_board_pk', ['partner_id', 'board_id'])
    .execute();
  await db.schema.createIndex('partner_board_board_idx').on('partner_board').column('board_id').execute();

  await db.schema
    .createTable('forum')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('board_id', 'uuid', (c) => c.references('board.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) =>
      c.check(sql`cadence in ('weekly','biweekly','every_six_weeks','monthly','quarterly','per_term','yearly','as_needed')`),
    )
    .addColumn('description', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('forum_board_idx').on('forum').columns(['municipality_id', 'board_id']).execute();
  await db.schema
    .createTable('forum_partner')
    .addColumn('forum_id', 'uuid', (c) => c.notNull().references('forum.id').onDelete('cascade'))
    .addColumn('partner_id', 'uuid', (c) => c.notNull().references('partner.id'))
    .addPrimaryKeyConstraint('forum_partner_pk', ['forum_id', 'partner_id'])
    .execute();
  await db.schema
    .createTable('forum_meeting')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('forum_id', 'uuid', (c) => c.notNull().references('forum.id').onDelete('cascade'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('vbe_on_agenda', 'boolean', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('forum_meeting_forum_idx').on('forum_meeting').columns(['forum_id', 'held_on']).execute();

  await db.schema
    .createTable('agreement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('board_id', 'uuid', (c) => c.references('board.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('review_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('agreement_dates', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('agreement_review_idx').on('agreement').columns(['municipality_id', 'review_on']).execute();
  await db.schema
    .createTable('agreement_partner')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('partner_id', 'uuid', (c) => c.notNull().references('partner.id'))
    .addPrimaryKeyConstraint('agreement_partner_pk', ['agreement_id', 'partner_id'])
    .execute();
  await db.schema
    .createTable('agreement_activity')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('plan_activity.id'))
    .addPrimaryKeyConstraint('agreement_activity_pk', ['agreement_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('civil_society_strategy')
    .addColumn('board_id', 'uuid', (c) => c.primaryKey().references('board.id'))
    .addColumn('adopted_on', 'date')
    .addColumn('summary', 'text')
    .addColumn('goals', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('plan_activity')
    .addColumn('partner_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('plan_activity')
    .addColumn('target_groups', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('plan_instruction')
    .addColumn('required_partner_types', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_instruction').dropColumn('required_partner_types').execute();
  await db.schema.alterTable('plan_activity').dropColumn('target_groups').execute();
  await db.schema.alterTable('plan_activity').dropColumn('partner_ids').execute();
  for (const t of ['civil_society_strategy', 'agreement_activity', 'agreement_partner', 'agreement', 'forum_meeting', 'forum_partner', 'forum', 'partner_board', 'partner']) {
    await db.schema.dropTable(t).execute();
  }
}
