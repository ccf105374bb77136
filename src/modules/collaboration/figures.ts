/**
 * Collaboration figures per board for a year, for the reports' collaboration section (issue #15):
 * each forum of the board with its meetings in the year and those with violent extremism on the
 * agenda ("LBR met 9 times, VBE on the agenda 4"), the partners it works with by type, its police
 * agreements in force and those due for review, and whether it has a civil-society strategy. The
 * caller decides which boards the reader may see; every board asked for is listed.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { oneOf } from '../../db/one-of.js';
import { addDays } from '../../domain/calendar.js';
import { REVIEW_WARNING_DAYS, type PartnerType } from '../../domain/collaboration/model.js';
import type { BoardScope } from '../../domain/policy/index.js';

export interface ForumFigures {
  name: string;
  meetings: number;
  vbeOnAgenda: number;
}

export interface CollaborationFigures {
  boardId: string;
  forums: ForumFigures[];
  partnersByType: Partial<Record<PartnerType, number>>;
  agreements: { inForce: number; dueForReview: number };
  strategyGoals: number | null;
}

/** Forums and meetings in `year` for the given boards, or for the city's own forums (`null`). */
async function forumFigures(db: Database, municipalityId: string, boardIds: string[] | null, year: number) {
  let q = db
    .selectFrom('forum as f')
    .leftJoin('forum_meeting as m', (j) => j.onRef('m.forum_id', '=', 'f.id').on(sql<boolean>`extract(year from m.held_on) = ${year}`))
    .select((eb) => ['f.board_id', 'f.name', eb.fn.count<number>('m.id').as('meetings'), eb.fn.count<number>(sql`case when m.vbe_on_agenda then 1 end`).as('vbe')])
    .where('f.municipality_id', '=', municipalityId)
    .groupBy(['f.id', 'f.board_id', 'f.name'])
    .orderBy('f.name');
  q = boardIds === null ? q.where('f.board_id', 'is', null) : q.where(oneOf('f.board_id', boardIds));
  return (await q.execute()).map((r) => ({ boardId: r.board_id, name: r.name, meetings: Number(r.meetings), vbeOnAgenda: Number(r.vbe) }));
}

export async function collaborationFigures(
  db: Database,
  opts: { municipalityId: string; boardIds: BoardScope; year: number; today: string },
): Promise<{ boards: CollaborationFigures[]; cityForums: ForumFigures[] }> {
  if (opts.boardIds !== 'all' && opts.boardIds.length === 0) return { boards: [], cityForums: [] };
  let boardsQ = db.selectFrom('board').select('id').where('municipality_id', '=', opts.municipalityId).orderBy('kind').orderBy('name');
  if (opts.boardIds !== 'all') boardsQ = boardsQ.where(oneOf('id', opts.boardIds));
  const boards = await boardsQ.execute();
  const ids = boards.map((b) => b.id);
  const warnBy = addDays(opts.today, REVIEW_WARNING_DAYS);
  const [forums, cityForums, partners, agreements, strategies] = await Promise.all([
    forumFigures(db, opts.municipalityId, ids, opts.year),
    forumFigures(db, opts.municipalityId, null, opts.year),
    db
      .selectFrom('partner_board as pb')
      .innerJoin('partner as p', 'p.id', 'pb.partner_id')
      .select((eb) => ['pb.board_id', 'p.type', eb.fn.countAll<number>().as('n')])
      .where(oneOf('pb.board_id', ids))
      .where('p.archived_at', 'is', null)
      .groupBy(['pb.board_id', 'p.type'])
      .execute(),
    db
      .selectFrom('agreement')
      .select((eb) => [
        'board_id',
        eb.fn.countAll<number>().as('inForce'),
        eb.fn.count<number>(sql`case when review_on <= ${warnBy} then 1 end`).as('due'),
      ])
      .where(oneOf('board_id', ids))
      .where('valid_from', '<=', opts.today)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', opts.today)]))
      .groupBy('board_id')
      .execute(),
    db.selectFrom('civil_society_strategy').select(['board_id', sql<number>`jsonb_array_length(goals)`.as('goals')]).where(oneOf('board_id', ids)).execute(),
  ]);
  const forumsOf = groupBy(forums, (f) => f.boardId);
  const partnersOf = groupBy(partners, (p) => p.board_id);
  const agreementOf = new Map(agreements.map((a) => [a.board_id, a]));
  const strategyOf = new Map(strategies.map((s) => [s.board_id, s]));
  return {
    cityForums: cityForums.map(({ name, meetings, vbeOnAgenda }) => ({ name, meetings, vbeOnAgenda })),
    boards: ids.map((id) => {
      const agreement = agreementOf.get(id);
      const strategy = strategyOf.get(id);
      return {
        boardId: id,
        forums: (forumsOf.get(id) ?? []).map(({ name, meetings, vbeOnAgenda }) => ({ name, meetings, vbeOnAgenda })),
        partnersByType: Object.fromEntries((partnersOf.get(id) ?? []).map((p) => [p.type, Number(p.n)])),
        agreements: { inForce: Number(agreement?.inForce ?? 0), dueForReview: Number(agreement?.due ?? 0) },
        strategyGoals: strategy && Number(strategy.goals) > 0 ? Number(strategy.goals) : null,
      };
    }),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
