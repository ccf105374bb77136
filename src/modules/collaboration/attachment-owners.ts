/** Minutes attached to a forum's meeting: readable by whoever reads the forum. */
import { registerAttachmentOwner } from '../attachments/owners.js';
import { readsRecord } from './access.js';
import * as repo from './repo.js';

registerAttachmentOwner({
  kind: 'forum_meeting',
  async canRead(db, actor, meetingId) {
    const meeting = await repo.findMeeting(db, meetingId);
    const forum = meeting && (await repo.findForum(db, meeting.forum_id));
    return !!forum && forum.municipality_id === actor.municipalityId && readsRecord(actor, 'forums.read', forum.board_id);
  },
});
