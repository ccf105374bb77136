/**
 * The one check every multipart upload route makes on the file before handing it to a service:
 * a zip archive (XLSX, DOCX, ODT…) is measured by the archive guard and refused with 413 when it
 * inflates too far, or 422 when it is malformed or hostile. Anything else passes: its size is
 * already bounded by the multipart limit (`UPLOAD_LIMIT`) and its own reader validates it.
 */
import { inspectZip } from '../../domain/uploads/archive-guard.js';
import { inspectXlsx } from '../../domain/uploads/xlsx-guard.js';
import { AppError } from '../../http/errors.js';

export interface UploadedBytes {
  bytes: Uint8Array;
  filename: string;
}

/**
 * `table`: the upload is an import table (CSV or XLSX), so a zip must be a workbook within the
 * table limits. `document`: an attachment (DOCX, ODT, XLSX…) within the general archive limits.
 */
export type UploadKind = 'table' | 'document';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Throws 413 `too_large` or 422 `invalid_file` (the imports' code for a file that cannot be read),
 * with the guard's message on the field `file`, when the archive guard refuses the file.
 */
export async function assertSafeUpload(file: UploadedBytes, kind: UploadKind): Promise<void> {
  if (!isZip(file.bytes)) return;
  const verdict = kind === 'table' ? await inspectXlsx(file.bytes) : await inspectZip(file.bytes);
  if (verdict.ok) return;
  const fields = [{ field: 'file', message: verdict.message }];
  if (verdict.status === 'too_large') throw new AppError(413, 'too_large', verdict.message, fields);
  throw new AppError(422, 'invalid_file', verdict.message, fields);
}
