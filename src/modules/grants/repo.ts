/** Grant vetting queries (Kysely, no rules). */
import type { Insertable, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { GrantApplicationTable, GrantCriterionTable, GrantVettingTable } from '../../db/schema.js';
import type { BoardScope } from '../../domain/policy/index.js';

export async function listCriteria(db: Database, municipalityId: string) {
  return db
    .selectFrom('grant_criterion')
    .select(['key', 'label', 'description', 'active', 'required', 'position'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export async function upsertCriterion(db: Database, row: Insertable<GrantCriterionTable>) {
  await db
    .insertInto('grant_criterion')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'key']).doUpdateSet({
        label: row.label,
        description: row.description,
        active: row.active,
        required: row.required,
        position: row.position,
        updated_at: new Date(),
      }),
    )
    .execute();
}

const APPLICATION_COLUMNS = [
  'a.id',
  'a.board_id',
  'b.name as board_name',
  'a.organisation',
  'a.partner_id',
  'a.kind',
  'a.amount',
  'a.purpose',
  'a.received_on',
  'a.status',
  'a.decided_on',
  'a.decided_by_name',
  'a.paid_on',
  'a.paid_amount',
  'a.follow_up_on',
  'a.follow_up_note',
  'a.created_at',
] as const;

export type ApplicationRow = Awaited<ReturnType<typeof findApplication>> & {};

/**
 * One application with its board (and the board's municipality, for the caller's check). `lock`:
 * the application row is locked to the end of the transaction, so a decision and a payout of the
 * same application never pass their checks at the same time.
 */
export async function findApplication(db: Database, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .selectFrom('grant_application as a')
    .innerJoin('board as b', 'b.id', 'a.board_id')
    .select([...APPLICATION_COLUMNS, 'b.municipality_id'])
    .where('a.id', '=', id);
  return (opts.lock ? q.forUpdate('a') : q).executeTakeFirst();
}

export async function listApplications(db: Database, municipalityId: string, boards: BoardScope, status?: string) {
  let q = db
    .selectFrom('grant_application as a')
    .innerJoin('board as b', 'b.id', 'a.board_id')
    .select([...APPLICATION_COLUMNS, 'b.municipality_id'])
    .where('b.municipality_id', '=', municipalityId);
  if (boards !== 'all') q = q.where('a.board_id', 'in', boards);
  if (status) q = q.where('a.status', '=', status as 'received');
  return q.orderBy('a.received_on', 'desc').orderBy('a.created_at', 'desc').execute();
}

export async function insertApplication(db: Database, row: Insertable<GrantApplicationTable>) {
  return db.insertInto('grant_application').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateApplication(db: Database, id: string, patch: Updateable<GrantApplicationTable>) {
  await db
    .updateTable('grant_application')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function vettingOf(db: Database, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  return db
    .selectFrom('grant_vetting')
    .select(['application_id', 'criterion_key', 'label', 'result', 'comment'])
    .where('application_id', 'in', applicationIds)
    .orderBy('application_id')
    .orderBy('position')
    .execute();
}

export async function replaceVetting(db: Database, applicationId: string, rows: Insertable<GrantVettingTable>[]) {
  await db.deleteFrom('grant_vetting').where('application_id', '=', applicationId).execute();
  if (rows.length) await db.insertInto('grant_vetting').values(rows).execute();
}
