import { sql, type Kysely } from 'kysely';

// Public information, the helpline log and the knowledge hub (issue #16, PRODUCT.md §8).
// - board_public_info: a board's "where to turn" text and function contacts, shown without login.
// - helpline_contact: one anonymous contact with the city's helpline (lotsfunktion); board_id null
//   is the city's own. The note is personal-data guarded.
// - library_item / library_version: the city's documents with their versions; each version's file
//   is in the attachment store (owner kind `library_version`), its text extracted for search. The
//   item keeps the newest version's text so one Swedish tsvector covers title, description and text.
// - news_item: news from the central coordinator to the coordinators.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('board_public_info')
    .addColumn('board_id', 'uuid', (c) => c.primaryKey().references('board.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('contacts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('helpline_contact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('board_id', 'uuid', (c) => c.references('board.id'))
    .addColumn('contacted_on', 'date', (c) => c.notNull())
    .addColumn('caller_type', 'text', (c) => c.notNull().check(sql`caller_type in ('relative','professional','resident','self','other')`))
    .addColumn('topic', 'text', (c) => c.notNull().check(sql`topic in ('concern_for_person','general_question','material_request','other')`))
    .addColumn('environment', 'text', (c) => c.notNull().check(sql`environment in ('white_power','autonomous','violent_islamist','unclear')`))
    .addColumn('referred_to', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('helpline_contact_idx').on('helpline_contact').columns(['municipality_id', 'contacted_on']).execute();

  await db.schema
    .createTable('library_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('legal_memo','guide','routine','lecture','template')`))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('staff','coordinators')`))
    .addColumn('description', 'text')
    .addColumn('document_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table library_item add column search tsvector generated always as (
      setweight(to_tsvector('swedish', title), 'A') ||
      setweight(to_tsvector('swedish', coalesce(description, '')), 'B') ||
      setweight(to_tsvector('swedish', document_text), 'C')) stored`.execute(db);
  await sql`create index library_item_search_idx on library_item using gin (search)`.execute(db);

  await db.schema
    .createTable('library_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_item.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('attachment_id', 'uuid', (c) => c.notNull().references('attachment.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('library_version_number_uq', ['item_id', 'number'])
    .execute();

  await db.schema
    .createTable('news_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('news_item_idx').on('news_item').columns(['municipality_id', 'published_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['news_item', 'library_version', 'library_item', 'helpline_contact', 'board_public_info']) await db.schema.dropTable(t).execute();
}
