/**
 * What the reminders read: due items across the municipality, with the users they go to. The
 * server reads as itself here (a scheduled job has no user); each reminder names only its own
 * board's items and goes only to that board's coordinators or the item's named reporters.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** Active users holding `role` on `boardId` (null: the municipality-wide grant, e.g. the central coordinator). */
/** Who hears a board's reminders and the city's: read once per scan, not once per board. */
export interface Recipients {
  central: string[];
  coordinatorsOf(boardId: string): string[];
}

/** The active central and local coordinators of a municipality. */
export async function recipients(db: Database, municipalityId: string): Promise<Recipients> {
  const rows = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.id', 'r.role', 'r.board_id'])
    .distinct()
    .where('u.municipality_id', '=', municipalityId)
    .where('u.active', '=', true)
    .where('r.role', 'in', ['central_coordinator', 'local_coordinator'])
    .orderBy('u.id')
    .execute();
  const central = rows.filter((r) => r.role === 'central_coordinator' && r.board_id === null).map((r) => r.id);
  const local = new Map<string, string[]>();
  for (const r of rows) {
    if (r.role !== 'local_coordinator' || r.board_id === null) continue;
    local.set(r.board_id, [...(local.get(r.board_id) ?? []), r.id]);
  }
  return { central: [...new Set(central)], coordinatorsOf: (boardId) => local.get(boardId) ?? [] };
}

export const municipalities = (db: Database) => db.selectFrom('municipality').select(['id', 'name']).execute();

/** Activities of approved plans of `year` with no report for the period, with their named reporters (null: none named). */
export function unreportedActivities(db: Database, municipalityId: string, year: number, kind: string) {
  return db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .leftJoin('follow_up_reporter as r', 'r.activity_id', 'a.id')
    .select(['a.id', 'a.title', 'p.board_id', 'b.name as board_name', 'r.user_id'])
    .where('b.municipality_id', '=', municipalityId)
    .where('p.year', '=', year)
    .where('p.status', '=', 'approved')
    .where('a.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('follow_up as f').select('f.id').whereRef('f.activity_id', '=', 'a.id').where('f.year', '=', year).where('f.period', '=', kind as 'T1'))),
    )
    .orderBy('b.name')
    .orderBy('a.position')
    .execute();
}

export function publishedInstructions(db: Database, municipalityId: string) {
  return db
    .selectFrom('plan_instruction')
    .select(['year', sql<string>`deadline::text`.as('deadline')])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'published')
    .where('deadline', 'is not', null)
    .execute();
}

/** Every board with its plan for `year` (null when it has none), the superseded versions left out. */
export function boardsWithPlan(db: Database, municipalityId: string, year: number) {
  return db
    .selectFrom('board as b')
    .leftJoin('plan as p', (j) => j.onRef('p.board_id', '=', 'b.id').on('p.year', '=', year).on('p.status', '<>', 'superseded'))
    .select(['b.id', 'b.name', 'p.id as plan_id', 'p.status'])
    .where('b.municipality_id', '=', municipalityId)
    .execute();
}

/** Plans waiting for review, each with the transition that submitted it (a resubmission is a new one). */
export function plansAwaitingReview(db: Database, municipalityId: string) {
  return db
    .selectFrom('plan as p')
    .innerJoin('board as b', 'b.id', 'p.board_id')
    .select((eb) => [
      'p.id',
      'p.year',
      'p.board_id',
      'b.name as board_name',
      eb
        .selectFrom('plan_transition as t')
        .select('t.id')
        .whereRef('t.plan_id', '=', 'p.id')
        .where('t.to_status', '=', 'submitted')
        .orderBy('t.at', 'desc')
        .limit(1)
        .as('transition_id'),
    ])
    .where('b.municipality_id', '=', municipalityId)
    .where('p.status', '=', 'submitted')
    .execute();
}

export function openAuditMeasures(db: Database, municipalityId: string, until: string) {
  return db
    .selectFrom('audit_measure as m')
    .innerJoin('audit_recommendation as rec', 'rec.id', 'm.recommendation_id')
    .innerJoin('audit_report as rep', 'rep.id', 'rec.report_id')
    .innerJoin('board as b', 'b.id', 'm.board_id')
    .select(['m.id', 'm.title', sql<string>`m.due_on::text`.as('due_on'), 'm.board_id', 'b.name as board_name', 'rep.id as report_id', 'rep.title as report_title'])
    .where('rep.municipality_id', '=', municipalityId)
    .where('m.status', 'in', ['planned', 'ongoing'])
    .where('m.due_on', '<=', until)
    .execute();
}

/** Per audit report and board: recommendations addressed to the board that it has not replied to. */
export function missingAuditReplies(db: Database, municipalityId: string, until: string) {
  return db
    .selectFrom('audit_report as rep')
    .innerJoin('audit_recommendation as rec', 'rec.report_id', 'rep.id')
    .innerJoin('audit_recommendation_board as rb', 'rb.recommendation_id', 'rec.id')
    .innerJoin('board as b', 'b.id', 'rb.board_id')
    .select(['rep.id as report_id', 'rep.title', sql<string>`rep.reply_due::text`.as('reply_due'), 'rb.board_id', 'b.name as board_name'])
    .select(sql<number>`count(*)::int`.as('missing'))
    .where('rep.municipality_id', '=', municipalityId)
    .where('rep.reply_due', '<=', until)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_reply as r').select('r.id').whereRef('r.recommendation_id', '=', 'rec.id').whereRef('r.board_id', '=', 'rb.board_id'))),
    )
    .groupBy(['rep.id', 'rep.title', 'rep.reply_due', 'rb.board_id', 'b.name'])
    .execute();
}

export function agreementsDue(db: Database, municipalityId: string, until: string) {
  return db
    .selectFrom('agreement as a')
    .leftJoin('board as b', 'b.id', 'a.board_id')
    .select(['a.id', 'a.title', sql<string>`a.review_on::text`.as('review_on'), 'a.board_id', 'b.name as board_name'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.review_on', '<=', until)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', sql<string>`current_date`)]))
    .execute();
}

/** Sent surveys with unanswered links, and when the first of those links expires. */
export function surveysExpiring(db: Database, municipalityId: string, before: Date) {
  return db
    .selectFrom('survey as s')
    .innerJoin('board as b', 'b.id', 's.board_id')
    .innerJoin('survey_recipient as r', 'r.survey_id', 's.id')
    .select(['s.id', 's.title', 's.board_id', 'b.name as board_name', 's.created_by'])
    .select(sql<string>`to_char(min(r.expires_at) at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`.as('expires_on'))
    .select(sql<number>`count(*)::int`.as('unanswered'))
    .where('b.municipality_id', '=', municipalityId)
    .where('s.status', '=', 'sent')
    .where('r.answered_at', 'is', null)
    .where('r.expires_at', '>', sql<Date>`now()`)
    .groupBy(['s.id', 's.title', 's.board_id', 'b.name', 's.created_by'])
    .having(sql`min(r.expires_at)`, '<=', before)
    .execute();
}

/** Per board: open concern reports not yet classified, filed in the last two weeks, and the newest of them. */
export function newConcernCounts(db: Database, municipalityId: string) {
  return db
    .selectFrom('concern_report as c')
    .innerJoin('board as b', 'b.id', 'c.board_id')
    .select(['c.board_id', 'b.name as board_name'])
    .select(sql<number>`count(*)::int`.as('n'))
    .select(sql<string>`max(c.created_at)::text`.as('newest'))
    .where('b.municipality_id', '=', municipalityId)
    .where('c.status', '=', 'open')
    .where('c.classified_at', 'is', null)
    .where('c.created_at', '>', sql<Date>`now() - interval '14 days'`)
    .groupBy(['c.board_id', 'b.name'])
    .execute();
}

export function recentNews(db: Database, municipalityId: string, since: string) {
  return db
    .selectFrom('news_item')
    .select(['id', 'title', 'body'])
    .where('municipality_id', '=', municipalityId)
    .where('published_on', '>=', since)
    .execute();
}
