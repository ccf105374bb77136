import { upload } from '../../api/client';
import type { TAttachment } from '@shared/modules/attachments/schema';

/** Uploads one file to the attachment store (POST /api/attachments, multipart field `file`). */
export const uploadAttachment = (file: File) => upload<TAttachment>('/api/attachments', { file });
