import { sql, type Kysely } from 'kysely';

// OpenID Connect logins are bound to an account by the provider's issuer and subject, the only
// pair the provider promises never to reassign. The e-mail claim is used once, at first login and
// only when the provider says it is verified, to find the account to bind; after that the binding
// decides, so an e-mail change at the provider cannot move a login to another account. One subject
// per issuer per account: a second subject presenting the same e-mail is refused.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_identity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('user_identity_subject_unique', ['issuer', 'subject'])
    .addUniqueConstraint('user_identity_user_issuer_unique', ['user_id', 'issuer'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_identity').execute();
}
