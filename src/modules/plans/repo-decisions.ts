import type { Database } from '../../db/database.js';
import type { PlanDecisionTable } from '../../db/schema.js';

/** Kysely queries for the board's decisions on plans. No rules here. */

const json = (v: unknown) => JSON.stringify(v);

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number];

/** The decisions on `planIds`, oldest meeting first. */
export async function listDecisions(db: Database, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_decision')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('meeting_on')
    .orderBy('created_at')
    .execute();
}

/**
 * The plans of a year that have at least one recorded decision, with what a report names them by:
 * the report's decisions section reads these, not every plan of the city with its activity count.
 */
export async function plansWithDecisions(db: Database, q: { municipalityId: string; boards: 'all' | string[]; boardId?: string; year: number }) {
  if (q.boards !== 'all' && q.boards.length === 0) return [];
  let query = db
    .selectFrom('plan')
    .innerJoin('board', 'board.id', 'plan.board_id')
    .select(['plan.id', 'plan.board_id', 'plan.year', 'plan.revision_of', 'board.name as board_name'])
    .where('board.municipality_id', '=', q.municipalityId)
    .where('plan.year', '=', q.year)
    .where((eb) => eb.exists(eb.selectFrom('plan_decision').select('plan_decision.id').whereRef('plan_decision.plan_id', '=', 'plan.id')));
  if (q.boards !== 'all') query = query.where('plan.board_id', 'in', q.boards);
  if (q.boardId) query = query.where('plan.board_id', '=', q.boardId);
  return query.execute();
}

export async function findDecision(db: Database, id: string) {
  return db.selectFrom('plan_decision').select(['id', 'plan_id']).where('id', '=', id).executeTakeFirst();
}

export async function insertDecision(
  db: Database,
  d: {
    plan_id: string;
    meeting_on: string;
    paragraph: string;
    case_number: string | null;
    outcome: PlanDecisionTable['outcome'];
    proposals: { by: string; text: string; result: 'adopted' | 'rejected' }[];
    reservations: { party: string; text: string; kind: 'reservation' | 'statement' }[];
    recorded_by: string | null;
    recorded_by_name: string;
  },
) {
  return db
    .insertInto('plan_decision')
    .values({ ...d, proposals: json(d.proposals), reservations: json(d.reservations) })
    .returningAll()
    .executeTakeFirstOrThrow();
}
