/** Collaboration queries (Kysely, no rules): partners, forums and meetings, agreements, strategies. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { BoardScope } from '../../domain/policy/index.js';

const json = (v: unknown) => JSON.stringify(v);

/** A record of a board (board_id) or of the whole city (null) is visible within `scope`. */
const visible = (scope: BoardScope, boardId: string | null) => scope === 'all' || boardId === null || scope.includes(boardId);

// ---------------------------------------------------------------- partners

export type PartnerRow = Awaited<ReturnType<typeof listPartners>>[number];

/**
 * The municipality's partners with their boards. Within `scope`: a partner of no board (the
 * city's) is everyone's; a partner of boards is seen by readers of one of them.
 */
export async function listPartners(db: Database, municipalityId: string, opts: { scope: BoardScope; ids?: string[]; type?: string; boardId?: string; q?: string; archived?: boolean }) {
  if (opts.ids && !opts.ids.length) return [];
  let q = db
    .selectFrom('partner as p')
    .select([
      'p.id',
      'p.municipality_id',
      'p.name',
      'p.type',
      'p.contacts',
      'p.note',
      'p.archived_at',
      'p.updated_at',
      sql<{ id: string; name: string }[]>`coalesce((select jsonb_agg(jsonb_build_object('id', b.id, 'name', b.name) order by b.name)
        from partner_board pb join board b on b.id = pb.board_id where pb.partner_id = p.id), '[]'::jsonb)`.as('boards'),
    ])
    .where('p.municipality_id', '=', municipalityId);
  if (opts.ids) q = q.where('p.id', 'in', opts.ids);
  if (opts.type) q = q.where('p.type', '=', opts.type);
  if (opts.q) q = q.where(sql<boolean>`p.name ilike ${`%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (opts.archived !== undefined) q = q.where('p.archived_at', opts.archived ? 'is not' : 'is', null);
  if (opts.boardId) q = q.where((eb) => eb.exists(eb.selectFrom('partner_board').select('partner_id').whereRef('partner_id', '=', 'p.id').where('board_id', '=', opts.boardId!)));
  const rows = await q.orderBy(sql`lower(p.name)`).execute();
  return rows.filter((r) => opts.scope === 'all' || r.boards.length === 0 || r.boards.some((b) => (opts.scope as string[]).includes(b.id)));
}

export async function findPartner(db: Database, municipalityId: string, id: string) {
  return (await listPartners(db, municipalityId, { scope: 'all', ids: [id] }))[0];
}

/** How many live activities, forums and agreements name each partner. */
export async function partnerUsage(db: Database, municipalityId: string) {
  const rows = await sql<{ id: string; kind: 'activities' | 'forums' | 'agreements'; n: number }>`
    select e.value as id, 'activities' as kind, count(*)::int as n
      from plan_activity a join plan pl on pl.id = a.plan_id join board b on b.id = pl.board_id,
      jsonb_array_elements_text(a.partner_ids) e
      where a.deleted_at is null and b.municipality_id = ${municipalityId} group by e.value
    union all
    select fp.partner_id::text, 'forums', count(*)::int from forum_partner fp join forum f on f.id = fp.forum_id
      where f.municipality_id = ${municipalityId} group by fp.partner_id
    union all
    select ap.partner_id::text, 'agreements', count(*)::int from agreement_partner ap join agreement g on g.id = ap.agreement_id
      where g.municipality_id = ${municipalityId} group by ap.partner_id`.execute(db);
  const out = new Map<string, { activities: number; forums: number; agreements: number }>();
  for (const r of rows.rows) {
    const u = out.get(r.id) ?? { activities: 0, forums: 0, agreements: 0 };
    u[r.kind] = Number(r.n);
    out.set(r.id, u);
  }
  return out;
}

export async function insertPartner(db: Database, row: { municipality_id: string; name: string; type: string; contacts: unknown[]; note: string | null; created_by: string | null }) {
  return db
    .insertInto('partner')
    .values({ ...row, contacts: json(row.contacts) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePartner(db: Database, id: string, patch: { name?: string; type?: string; contacts?: unknown[]; note?: string | null; archived?: boolean }) {
  await db
    .updateTable('partner')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.contacts !== undefined && { contacts: json(patch.contacts) }),
      ...(patch.note !== undefined && { note: patch.note }),
      ...(patch.archived !== undefined && { archived_at: patch.archived ? new Date() : null }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setPartnerBoards(db: Database, partnerId: string, boardIds: string[]) {
  await db.deleteFrom('partner_board').where('partner_id', '=', partnerId).execute();
  if (boardIds.length) await db.insertInto('partner_board').values(boardIds.map((board_id) => ({ partner_id: partnerId, board_id }))).execute();
}

export async function partnerNameTaken(db: Database, municipalityId: string, name: string, exceptId?: string) {
  let q = db.selectFrom('partner').select('id').where('municipality_id', '=', municipalityId).where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

// ---------------------------------------------------------------- forums and meetings

export type ForumRow = Awaited<ReturnType<typeof listForums>>[number];

export async function listForums(db: Database, municipalityId: string, opts: { scope: BoardScope; boardId?: string; id?: string }) {
  let q = db
    .selectFrom('forum as f')
    .leftJoin('board as b', 'b.id', 'f.board_id')
    .select(['f.id', 'f.municipality_id', 'f.board_id', 'b.name as board_name', 'f.name', 'f.cadence', 'f.description'])
    .where('f.municipality_id', '=', municipalityId);
  if (opts.boardId) q = q.where('f.board_id', '=', opts.boardId);
  if (opts.id) q = q.where('f.id', '=', opts.id);
  const rows = await q.orderBy(sql`f.board_id is not null`).orderBy('b.name').orderBy('f.name').execute();
  return rows.filter((r) => visible(opts.scope, r.board_id));
}

export async function findForum(db: Database, id: string) {
  return db.selectFrom('forum as f').leftJoin('board as b', 'b.id', 'f.board_id').select(['f.id', 'f.municipality_id', 'f.board_id', 'b.name as board_name', 'f.name', 'f.cadence', 'f.description']).where('f.id', '=', id).executeTakeFirst();
}

export async function forumMembers(db: Database, forumIds: string[]) {
  if (!forumIds.length) return [];
  return db
    .selectFrom('forum_partner as m')
    .innerJoin('partner as p', 'p.id', 'm.partner_id')
    .select(['m.forum_id as owner_id', 'p.id', 'p.name', 'p.type'])
    .where('m.forum_id', 'in', forumIds)
    .orderBy('p.name')
    .execute();
}

export async function setForumMembers(db: Database, forumId: string, partnerIds: string[]) {
  await db.deleteFrom('forum_partner').where('forum_id', '=', forumId).execute();
  if (partnerIds.length) await db.insertInto('forum_partner').values(partnerIds.map((partner_id) => ({ forum_id: forumId, partner_id }))).execute();
}

/** Per forum: meetings held in `year`, those with violent extremism on the agenda, and the latest meeting ever. */
export async function meetingStats(db: Database, forumIds: string[], year: number) {
  if (!forumIds.length) return new Map<string, { meetings: number; vbe: number; last: string | null }>();
  const rows = await db
    .selectFrom('forum_meeting')
    .select((eb) => [
      'forum_id',
      eb.fn.count<number>(sql`case when extract(year from held_on) = ${year} then 1 end`).as('meetings'),
      eb.fn.count<number>(sql`case when extract(year from held_on) = ${year} and vbe_on_agenda then 1 end`).as('vbe'),
      eb.fn.max('held_on').as('last'),
    ])
    .where('forum_id', 'in', forumIds)
    .groupBy('forum_id')
    .execute();
  return new Map(rows.map((r) => [r.forum_id, { meetings: Number(r.meetings), vbe: Number(r.vbe), last: r.last ? String(r.last) : null }]));
}

export async function meetingsOf(db: Database, forumId: string) {
  return db.selectFrom('forum_meeting').selectAll().where('forum_id', '=', forumId).orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findMeeting(db: Database, id: string) {
  return db.selectFrom('forum_meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertForum(db: Database, row: { municipality_id: string; board_id: string | null; name: string; cadence: string | null; description: string | null; created_by: string | null }) {
  return db.insertInto('forum').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateForum(db: Database, id: string, patch: { name?: string; cadence?: string | null; description?: string | null }) {
  await db
    .updateTable('forum')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertMeeting(db: Database, row: { forum_id: string; held_on: string; vbe_on_agenda: boolean; notes: string | null; created_by: string | null }) {
  return db.insertInto('forum_meeting').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteMeeting(db: Database, id: string) {
  await db.deleteFrom('attachment_ref').where('owner_kind', '=', 'forum_meeting').where('owner_id', '=', id).execute();
  await db.deleteFrom('forum_meeting').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- agreements

export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

export async function listAgreements(db: Database, municipalityId: string, opts: { scope: BoardScope; boardId?: string; dueBefore?: string; id?: string }) {
  let q = db
    .selectFrom('agreement as g')
    .leftJoin('board as b', 'b.id', 'g.board_id')
    .select(['g.id', 'g.municipality_id', 'g.board_id', 'b.name as board_name', 'g.title', 'g.valid_from', 'g.valid_to', 'g.review_on', 'g.note'])
    .where('g.municipality_id', '=', municipalityId);
  if (opts.boardId) q = q.where('g.board_id', '=', opts.boardId);
  if (opts.dueBefore) q = q.where('g.review_on', '<=', opts.dueBefore);
  if (opts.id) q = q.where('g.id', '=', opts.id);
  const rows = await q.orderBy('g.review_on').orderBy('g.title').execute();
  return rows.filter((r) => visible(opts.scope, r.board_id));
}

export async function findAgreement(db: Database, id: string) {
  return db.selectFrom('agreement as g').leftJoin('board as b', 'b.id', 'g.board_id').select(['g.id', 'g.municipality_id', 'g.board_id', 'b.name as board_name', 'g.title', 'g.valid_from', 'g.valid_to', 'g.review_on', 'g.note']).where('g.id', '=', id).executeTakeFirst();
}

export async function insertAgreement(db: Database, row: { municipality_id: string; board_id: string | null; title: string; valid_from: string; valid_to: string | null; review_on: string; note: string | null; created_by: string | null }) {
  return db.insertInto('agreement').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateAgreement(db: Database, id: string, patch: { title?: string; valid_from?: string; valid_to?: string | null; review_on?: string; note?: string | null }) {
  await db
    .updateTable('agreement')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function agreementMembers(db: Database, agreementIds: string[]) {
  if (!agreementIds.length) return [];
  return db
    .selectFrom('agreement_partner as m')
    .innerJoin('partner as p', 'p.id', 'm.partner_id')
    .select(['m.agreement_id as owner_id', 'p.id', 'p.name', 'p.type'])
    .where('m.agreement_id', 'in', agreementIds)
    .orderBy('p.name')
    .execute();
}

export async function setAgreementMembers(db: Database, agreementId: string, partnerIds: string[]) {
  await db.deleteFrom('agreement_partner').where('agreement_id', '=', agreementId).execute();
  if (partnerIds.length) await db.insertInto('agreement_partner').values(partnerIds.map((partner_id) => ({ agreement_id: agreementId, partner_id }))).execute();
}

export async function agreementActivities(db: Database, agreementIds: string[]) {
  if (!agreementIds.length) return [];
  return db
    .selectFrom('agreement_activity as x')
    .innerJoin('plan_activity as a', 'a.id', 'x.activity_id')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .select(['x.agreement_id', 'a.id', 'a.title', 'p.year as plan_year'])
    .where('x.agreement_id', 'in', agreementIds)
    .where('a.deleted_at', 'is', null)
    .orderBy('p.year', 'desc')
    .orderBy('a.position')
    .execute();
}

export async function setAgreementActivities(db: Database, agreementId: string, activityIds: string[]) {
  await db.deleteFrom('agreement_activity').where('agreement_id', '=', agreementId).execute();
  if (activityIds.length) await db.insertInto('agreement_activity').values(activityIds.map((activity_id) => ({ agreement_id: agreementId, activity_id }))).execute();
}

// ---------------------------------------------------------------- plan activities referred to

/** Live plan activities by id, with their plan's board and year. */
export async function activitiesByIds(db: Database, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select(['a.id', 'a.title', 'p.board_id', 'p.year as plan_year', 'b.municipality_id'])
    .where('a.id', 'in', ids)
    .where('a.deleted_at', 'is', null)
    .execute();
}

/** Each activity's latest tertial follow-up (status and period), if any. */
export async function latestFollowUps(db: Database, activityIds: string[]) {
  if (!activityIds.length) return new Map<string, { status: string; period: string }>();
  const rows = await db
    .selectFrom('follow_up')
    .select(['activity_id', 'status', 'year', 'period'])
    .distinctOn('activity_id')
    .where('activity_id', 'in', activityIds)
    .orderBy('activity_id')
    .orderBy('year', 'desc')
    .orderBy('period_rank', 'desc')
    .orderBy('reported_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.activity_id, { status: r.status, period: `${r.year}-${r.period}` }]));
}

// ---------------------------------------------------------------- civil-society strategy

export async function findStrategy(db: Database, boardId: string) {
  return db.selectFrom('civil_society_strategy').selectAll().where('board_id', '=', boardId).executeTakeFirst();
}

/** Boards (of those given) that have a strategy with at least one goal. */
export async function boardsWithStrategy(db: Database, boardIds: string[]) {
  if (!boardIds.length) return new Set<string>();
  const rows = await db
    .selectFrom('civil_society_strategy')
    .select('board_id')
    .where('board_id', 'in', boardIds)
    .where(sql<boolean>`jsonb_array_length(goals) > 0`)
    .execute();
  return new Set(rows.map((r) => r.board_id));
}

export async function upsertStrategy(db: Database, row: { board_id: string; adopted_on: string | null; summary: string | null; goals: unknown[]; updated_by: string | null }) {
  const values = { ...row, goals: json(row.goals) };
  await db
    .insertInto('civil_society_strategy')
    .values(values)
    .onConflict((oc) => oc.column('board_id').doUpdateSet({ adopted_on: row.adopted_on, summary: row.summary, goals: values.goals, updated_by: row.updated_by, updated_at: new Date() }))
    .execute();
}

/** Partner types by partner id (the plan check's input). */
export async function partnerTypes(db: Database, municipalityId: string) {
  const rows = await db.selectFrom('partner').select(['id', 'type']).where('municipality_id', '=', municipalityId).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.type])) as Record<string, string>;
}
