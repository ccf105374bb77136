import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { definedOnly } from '../../db/patch.js';

/** Kysely queries for the plan workflow's records: moves, versions, reviews. No rules here. */

const json = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- workflow: transitions, versions, reviews

export async function listTransitions(db: Database, planId: string) {
  return db.selectFrom('plan_transition').selectAll().where('plan_id', '=', planId).orderBy('at').orderBy('version_number').execute();
}

export async function insertTransition(
  db: Database,
  t: {
    plan_id: string;
    from_status: string;
    to_status: string;
    actor_id: string | null;
    actor_name: string;
    comment: string | null;
    decided_on: string | null;
    paragraph: string | null;
    version_number: number | null;
  },
) {
  return db.insertInto('plan_transition').values(t).returningAll().executeTakeFirstOrThrow();
}

export async function nextVersionNumber(db: Database, planId: string) {
  const r = await db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (r?.max ?? 0) + 1;
}

export async function insertVersion(db: Database, v: { plan_id: string; number: number; status: string; snapshot: unknown; created_by: string | null }) {
  await db
    .insertInto('plan_version')
    .values({ ...v, snapshot: json(v.snapshot) })
    .execute();
}

export async function listVersions(db: Database, planId: string) {
  return db.selectFrom('plan_version').select(['number', 'status', 'created_at']).where('plan_id', '=', planId).orderBy('number').execute();
}

export async function findVersion(db: Database, planId: string, number: number) {
  return db.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
}

export async function listReviews(db: Database, planId: string) {
  return db.selectFrom('plan_review').selectAll().where('plan_id', '=', planId).orderBy('created_at').execute();
}

export async function findOpenReview(db: Database, planId: string) {
  return db.selectFrom('plan_review').selectAll().where('plan_id', '=', planId).where('transition_id', 'is', null).executeTakeFirst();
}

export async function insertReview(
  db: Database,
  r: { plan_id: string; items: unknown; comment: string | null; reviewer_id: string | null; reviewer_name: string },
) {
  return db
    .insertInto('plan_review')
    .values({ ...r, items: json(r.items) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateReview(
  db: Database,
  id: string,
  r: { items?: unknown; comment?: string | null; reviewer_id?: string | null; reviewer_name?: string; transition_id?: string },
) {
  const set = definedOnly({ ...r, items: r.items === undefined ? undefined : json(r.items) });
  return db
    .updateTable('plan_review')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
