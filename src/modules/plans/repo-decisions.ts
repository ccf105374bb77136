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
