/**
 * Records that refer to attachments. Each capability that takes `attachmentIds` registers its
 * owner kind with a reader that answers "may this actor read that record?" — the same rule its
 * own GET uses. An attachment is readable by whoever may read any record that refers to it (and
 * by its uploader); the attachment store itself knows nothing about audits, decisions or meetings.
 */
import type { Database } from '../../db/database.js';
import type { Actor } from '../../domain/policy/index.js';

export interface AttachmentOwner {
  /** Stored in `attachment_ref.owner_kind`, e.g. `audit_report`. */
  kind: string;
  canRead(db: Database, actor: Actor, ownerId: string): Promise<boolean>;
}

const owners = new Map<string, AttachmentOwner>();

export function registerAttachmentOwner(owner: AttachmentOwner): void {
  owners.set(owner.kind, owner);
}

export function ownerOf(kind: string): AttachmentOwner | undefined {
  return owners.get(kind);
}
