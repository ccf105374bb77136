import { ApiError } from '../../api/client';
import type { TAttachment } from '../../../../src/modules/attachments/schema';

/** Uploads one file to the attachment store (POST /api/attachments, multipart field `file`). */
export async function uploadAttachment(file: File, csrf: string): Promise<TAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/attachments', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error ?? { code: 'network', message: 'Något gick fel. Försök igen.' });
  return data as TAttachment;
}
