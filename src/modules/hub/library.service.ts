/**
 * The library (PRODUCT.md §8): the city's documents — legal memos, guides, routines, lecture
 * material, templates — for all staff or for coordinators only, with their versions (old ones
 * kept) and Swedish full-text search over titles, descriptions and the documents' own text. Files
 * live in the attachment store (owner kind `library_version`), checked by content like every upload.
 */
import type { Database } from '../../db/database.js';
import { audiencesOf, CATEGORY_LABELS_SV, type LibraryAudience, type LibraryCategory } from '../../domain/hub/library.js';
import type { Actor, ServiceActor } from '../../domain/policy/index.js';
import { actorUserId } from '../../domain/policy/index.js';
import { notFound } from '../../http/errors.js';
import { presentAttachment } from '../attachments/presenters.js';
import { setAttachments, uploadAttachment, type UploadedFile } from '../attachments/service.js';
import { recordAudit } from '../audit/service.js';
import { documentText } from './document-text.js';
import * as repo from './repo.js';
import type { TLibraryDetail, TLibraryFields, TLibraryItem } from './schema.js';

export const VERSION_ATTACHMENTS = 'library_version';

type Versions = Awaited<ReturnType<typeof repo.versionsOf>>;

function presentVersion(v: Versions[number]) {
  return {
    id: v.id,
    number: v.number,
    note: v.note,
    file: presentAttachment({ id: v.file_id, name: v.name, content_type: v.content_type, size: v.size, sha256: v.sha256, uploaded_at: v.uploaded_at }),
    createdAt: new Date(v.created_at).toISOString(),
  };
}

function present(row: repo.ItemRow, versions: Versions): TLibraryItem {
  const own = versions.filter((v) => v.item_id === row.id);
  return {
    id: row.id,
    title: row.title,
    category: row.category as LibraryCategory,
    categoryLabel: CATEGORY_LABELS_SV[row.category as LibraryCategory],
    audience: row.audience as LibraryAudience,
    description: row.description,
    latest: presentVersion(own[0]),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The item when the actor's audience may see it; 404 otherwise (a coordinators' document does not exist for other staff). */
export async function readableItem(db: Database, actor: ServiceActor, id: string) {
  const row = await repo.findItem(db, id);
  if (!row || row.municipality_id !== actor.municipalityId || !audiencesOf(actor.roles).includes(row.audience as LibraryAudience)) throw notFound('Dokumentet');
  return row;
}

export async function listLibrary(opts: { db: Database; actor: ServiceActor; q?: string; category?: LibraryCategory }): Promise<TLibraryItem[]> {
  const rows = await repo.searchItems(opts.db, opts.actor.municipalityId, { audiences: audiencesOf(opts.actor.roles), q: opts.q || undefined, category: opts.category });
  const versions = await repo.versionsOf(
    opts.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, versions));
}

export async function getLibraryItem(opts: { db: Database; actor: ServiceActor; id: string }): Promise<TLibraryDetail> {
  const row = await readableItem(opts.db, opts.actor, opts.id);
  const versions = await repo.versionsOf(opts.db, [row.id]);
  return { ...present(row, versions), versions: versions.map(presentVersion) };
}

/** Stores the file (checked by content), reads its words, and records it as the item's next version, in one transaction after the upload. */
async function addVersion(trx: Database, actor: Actor, itemId: string, attachmentId: string, text: string, note: string | null) {
  await repo.lockItem(trx, itemId);
  const number = await repo.nextVersionNumber(trx, itemId);
  const version = await repo.insertVersion(trx, { item_id: itemId, number, attachment_id: attachmentId, note, created_by: actor.userId });
  await setAttachments({ trx, actor, owner: { kind: VERSION_ATTACHMENTS, id: version.id }, ids: [attachmentId], field: 'file' });
  await repo.setItemText(trx, itemId, text);
  return { versionId: version.id, number };
}

export async function createLibraryItem(opts: { db: Database; actor: Actor; fields: TLibraryFields; file: UploadedFile; maxBytes: number }): Promise<TLibraryDetail> {
  const f = opts.fields;
  const attachment = await uploadAttachment({ db: opts.db, actor: opts.actor, file: opts.file, maxBytes: opts.maxBytes });
  const text = await documentText(opts.file.bytes, attachment.contentType);
  const id = await opts.db.transaction().execute(async (trx) => {
    const item = await repo.insertItem(trx, {
      municipality_id: opts.actor.municipalityId,
      title: f.title,
      category: f.category,
      audience: f.audience,
      description: f.description || null,
      document_text: text,
      created_by: opts.actor.userId,
    });
    const v = await addVersion(trx, opts.actor, item.id, attachment.id, text, null);
    await recordAudit(trx, opts.actor, {
      action: 'library.create',
      entity: 'library_item',
      entityId: item.id,
      summary: { title: f.title, category: f.category, audience: f.audience, version: v.number, attachmentId: attachment.id, textLength: text.length },
    });
    return item.id;
  });
  return getLibraryItem({ db: opts.db, actor: opts.actor, id });
}

export async function createLibraryVersion(opts: { db: Database; actor: Actor; id: string; note: string | null; file: UploadedFile; maxBytes: number }): Promise<TLibraryDetail> {
  const item = await readableItem(opts.db, opts.actor, opts.id);
  const attachment = await uploadAttachment({ db: opts.db, actor: opts.actor, file: opts.file, maxBytes: opts.maxBytes });
  const text = await documentText(opts.file.bytes, attachment.contentType);
  await opts.db.transaction().execute(async (trx) => {
    const v = await addVersion(trx, opts.actor, item.id, attachment.id, text, opts.note);
    await recordAudit(trx, opts.actor, {
      action: 'library.versions.create',
      entity: 'library_item',
      entityId: item.id,
      summary: { version: v.number, attachmentId: attachment.id, textLength: text.length },
    });
  });
  return getLibraryItem({ db: opts.db, actor: opts.actor, id: item.id });
}
