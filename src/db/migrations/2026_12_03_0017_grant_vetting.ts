import { sql, type Kysely } from 'kysely';

// Grant and premises vetting (issue #15, PRODUCT.md §6). Each municipality keeps its own checklist
// of democracy criteria (grant_criterion; `required`: must be assessed as passed before an
// approval), seeded here for every existing municipality with Stockholm's four (new
// municipalities get them when created, src/modules/grants/criteria.service.ts). An application
// (grant_application) is received by a board, vetted and decided once, then paid out (grants
// only) and followed up the year after. The vetting record (grant_vetting) keeps each criterion's
// result with its label as it read at the decision, `not_assessed` for an active criterion left
// out. `partner_id` refers to the partner register by value only (no foreign key: the register
// is built separately).
const STOCKHOLM = [
  ['democracy', 'Demokrati och mänskliga rättigheter', 'Organisationen respekterar demokratins idéer och mänskliga rättigheter i sin verksamhet.', true],
  ['gender_equality', 'Jämställdhet', 'Organisationen verkar för jämställdhet mellan kvinnor och män, flickor och pojkar.', false],
  ['non_discrimination', 'Icke-diskriminering', 'Organisationen diskriminerar ingen och tar avstånd från diskriminering.', false],
  ['no_violence', 'Tar avstånd från våld', 'Organisationen och dess företrädare tar avstånd från våld, hot och tvång.', false],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grant_criterion')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('key', 'text', (c) => c.notNull().check(sql`key ~ '^[a-z][a-z0-9_]{1,39}$'`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('grant_criterion_pk', ['municipality_id', 'key'])
    .execute();
  const municipalities = await db.selectFrom('municipality').select('id').execute();
  for (const m of municipalities) {
    await db
      .insertInto('grant_criterion')
      .values(STOCKHOLM.map(([key, label, description, required], position) => ({ municipality_id: m.id, key, label, description, required, position })))
      .execute();
  }

  await db.schema
    .createTable('grant_application')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('board.id'))
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('grant','premises')`))
    .addColumn('amount', 'integer', (c) => c.check(sql`amount >= 0`))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('received').check(sql`status in ('received','approved','rejected')`))
    .addColumn('decided_on', 'date')
    .addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('paid_on', 'date')
    .addColumn('paid_amount', 'integer', (c) => c.check(sql`paid_amount >= 0`))
    .addColumn('follow_up_on', 'date')
    .addColumn('follow_up_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('grant_application_decided', sql`(status = 'received') = (decided_on is null)`)
    .addCheckConstraint('grant_application_paid', sql`paid_on is null or status = 'approved'`)
    .execute();
  await db.schema.createIndex('grant_application_board_idx').on('grant_application').columns(['board_id', 'received_on']).execute();

  await db.schema
    .createTable('grant_vetting')
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('grant_application.id').onDelete('cascade'))
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pass','fail','unclear','not_assessed')`))
    .addColumn('comment', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('grant_vetting_pk', ['application_id', 'criterion_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('grant_vetting').execute();
  await db.schema.dropTable('grant_application').execute();
  await db.schema.dropTable('grant_criterion').execute();
}
