import { sql, type Kysely } from 'kysely';

// The login throttle's keys (account, address, and the two together) were plain SHA-256 hashes: an
// IPv4 address has only 2^32 values, so its hash could be reversed by trying them all. They are now
// HMAC-SHA-256 under a random secret kept in this table (one row per purpose, created by the
// application at first use), so the table of failures says nothing about who tried from where to
// anyone without the secret. Old rows are dropped: keyed the old way they can never match again,
// and they would have left the 15-minute window soon anyway.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_secret')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.deleteFrom('login_failure').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instance_secret').execute();
}
