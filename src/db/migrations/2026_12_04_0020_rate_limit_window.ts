import { sql, type Kysely } from 'kysely';

// Request counts per client and window, shared by every Värna process on one PostgreSQL server
// (issue #18: several processes behind a load balancer must not each allow the full limit).
// UNLOGGED: counts that a crash loses cost nothing, and the table is written on every request.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unlogged table rate_limit_window (
    key text primary key,
    hits integer not null,
    ends_at timestamptz not null
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_window').execute();
}
