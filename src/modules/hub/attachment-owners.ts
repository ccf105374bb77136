/** A library document's versions: readable by whoever the document's audience includes. */
import { registerAttachmentOwner } from '../attachments/owners.js';
import { readableItem, VERSION_ATTACHMENTS } from './library.service.js';
import * as repo from './repo.js';

registerAttachmentOwner({
  kind: VERSION_ATTACHMENTS,
  async canRead(db, actor, versionId) {
    const version = await repo.findVersion(db, versionId);
    if (!version) return false;
    return readableItem(db, actor, version.item_id).then(
      () => true,
      () => false,
    );
  },
});
