/**
 * Public information, the helpline log and the knowledge hub (API.md "Public information, helpline
 * and knowledge hub", issue #16): the public pages without login, the board's public text, the
 * helpline log and its counts, the library, the directory and news to coordinators.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderPlanPdf } from '../../documents/plan/pdf.js';
import { planFileName } from '../../documents/plan/outline.js';
import { badRequest } from '../../http/errors.js';
import './attachment-owners.js';
import { getDirectory } from './directory.service.js';
import { createContact, deleteContact, helplineSummary, listContacts } from './helpline.service.js';
import { createLibraryItem, createLibraryVersion, getLibraryItem, listLibrary } from './library.service.js';
import { readForm } from './multipart.js';
import { createNews, deleteNews, listNews } from './news.service.js';
import { getPublicBoard, listApprovedPlans, listPublicBoards, publicPlanForExport, savePublicInfo } from './public.service.js';
import {
  ZBoardIdParams,
  ZApprovedPlansBoard,
  ZDirectoryBoard,
  ZHelplineContact,
  ZHelplineQuery,
  ZHelplineRequest,
  ZHelplineSummary,
  ZIdParams,
  ZLibraryDetail,
  ZLibraryFields,
  ZLibraryItem,
  ZLibraryQuery,
  ZMunicipalityParams,
  ZNews,
  ZNewsRequest,
  ZPublicBoard,
  ZPublicInfoRequest,
  ZPublicMunicipality,
  ZSummaryQuery,
  ZVersionFields,
} from './schema.js';

/** Requests per minute and client on the pages read without login. */
export const PUBLIC_PAGE_RATE_LIMIT = 60;

/** Form fields checked like a JSON body: 400 naming each bad field. */
function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw badRequest(
    'Uppgifterna om dokumentet behöver rättas.',
    parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
  );
}

export const hubRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['hub'];
  const publicLimit = { max: PUBLIC_PAGE_RATE_LIMIT, timeWindow: '1 minute' };

  app.get('/api/public/municipalities/:municipalityId/boards', {
    config: { action: 'public_boards.list', rateLimit: publicLimit },
    schema: { tags, summary: 'The municipality’s boards for the public “where to turn” page (no login)', params: ZMunicipalityParams, response: { 200: ZPublicMunicipality } },
    handler: (req) => listPublicBoards({ db: app.db, municipalityId: req.params.municipalityId }),
  });
  app.get('/api/public/boards/:boardId', {
    config: { action: 'public_boards.read', rateLimit: publicLimit },
    schema: { tags, summary: 'A board’s public page: where to turn, function contacts, 112 and 114 14, and its approved plans as PDF (no login)', params: ZBoardIdParams, response: { 200: ZPublicBoard } },
    handler: (req) => getPublicBoard({ db: app.db, boardId: req.params.boardId }),
  });
  app.get('/api/public/plans/:id/pdf', {
    config: { action: 'public_plans.pdf', rateLimit: publicLimit },
    schema: { tags, summary: 'An approved plan as PDF (no login); 404 for any plan not approved', params: ZIdParams },
    handler: async (req, reply) => {
      const model = await publicPlanForExport({ db: app.db, planId: req.params.id });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${planFileName(model, 'pdf')}"`)
        .header('cache-control', 'public, max-age=300')
        .send(await renderPlanPdf(model));
    },
  });
  app.put('/api/boards/:id/public-info', {
    config: { action: 'public_info.update' },
    schema: { tags, summary: 'Set the board’s public text and function contacts (guarded: no personal data; a personal-looking mailbox needs confirmNoPersonalData)', params: ZIdParams, body: ZPublicInfoRequest, response: { 200: ZPublicBoard } },
    handler: (req) => savePublicInfo({ db: app.db, actor: req.actor!, boardId: req.params.id, input: req.body }),
  });

  app.post('/api/helpline-contacts', {
    config: { action: 'helpline.create' },
    schema: { tags, summary: 'Log a helpline contact anonymously (the note is checked by the personal-data guard: 422 personal_data)', body: ZHelplineRequest, response: { 201: ZHelplineContact } },
    handler: async (req, reply) => reply.status(201).send(await createContact({ db: app.db, actor: req.actor!, input: req.body })),
  });
  app.get('/api/helpline-contacts', {
    config: { action: 'helpline.list' },
    schema: { tags, summary: 'The year’s helpline entries of the boards the user coordinates (the central coordinator: the city’s own)', querystring: ZHelplineQuery, response: { 200: z.array(ZHelplineContact) } },
    handler: (req) => listContacts({ db: app.db, actor: req.actor!, boardId: req.query.boardId, year: req.query.year }),
  });
  app.get('/api/helpline-contacts/summary', {
    config: { action: 'helpline.summary' },
    schema: { tags, summary: 'Helpline counts of a year by month, caller type and environment per board; small counts "<5" outside the owning board', querystring: ZSummaryQuery, response: { 200: ZHelplineSummary } },
    handler: (req) => helplineSummary({ db: app.db, actor: req.actor!, year: req.query.year }),
  });
  app.delete('/api/helpline-contacts/:id', {
    config: { action: 'helpline.delete' },
    schema: { tags, summary: 'Remove an entry made by mistake (the audit log keeps that it existed)', params: ZIdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteContact({ db: app.db, actor: req.actor!, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/library', {
    config: { action: 'library.list' },
    schema: { tags, summary: 'Documents the user’s audience may see; q: words searched in Swedish over titles, descriptions and the documents’ text', querystring: ZLibraryQuery, response: { 200: z.array(ZLibraryItem) } },
    handler: (req) => listLibrary({ db: app.db, actor: req.actor!, q: req.query.q, category: req.query.category }),
  });
  app.post('/api/library', {
    config: { action: 'library.create' },
    schema: { tags, summary: 'Add a document (multipart: file, title, category, audience, description)', consumes: ['multipart/form-data'], response: { 201: ZLibraryDetail } },
    handler: async (req, reply) => {
      const maxBytes = app.config.attachmentMaxBytes;
      const form = await readForm(req, maxBytes, ['title', 'category', 'audience', 'description']);
      const fields = parseFields(ZLibraryFields, form.fields);
      return reply.status(201).send(await createLibraryItem({ db: app.db, actor: req.actor!, fields, file: form.file, maxBytes }));
    },
  });
  app.get('/api/library/:id', {
    config: { action: 'library.read' },
    schema: { tags, summary: 'A document with every version, newest first (files through GET /api/attachments/:id)', params: ZIdParams, response: { 200: ZLibraryDetail } },
    handler: (req) => getLibraryItem({ db: app.db, actor: req.actor!, id: req.params.id }),
  });
  app.post('/api/library/:id/versions', {
    config: { action: 'library.versions.create' },
    schema: { tags, summary: 'A new version of a document (multipart: file, note); the old ones are kept', consumes: ['multipart/form-data'], params: ZIdParams, response: { 201: ZLibraryDetail } },
    handler: async (req, reply) => {
      const maxBytes = app.config.attachmentMaxBytes;
      const form = await readForm(req, maxBytes, ['note']);
      const { note } = parseFields(ZVersionFields, form.fields);
      return reply.status(201).send(await createLibraryVersion({ db: app.db, actor: req.actor!, id: req.params.id, note: note || null, file: form.file, maxBytes }));
    },
  });

  app.get('/api/directory', {
    config: { action: 'directory.read' },
    schema: { tags, summary: 'Every board’s coordinators (active accounts: name and e-mail), for all staff', response: { 200: z.array(ZDirectoryBoard) } },
    handler: (req) => getDirectory({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/approved-plans', {
    config: { action: 'approved_plans.list' },
    schema: { tags, summary: 'Every board’s approved plans (public documents) for all staff, with the PDF’s address; never drafts', response: { 200: z.array(ZApprovedPlansBoard) } },
    handler: (req) => listApprovedPlans({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/news', {
    config: { action: 'news.list' },
    schema: { tags, summary: 'News to coordinators, newest first', response: { 200: z.array(ZNews) } },
    handler: (req) => listNews({ db: app.db, actor: req.actor! }),
  });
  app.post('/api/news', {
    config: { action: 'news.create' },
    schema: { tags, summary: 'Post news to the coordinators (the central coordinator)', body: ZNewsRequest, response: { 201: ZNews } },
    handler: async (req, reply) => reply.status(201).send(await createNews({ db: app.db, actor: req.actor!, input: req.body })),
  });
  app.delete('/api/news/:id', {
    config: { action: 'news.delete' },
    schema: { tags, summary: 'Remove a news item', params: ZIdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteNews({ db: app.db, actor: req.actor!, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
};
