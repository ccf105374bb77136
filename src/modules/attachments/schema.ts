import { z } from 'zod';

/** The attachment store (API.md "Attachments"); shared with the web app. */
export const ZAttachment = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAttachmentParams = z.object({ id: z.uuid({ error: 'Ogiltig bilaga.' }) });

/** `attachmentIds` on a record's body: attachments uploaded before with POST /api/attachments. */
export const ZAttachmentIds = z
  .array(z.uuid({ error: 'Ogiltig bilaga.' }), { error: 'Ange bilagorna som en lista.' })
  .max(20, 'Högst 20 bilagor.');
