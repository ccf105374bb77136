import { sql, type Kysely } from 'kysely';

// Failed logins, for the login throttle (src/domain/session-rules.ts). Kept in the database so a
// restart does not clear a lock and several Värna processes share it. The key is a SHA-256 of
// "account:<e-mail>" or "ip:<address>", never the address itself, and rows older than the
// throttle window are deleted as new failures arrive.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failure')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_failure_key').on('login_failure').columns(['key_hash', 'failed_at']).execute();
  await db.schema.createIndex('login_failure_age').on('login_failure').column('failed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
