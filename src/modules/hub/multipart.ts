/** A multipart form with one file (`file`) and text fields, read with the attachment size limit. */
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../http/errors.js';
import { tooLarge, type UploadedFile } from '../attachments/service.js';

const CHOOSE_FILE = { field: 'file', message: 'Välj en fil att ladda upp.' };

export async function readForm(req: FastifyRequest, maxBytes: number, fieldNames: readonly string[]): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Skicka dokumentet som multipart/form-data med filen i fältet ”file”.', [CHOOSE_FILE]);
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: fieldNames.length, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: 'Skicka filen i fältet ”file”.' }]);
        const bytes = await part.toBuffer();
        file = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: part.filename ?? '' };
      } else {
        if (!fieldNames.includes(part.fieldname)) throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: `Fälten är ${fieldNames.join(', ')} och file.` }]);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw e;
  }
  if (!file) throw badRequest('Välj en fil att ladda upp.', [CHOOSE_FILE]);
  return { file, fields };
}
