import type { TAttachment } from './schema.js';

export function presentAttachment(row: { id: string; name: string; content_type: string; size: number; sha256: string; uploaded_at: Date | string }): TAttachment {
  return { id: row.id, name: row.name, contentType: row.content_type, size: Number(row.size), sha256: row.sha256, uploadedAt: new Date(row.uploaded_at).toISOString() };
}
