import { anyOf, type Rule } from '../rules.js';

/**
 * The attachment store. Uploading is for the roles that write records taking attachments (audit
 * reports, replies, later decisions and minutes); admins see no case content and viewers write
 * nothing. Reading is checked per file against the records that refer to it (the uploader reads
 * a file no record refers to yet), so the route only needs a session.
 */
export const attachmentRules = {
  'attachments.create': anyOf('central_coordinator', 'local_coordinator', 'contributor', 'auditor'),
  'attachments.read': 'authenticated',
} satisfies Record<string, Rule>;
