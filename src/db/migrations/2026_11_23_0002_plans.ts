import { sql, type Kysely } from 'kysely';

// Action plans (PRODUCT.md §1–2). Governing documents are data (documents and their elements) so
// activities can be mapped to them and coverage counted; plan instructions are per year and
// municipality; a plan belongs to one board and year. Activities are soft-deleted so history is
// kept; every workflow move is a row in plan_transition and leaves a JSON snapshot in
// plan_version, so any two versions can be compared later.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guideline_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text')
    .addColumn('adopted_on', 'date')
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('guideline_element')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('guideline_document.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('measure_area','direction','requirement','guideline','perspective','risk')`),
    )
    .addColumn('key', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('guideline_element_document').on('guideline_element').columns(['document_id', 'position']).execute();

  await db.schema
    .createTable('plan_instruction')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published')`))
    .addColumn('deadline', 'date')
    .addColumn('guidance', 'text')
    .addColumn('sections', 'jsonb', (c) => c.notNull())
    .addColumn('required_activity_fields', 'jsonb', (c) => c.notNull())
    .addColumn('review_criteria', 'jsonb', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_instruction_year_unique', ['municipality_id', 'year'])
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','board_decided','submitted','in_review','approved','returned')`),
    )
    .addColumn('decided_on', 'date')
    .addColumn('paragraph', 'text')
    .addColumn('measure_area_gaps', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('previous_plan_id', 'uuid', (c) => c.references('plan.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_board_year_unique', ['board_id', 'year'])
    .execute();
  await db.schema.createIndex('plan_year').on('plan').columns(['year']).execute();

  await db.schema
    .createTable('plan_section')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dated_on', 'date')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_section_key_unique', ['plan_id', 'key'])
    .execute();

  await db.schema
    .createTable('plan_activity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('measure_area', 'text', (c) => c.check(sql`measure_area in ('general','targeted','individual')`))
    .addColumn('perspective', 'text')
    .addColumn('guideline_element_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'uuid', (c) => c.references('unit.id'))
    .addColumn('partners', 'text')
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('indicators', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('carried_over_from_activity_id', 'uuid', (c) => c.references('plan_activity.id'))
    .addColumn('previous_year_final_status', 'text', (c) =>
      c.check(sql`previous_year_final_status in ('not_started','ongoing','done','delayed','cancelled')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('deleted_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('plan_activity_plan').on('plan_activity').columns(['plan_id', 'position']).execute();
  await db.schema.createIndex('plan_activity_source').on('plan_activity').column('carried_over_from_activity_id').execute();

  await db.schema
    .createTable('plan_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_version_number_unique', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('plan_transition')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decided_on', 'date')
    .addColumn('paragraph', 'text')
    .addColumn('version_number', 'integer')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plan_transition_plan').on('plan_transition').columns(['plan_id', 'at']).execute();

  // One row per review round; transition_id is set when the round ends (returned or approved).
  await db.schema
    .createTable('plan_review')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reviewer_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('transition_id', 'uuid', (c) => c.references('plan_transition.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plan_review_plan').on('plan_review').column('plan_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'plan_review',
    'plan_transition',
    'plan_version',
    'plan_activity',
    'plan_section',
    'plan',
    'plan_instruction',
    'guideline_element',
    'guideline_document',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
