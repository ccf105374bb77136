import { sql, type Kysely } from 'kysely';

// The audit log is append-only: nothing in Värna changes or removes an entry, so the database
// refuses it too. A trigger stops UPDATE, DELETE and TRUNCATE of audit_log for
//  - every role that is not a superuser (on a PostgreSQL server Värna should run as such a role,
//    with only INSERT and SELECT granted on the log: docs/operations.md), and
//  - Värna's own sessions, marked with application_name 'varna' (src/db/database.ts), even when
//    they run as a superuser, as they always do on the embedded database.
// A superuser in a session of their own is let through: they could disable or drop the trigger
// anyway (ALTER TABLE … DISABLE TRIGGER, session_replication_role), so refusing them would only
// pretend. What catches them is `audit verify`: the hash chain, the sequence without gaps, and the
// head recorded outside the database in VARNA_AUDIT_ANCHOR.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if current_setting('application_name') is distinct from 'varna'
         and coalesce((select rolsuper from pg_roles where rolname = current_user), false) then
        return case tg_op when 'DELETE' then old else new end;
      end if;
      raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Entries of the audit log are never changed or removed.';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
