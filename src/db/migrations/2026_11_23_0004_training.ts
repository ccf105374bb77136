import { sql, type Kysely } from 'kysely';

// Training coverage (PRODUCT.md §5): the course catalogue, coverage targets per course and year,
// priority groups per year, headcounts per board/unit with their history (one row per as-of
// date), and completions — one row per person and course, holding only an employee key (hashed
// when it was an e-mail address or personnummer) and where the person worked. `setting` holds
// per-municipality secrets such as the pepper for those hashes; it is created only if no other
// capability has created it already.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('setting')
    .ifNotExists()
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('setting_pk', ['municipality_id', 'key'])
    .execute();

  await db.schema
    .createTable('training_course')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('web_basic','advanced','lecture')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index training_course_name_unique on training_course (municipality_id, lower(name))`.execute(db);

  await db.schema
    .createTable('training_target')
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('training_course.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target_percent', 'integer', (c) => c.notNull().check(sql`target_percent between 1 and 100`))
    .addPrimaryKeyConstraint('training_target_pk', ['course_id', 'year'])
    .execute();

  await db.schema
    .createTable('training_priority_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('training_priority_group_member')
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('training_priority_group.id').onDelete('cascade'))
    .addColumn('board_id', 'uuid', (c) => c.references('board.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('unit.id'))
    .addCheckConstraint('training_priority_group_member_target', sql`(board_id is null) <> (unit_id is null)`)
    .execute();
  await db.schema.createIndex('training_priority_group_member_group').on('training_priority_group_member').column('group_id').execute();

  await db.schema
    .createTable('training_import')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('headcounts','participants')`))
    .addColumn('course_id', 'uuid', (c) => c.references('training_course.id').onDelete('set null'))
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('merged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('training_headcount')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('unit_id', 'uuid', (c) => c.references('unit.id'))
    .addColumn('employees', 'integer', (c) => c.notNull().check(sql`employees >= 0`))
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('import_id', 'uuid', (c) => c.references('training_import.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One count per board/unit and date: a re-import of the same date replaces it (history = dates).
  await sql`alter table training_headcount add constraint training_headcount_unique unique nulls not distinct (board_id, unit_id, as_of)`.execute(db);

  // One row per person and course (the primary key merges re-imports). Only the course is a
  // foreign key: board, unit and import ids come from the server's own matching, boards and units
  // are never deleted, and every further per-row check would cost about a second per 100,000 rows
  // of an import on the embedded database (the 5-second import target, bench/training-import.ts).
  // For the same reason there is no index on the board: coverage reads filter on the course.
  await db.schema
    .createTable('training_completion')
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('training_course.id'))
    .addColumn('employee_key', 'text', (c) => c.notNull())
    .addColumn('board_id', 'uuid', (c) => c.notNull())
    .addColumn('unit_id', 'uuid')
    .addColumn('completed_on', 'date', (c) => c.notNull())
    .addColumn('import_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('training_completion_pk', ['course_id', 'employee_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'training_completion',
    'training_headcount',
    'training_import',
    'training_priority_group_member',
    'training_priority_group',
    'training_target',
    'training_course',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  // `setting` may be shared with other capabilities: drop only the rows this one created.
  await sql`delete from setting where key like 'training.%'`.execute(db);
}
