import type { Database } from '../../db/database.js';
import type { AttachmentTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';

const META = ['id', 'municipality_id', 'name', 'content_type', 'size', 'sha256', 'storage', 'uploaded_by', 'uploaded_at'] as const;

export async function insertAttachment(trx: Database, values: Insertable<AttachmentTable>) {
  return trx.insertInto('attachment').values(values).returning(META).executeTakeFirstOrThrow();
}

export async function findAttachment(db: Database, id: string) {
  return db.selectFrom('attachment').select(META).where('id', '=', id).executeTakeFirst();
}

export async function findAttachments(db: Database, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('attachment').select(META).where('id', 'in', ids).execute();
}

export async function refsOf(db: Database, attachmentId: string) {
  return db.selectFrom('attachment_ref').select(['owner_kind', 'owner_id']).where('attachment_id', '=', attachmentId).execute();
}

/** Attachments referred to by the given records of one kind, oldest first. */
export async function attachmentsOfOwners(db: Database, kind: string, ownerIds: readonly string[]) {
  if (!ownerIds.length) return [];
  return db
    .selectFrom('attachment_ref as r')
    .innerJoin('attachment as a', 'a.id', 'r.attachment_id')
    .select(['r.owner_id', 'a.id', 'a.name', 'a.content_type', 'a.size', 'a.sha256', 'a.uploaded_at'])
    .where('r.owner_kind', '=', kind)
    .where('r.owner_id', 'in', ownerIds)
    .orderBy('r.created_at')
    .orderBy('a.name')
    .execute();
}

export async function addRefs(trx: Database, kind: string, ownerId: string, attachmentIds: readonly string[]) {
  if (!attachmentIds.length) return;
  await trx
    .insertInto('attachment_ref')
    .values(attachmentIds.map((id) => ({ attachment_id: id, owner_kind: kind, owner_id: ownerId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeRefsExcept(trx: Database, kind: string, ownerId: string, keep: readonly string[]) {
  let q = trx.deleteFrom('attachment_ref').where('owner_kind', '=', kind).where('owner_id', '=', ownerId);
  if (keep.length) q = q.where('attachment_id', 'not in', keep);
  await q.execute();
}
