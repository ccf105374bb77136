import { sql, type Kysely } from 'kysely';

// The reports' counts, kept on write (issue 11). Every build of the city report counted, for this
// year and the one before, each plan's live activities per measure area (30,000 index entries for
// 300 boards) and each board's activities by latest status (30,000 more): half of its statement.
// Two tables now hold those counts:
//
// - plan_activity_count: per plan and measure area, the live activities (deleted_at is null);
// - follow_up_latest_count: per board, year, measure area and status, the activities whose latest
//   report of the year that is (follow_up rows with is_latest and counted, migration 0005), keyed
//   year first as the report reads them.
//
// Statement triggers keep them in the writing transaction with one aggregated change per key, in a
// stable order (as the training counts of migration 0012): a bulk insert is one upsert per key, a
// rolled-back write leaves them untouched, and the follow-up triggers' own updates of is_latest,
// counted and measure_area (an activity removed or moved, a plan approved) are followed like any
// other write. The report "as of" T1 or T2 still counts from follow_up itself.

interface KeptCount {
  /** The count table. */
  table: string;
  /** The table whose rows it counts. */
  source: string;
  /** The columns it counts by, the same in both tables. */
  keys: string[];
  /** Which rows count. */
  live: string;
}

const COUNTS: KeptCount[] = [
  { table: 'plan_activity_count', source: 'plan_activity', keys: ['plan_id', 'measure_area'], live: 'deleted_at is null' },
  { table: 'follow_up_latest_count', source: 'follow_up', keys: ['year', 'board_id', 'measure_area', 'status'], live: 'is_latest and counted' },
];

/**
 * The trigger function's body for one event: the net change per key, increases upserted, decreases
 * made to the row that must be there (a check keeps every count at zero or more; when what owns the
 * counted rows is deleted, say a plan, its counts have gone with it by cascade and nothing is left
 * to update).
 */
function apply(c: KeptCount, sides: ('new_rows' | 'old_rows')[]): string {
  const keys = c.keys.join(', ');
  const by = c.keys.map((_, i) => i + 1).join(', ');
  const signed = sides.map((rows) => `select ${keys}, ${rows === 'new_rows' ? 1 : -1} as n from ${rows} where ${c.live}`).join(' union all ');
  const net = `select ${keys}, sum(n)::int as n from (${signed}) d group by ${by}`;
  const same = c.keys.map((k) => `c.${k} is not distinct from d.${k}`).join(' and ');
  return `
        update ${c.table} c set n = c.n + d.n from (${net} having sum(n) < 0 order by ${by}) d where ${same};
        insert into ${c.table} as c (${keys}, n) ${net} having sum(n) > 0 order by ${by}
          on conflict (${keys}) do update set n = c.n + excluded.n;`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plan_activity_count (
      plan_id uuid not null references plan(id) on delete cascade,
      measure_area text,
      n integer not null check (n >= 0),
      constraint plan_activity_count_key unique nulls not distinct (plan_id, measure_area)
    )`.execute(db);
  await sql`
    create table follow_up_latest_count (
      year integer not null,
      board_id uuid not null references board(id),
      measure_area text,
      status text not null,
      n integer not null check (n >= 0),
      constraint follow_up_latest_count_key unique nulls not distinct (year, board_id, measure_area, status)
    )`.execute(db);
  for (const c of COUNTS) {
    await sql.raw(`
      create function ${c.table}_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then ${apply(c, ['new_rows'])}
        elsif tg_op = 'DELETE' then ${apply(c, ['old_rows'])}
        else ${apply(c, ['new_rows', 'old_rows'])}
        end if;
        return null;
      end $$`).execute(db);
    await sql.raw(`create trigger ${c.table}_insert after insert on ${c.source}
      referencing new table as new_rows for each statement execute function ${c.table}_apply()`).execute(db);
    await sql.raw(`create trigger ${c.table}_update after update on ${c.source}
      referencing old table as old_rows new table as new_rows for each statement execute function ${c.table}_apply()`).execute(db);
    await sql.raw(`create trigger ${c.table}_delete after delete on ${c.source}
      referencing old table as old_rows for each statement execute function ${c.table}_apply()`).execute(db);
    await sql.raw(`create function ${c.table}_clear() returns trigger language plpgsql as $$
      begin
        delete from ${c.table};
        return null;
      end $$`).execute(db);
    await sql.raw(`create trigger ${c.table}_truncate after truncate on ${c.source} for each statement execute function ${c.table}_clear()`).execute(db);
    await sql.raw(`insert into ${c.table} (${c.keys.join(', ')}, n) select ${c.keys.join(', ')}, count(*)::int from ${c.source} where ${c.live} group by ${c.keys.map((_, i) => i + 1).join(', ')}`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of COUNTS) {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await sql.raw(`drop trigger if exists ${c.table}_${t} on ${c.source}`).execute(db);
    await sql.raw(`drop function if exists ${c.table}_apply()`).execute(db);
    await sql.raw(`drop function if exists ${c.table}_clear()`).execute(db);
    await sql.raw(`drop table if exists ${c.table}`).execute(db);
  }
}
