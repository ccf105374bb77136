/**
 * Zip-based attachments (DOCX, XLSX, ODT) pass the shared archive guard before they are stored,
 * so a zip bomb or a hostile archive (lying sizes, overlapping entries, `../` names, XML entity
 * expansion) never reaches a reader that opens it later — LibreOffice on a coordinator's machine,
 * or our own document tests. The guard streams every entry and stops at its caps
 * (src/domain/uploads/archive-guard.ts).
 */
import { inspectZip } from '../../domain/uploads/archive-guard.js';

export type ArchiveVerdict = { ok: true } | { ok: false; status: 413 | 422; message: string };

export async function checkArchive(bytes: Uint8Array): Promise<ArchiveVerdict> {
  const verdict = await inspectZip(bytes);
  if (verdict.ok) return { ok: true };
  return { ok: false, status: verdict.status === 'too_large' ? 413 : 422, message: verdict.message };
}
