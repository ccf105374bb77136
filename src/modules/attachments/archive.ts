/**
 * Zip-based attachments (DOCX, XLSX, ODT) pass an archive check before they are stored, so a zip
 * bomb never reaches a reader that opens it later (LibreOffice on a coordinator's machine, our
 * own document tests).
 *
 * TODO(issue 9, archive guard): call the shared guard `inspectZip(bytes)` from
 * src/domain/uploads/archive-guard.ts here once it lands; it streams every entry and caps what
 * really inflates. Until then this checks what the zip's directory declares: the number of
 * entries and their total unpacked size, and refuses a directory that cannot be read.
 */
import { zipDirectory } from '../../domain/attachments/content-type.js';

export const MAX_ARCHIVE_ENTRIES = 2_000;
export const MAX_ARCHIVE_UNPACKED_BYTES = 100 * 1024 * 1024;

export type ArchiveVerdict = { ok: true } | { ok: false; status: 413 | 422; message: string };

export async function checkArchive(bytes: Uint8Array): Promise<ArchiveVerdict> {
  const entries = zipDirectory(bytes);
  if (!entries) return { ok: false, status: 422, message: 'Filen går inte att läsa som dokument. Spara om den och försök igen.' };
  if (entries.length > MAX_ARCHIVE_ENTRIES) return { ok: false, status: 422, message: 'Dokumentet har för många delar för att tas emot. Spara det som PDF och försök igen.' };
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_ARCHIVE_UNPACKED_BYTES) {
    return { ok: false, status: 413, message: 'Dokumentet blir för stort när det packas upp. Spara det som PDF eller dela upp det och försök igen.' };
  }
  return { ok: true };
}
