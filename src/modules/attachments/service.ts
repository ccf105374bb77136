/**
 * The product's one attachment store (API.md "Attachments"): upload once, refer to the file from
 * any record (`attachmentIds`), read it through those records. Later capabilities (decisions,
 * meetings, the library) use the same three calls: `uploadAttachment`, `setAttachments` inside
 * their own write transaction, and `attachmentsOf` for their presenters — and register their
 * record kind in ./owners.ts so reads are checked against the record.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { ACCEPTED_TEXT, ZIP_KINDS, safeFileName, sniffContentType } from '../../domain/attachments/content-type.js';
import type { Actor } from '../../domain/policy/index.js';
import { AppError, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { checkArchive } from './archive.js';
import { ownerOf } from './owners.js';
import { presentAttachment } from './presenters.js';
import * as repo from './repo.js';
import type { TAttachment } from './schema.js';
import { defaultStore, storeNamed } from './store.js';

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export function tooLarge(maxBytes: number): AppError {
  return new AppError(413, 'too_large', `Filen är för stor. Största tillåtna storlek är ${String(megabytes(maxBytes)).replace('.', ',')} MB.`, [
    { field: 'file', message: `Välj en fil på högst ${String(megabytes(maxBytes)).replace('.', ',')} MB, eller dela upp dokumentet.` },
  ]);
}

/** Stores one uploaded file after checking what it really is. The uploader alone may read it until a record refers to it. */
export async function uploadAttachment(opts: { db: Database; actor: Actor; file: UploadedFile; maxBytes: number }): Promise<TAttachment> {
  const { bytes } = opts.file;
  if (bytes.byteLength === 0) throw unprocessable('empty_file', 'Filen är tom.', [{ field: 'file', message: 'Välj en fil som inte är tom.' }]);
  if (bytes.byteLength > opts.maxBytes) throw tooLarge(opts.maxBytes);
  const sniffed = sniffContentType(bytes);
  if (!sniffed.ok) throw unprocessable('unsupported_type', sniffed.message, [{ field: 'file', message: `Välj en fil i något av formaten ${ACCEPTED_TEXT}.` }]);
  if (ZIP_KINDS.includes(sniffed.kind)) {
    const verdict = await checkArchive(bytes);
    if (!verdict.ok) throw new AppError(verdict.status, verdict.status === 413 ? 'too_large' : 'hostile_file', verdict.message, [{ field: 'file', message: verdict.message }]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const store = defaultStore();
  return opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertAttachment(trx, {
      municipality_id: opts.actor.municipalityId,
      name: safeFileName(opts.file.filename, sniffed.kind),
      content_type: sniffed.contentType,
      size: bytes.byteLength,
      sha256,
      storage: store.name,
      uploaded_by: opts.actor.userId,
    });
    await store.put(trx, row.id, bytes);
    // The file name may say who something is about; the log keeps what identifies the bytes.
    await recordAudit(trx, opts.actor, { action: 'attachments.create', entity: 'attachment', entityId: row.id, summary: { contentType: row.content_type, size: row.size, sha256 } });
    return presentAttachment(row);
  });
}

async function mayRead(db: Database, actor: Actor, attachment: { id: string; uploaded_by: string | null }): Promise<boolean> {
  if (attachment.uploaded_by === actor.userId) return true;
  for (const ref of await repo.refsOf(db, attachment.id)) {
    const owner = ownerOf(ref.owner_kind);
    if (owner && (await owner.canRead(db, actor, ref.owner_id))) return true;
  }
  return false;
}

/** The file, for whoever may read a record that refers to it (or uploaded it); 404 for everyone else. */
export async function readAttachment(opts: { db: Database; actor: Actor; id: string }) {
  const row = await repo.findAttachment(opts.db, opts.id);
  if (!row || row.municipality_id !== opts.actor.municipalityId || !(await mayRead(opts.db, opts.actor, row))) throw notFound('Bilagan');
  const bytes = await storeNamed(row.storage).get(opts.db, row.id);
  if (!bytes) throw notFound('Bilagan');
  return { attachment: presentAttachment(row), bytes };
}

/**
 * Makes `ids` the attachments of a record, inside the caller's transaction. A record may take
 * files its writer uploaded, and keep the ones it already has; anything else is refused with one
 * field error per id (`<field>.<n>`), so nobody can re-publish a file they were shown elsewhere.
 */
export async function setAttachments(opts: { trx: Database; actor: Actor; owner: { kind: string; id: string }; ids: readonly string[]; field?: string }) {
  const field = opts.field ?? 'attachmentIds';
  const ids = [...new Set(opts.ids)];
  const current = new Set((await repo.attachmentsOfOwners(opts.trx, opts.owner.kind, [opts.owner.id])).map((a) => a.id));
  const rows = new Map((await repo.findAttachments(opts.trx, ids)).map((r) => [r.id, r]));
  const problems: FieldError[] = [];
  opts.ids.forEach((id, n) => {
    const row = rows.get(id);
    const usable = row && row.municipality_id === opts.actor.municipalityId && (current.has(id) || row.uploaded_by === opts.actor.userId);
    if (!usable) problems.push({ field: `${field}.${n}`, message: 'Bilagan finns inte. Ladda upp filen igen och bifoga den.' });
  });
  if (problems.length) throw unprocessable('invalid_attachment', 'En bilaga kunde inte bifogas. Ladda upp filen igen.', problems);
  await repo.removeRefsExcept(opts.trx, opts.owner.kind, opts.owner.id, ids);
  await repo.addRefs(opts.trx, opts.owner.kind, opts.owner.id, ids.filter((id) => !current.has(id)));
}

/** The attachments of records of one kind, per record id, for presenters. */
export async function attachmentsOf(db: Database, kind: string, ownerIds: readonly string[]): Promise<Map<string, TAttachment[]>> {
  const out = new Map<string, TAttachment[]>();
  for (const r of await repo.attachmentsOfOwners(db, kind, ownerIds)) {
    const list = out.get(r.owner_id) ?? [];
    list.push(presentAttachment(r));
    out.set(r.owner_id, list);
  }
  return out;
}
