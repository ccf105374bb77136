/** POST /api/attachments and GET /api/attachments/:id (API.md "Attachments"). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { badRequest } from '../../http/errors.js';
import { ZAttachment, ZAttachmentParams } from './schema.js';
import * as service from './service.js';

const CHOOSE_FILE = { field: 'file', message: 'Välj en fil att bifoga.' };

/** The one file of a multipart upload, read with the attachment size limit. */
async function readFile(req: FastifyRequest, maxBytes: number): Promise<service.UploadedFile> {
  if (!req.isMultipart()) throw badRequest('Skicka filen som multipart/form-data i fältet ”file”.', [CHOOSE_FILE]);
  let file: service.UploadedFile | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 0 } })) {
      if (part.type !== 'file' || part.fieldname !== 'file') {
        throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: 'Skicka filen i fältet ”file”.' }]);
      }
      const bytes = await part.toBuffer();
      file = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: part.filename ?? '' };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw service.tooLarge(maxBytes);
    throw e;
  }
  if (!file) throw badRequest('Välj en fil att bifoga.', [CHOOSE_FILE]);
  return file;
}

/** RFC 6266 / 5987: an ASCII fallback and the real name in UTF-8. */
function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];

  app.post('/api/attachments', {
    config: { action: 'attachments.create' },
    schema: {
      tags,
      summary: 'Upload a file (multipart field `file`: PDF, DOCX, XLSX, ODT, PNG or JPEG, checked by content; size limit VARNA_ATTACHMENT_MAX_MB). Readable by its uploader until a record refers to it (`attachmentIds`), then by whoever may read that record.',
      consumes: ['multipart/form-data'],
      response: { 201: ZAttachment },
    },
    handler: async (req, reply) => {
      const maxBytes = app.config.attachmentMaxBytes;
      const file = await readFile(req, maxBytes);
      return reply.status(201).send(await service.uploadAttachment({ db: app.db, actor: req.actor!, file, maxBytes }));
    },
  });

  app.get('/api/attachments/:id', {
    config: { action: 'attachments.read' },
    schema: { tags, summary: 'The file, for whoever may read a record that refers to it (or uploaded it)', params: ZAttachmentParams },
    handler: async (req, reply) => {
      const { attachment, bytes } = await service.readAttachment({ db: app.db, actor: req.actor!, id: req.params.id });
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.name))
        .header('content-length', String(bytes.byteLength))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  });
};
