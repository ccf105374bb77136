import { sql, type Kysely } from 'kysely';

// Training coverage's trend and board figures per board, not per unit (issue 11). The overview's
// trend sums each board's completions per quarter; read from training_completion_count (per unit)
// that meant ten rows or more per board and quarter: 6,400 rows at Stockholm's scale and 190,000 at
// a million people, most of the overview's time. training_completion_board_count keeps the same
// counts per course, board, status and quarter. The statement triggers of migration 0012 keep both
// tables, in the writing transaction, with the same aggregated upserts, so the two always agree.

/** The upserts of one trigger event into one count table; `unit`: the per-unit table. */
function apply(event: 'INSERT' | 'DELETE' | 'UPDATE', table: string, unit: boolean): string {
  const cols = unit ? 'course_id, board_id, unit_id, status' : 'course_id, board_id, status';
  const by = unit ? '1, 2, 3, 4, 5' : '1, 2, 3, 4';
  const quarter = `date_trunc('quarter', completed_on::timestamp)::date`;
  // Rows in a stable order, so two writers lock the counts they share in the same order.
  if (event === 'INSERT') {
    return `insert into ${table} as c (${cols}, quarter, n)
        select ${cols}, ${quarter}, count(*)::int from new_rows group by ${by} order by ${by}
        on conflict (${cols}, quarter) do update set n = c.n + excluded.n;`;
  }
  if (event === 'DELETE') {
    const sameUnit = unit ? ' and c.unit_id is not distinct from d.unit_id' : '';
    return `update ${table} c set n = c.n - d.n
        from (select ${cols}, ${quarter} as quarter, count(*)::int as n from old_rows group by ${by} order by ${by}) d
        where c.course_id = d.course_id and c.board_id = d.board_id${sameUnit} and c.status = d.status and c.quarter = d.quarter;`;
  }
  return `insert into ${table} as c (${cols}, quarter, n)
        select ${cols}, ${quarter}, sum(n)::int
        from (select ${cols}, completed_on, 1 as n from new_rows
              union all
              select ${cols}, completed_on, -1 from old_rows) d
        group by ${by} having sum(n) <> 0 order by ${by}
        on conflict (${cols}, quarter) do update set n = c.n + excluded.n;`;
}

const applyFunction = (tables: [string, boolean][]) => `
  create or replace function training_completion_count_apply() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      ${tables.map(([t, u]) => apply('INSERT', t, u)).join('\n      ')}
    elsif tg_op = 'DELETE' then
      ${tables.map(([t, u]) => apply('DELETE', t, u)).join('\n      ')}
    else
      ${tables.map(([t, u]) => apply('UPDATE', t, u)).join('\n      ')}
    end if;
    return null;
  end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table training_completion_board_count (
      course_id uuid not null references training_course(id),
      board_id uuid not null,
      status text not null,
      quarter date not null,
      n integer not null,
      constraint training_completion_board_count_key unique (course_id, board_id, status, quarter)
    )`.execute(db);
  await sql.raw(applyFunction([['training_completion_count', true], ['training_completion_board_count', false]])).execute(db);
  await sql`
    create or replace function training_completion_count_clear() returns trigger language plpgsql as $$
    begin
      delete from training_completion_count;
      delete from training_completion_board_count;
      return null;
    end $$`.execute(db);
  await sql`
    insert into training_completion_board_count (course_id, board_id, status, quarter, n)
    select course_id, board_id, status, quarter, sum(n)::int from training_completion_count group by 1, 2, 3, 4`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(applyFunction([['training_completion_count', true]])).execute(db);
  await sql`
    create or replace function training_completion_count_clear() returns trigger language plpgsql as $$
    begin
      delete from training_completion_count;
      return null;
    end $$`.execute(db);
  await sql`drop table if exists training_completion_board_count`.execute(db);
}
