import { sql, type Kysely } from 'kysely';

// Training coverage computed where the data is (issue 11). Coverage counts people per board and
// unit as of a date, and the trend counts them per quarter; reading one row per person per request
// took 160 ms for Stockholm's 28,000 and would take seconds at a million. So:
//
// - training_completion_count keeps, per course, board, unit, status and quarter (its first day),
//   how many people's rows fall in it. Statement triggers with transition tables keep it in step
//   with training_completion inside the writing transaction, one aggregated upsert per statement
//   (an import of 10,000 rows per statement touches a few hundred counts), so a rolled-back import
//   leaves no trace and a later import that moves a person (earlier date, other unit, started →
//   completed) moves the count. Full quarters before the as-of date are read from here.
// - The rest of the as-of date's quarter is counted from training_completion itself through
//   training_completion_course_date, which holds everything that count needs.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table training_completion_count (
      course_id uuid not null references training_course(id),
      board_id uuid not null,
      unit_id uuid,
      status text not null,
      quarter date not null,
      n integer not null,
      constraint training_completion_count_key unique nulls not distinct (course_id, board_id, unit_id, status, quarter)
    )`.execute(db);

  await sql`
    create function training_completion_count_apply() returns trigger language plpgsql as $$
    begin
      -- Rows in a stable order, so two writers lock the counts they share in the same order.
      if tg_op = 'INSERT' then
        insert into training_completion_count as c (course_id, board_id, unit_id, status, quarter, n)
        select course_id, board_id, unit_id, status, date_trunc('quarter', completed_on::timestamp)::date, count(*)::int
        from new_rows group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (course_id, board_id, unit_id, status, quarter) do update set n = c.n + excluded.n;
      elsif tg_op = 'DELETE' then
        update training_completion_count c set n = c.n - d.n
        from (select course_id, board_id, unit_id, status, date_trunc('quarter', completed_on::timestamp)::date as quarter, count(*)::int as n
              from old_rows group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5) d
        where c.course_id = d.course_id and c.board_id = d.board_id and c.unit_id is not distinct from d.unit_id
          and c.status = d.status and c.quarter = d.quarter;
      else
        insert into training_completion_count as c (course_id, board_id, unit_id, status, quarter, n)
        select course_id, board_id, unit_id, status, date_trunc('quarter', completed_on::timestamp)::date, sum(n)::int
        from (select course_id, board_id, unit_id, status, completed_on, 1 as n from new_rows
              union all
              select course_id, board_id, unit_id, status, completed_on, -1 from old_rows) d
        group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5
        on conflict (course_id, board_id, unit_id, status, quarter) do update set n = c.n + excluded.n;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger training_completion_count_insert after insert on training_completion
    referencing new table as new_rows for each statement execute function training_completion_count_apply()`.execute(db);
  await sql`create trigger training_completion_count_update after update on training_completion
    referencing old table as old_rows new table as new_rows for each statement execute function training_completion_count_apply()`.execute(db);
  await sql`create trigger training_completion_count_delete after delete on training_completion
    referencing old table as old_rows for each statement execute function training_completion_count_apply()`.execute(db);
  await sql`
    create function training_completion_count_clear() returns trigger language plpgsql as $$
    begin
      delete from training_completion_count;
      return null;
    end $$`.execute(db);
  await sql`create trigger training_completion_count_truncate after truncate on training_completion
    for each statement execute function training_completion_count_clear()`.execute(db);

  await sql`
    insert into training_completion_count (course_id, board_id, unit_id, status, quarter, n)
    select course_id, board_id, unit_id, status, date_trunc('quarter', completed_on::timestamp)::date, count(*)::int
    from training_completion group by 1, 2, 3, 4, 5`.execute(db);

  await sql`create index training_completion_course_date on training_completion (course_id, completed_on) include (board_id, unit_id, status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists training_completion_course_date`.execute(db);
  for (const t of ['insert', 'update', 'delete', 'truncate']) {
    await sql.raw(`drop trigger if exists training_completion_count_${t} on training_completion`).execute(db);
  }
  await sql`drop function if exists training_completion_count_apply()`.execute(db);
  await sql`drop function if exists training_completion_count_clear()`.execute(db);
  await sql`drop table if exists training_completion_count`.execute(db);
}
