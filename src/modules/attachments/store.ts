/**
 * Where attachment bytes live. Metadata (name, type, size, sha256, who uploaded, which records
 * refer to it) is always in PostgreSQL; the bytes go to a store:
 *
 * - `database` (default, and the only one built): a bytea row in `attachment_content`, written in
 *   the same transaction as the metadata, so an upload is all or nothing and every backup of the
 *   database holds the files too. Fine for the tens of megabytes a municipality's audit reports,
 *   protocol extracts and minutes add up to each year.
 * - An S3-compatible object store (for large, national installs) implements the same interface:
 *   `put` writes the object under the attachment id before the metadata transaction commits (an
 *   object whose row never commits is an orphan a sweep may delete; never the other way round),
 *   `get` streams it back, and `attachment.storage` records which store holds each file, so the
 *   two can coexist while files are moved.
 */
import type { Database } from '../../db/database.js';

export interface AttachmentStore {
  /** The value written to `attachment.storage`. */
  readonly name: string;
  put(trx: Database, attachmentId: string, bytes: Uint8Array): Promise<void>;
  get(db: Database, attachmentId: string): Promise<Uint8Array | null>;
}

export const databaseStore: AttachmentStore = {
  name: 'database',
  async put(trx, attachmentId, bytes) {
    await trx.insertInto('attachment_content').values({ attachment_id: attachmentId, bytes }).execute();
  },
  async get(db, attachmentId) {
    const row = await db.selectFrom('attachment_content').select('bytes').where('attachment_id', '=', attachmentId).executeTakeFirst();
    return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  },
};

const STORES: Record<string, AttachmentStore> = { [databaseStore.name]: databaseStore };

/** The store new uploads go to. */
export const defaultStore = (): AttachmentStore => databaseStore;

/** The store holding an existing attachment. */
export function storeNamed(name: string): AttachmentStore {
  const store = STORES[name];
  if (!store) throw new Error(`Unknown attachment store: ${name}`);
  return store;
}
