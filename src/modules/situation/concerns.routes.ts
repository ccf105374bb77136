import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZClassifyRequest,
  ZCloseRequest,
  ZConcern,
  ZConcernListItem,
  ZConcernListQuery,
  ZConcernNote,
  ZConcernReceipt,
  ZCreateConcernRequest,
  ZIdParams,
  ZInbox,
  ZNoteRequest,
} from './schema.js';
import * as service from './concerns.service.js';

export const concernRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/concerns', {
    config: { action: 'concerns.create' },
    schema: {
      tags: ['situation'],
      summary:
        'File a de-identified concern or incident report (422 personal_data names each field holding personal data; 422 personal_data_possible each field that looks like a name, stored when resent with confirmNoPersonalData)',
      body: ZCreateConcernRequest,
      response: { 201: ZConcernReceipt },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createConcern({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.get('/api/concerns', {
    config: { action: 'concerns.list' },
    schema: { tags: ['situation'], summary: 'Concern reports of the boards you coordinate, without their texts', querystring: ZConcernListQuery, response: { 200: z.array(ZConcernListItem) } },
    handler: (req) => service.listConcerns({ db: app.db, actor: req.actor!, ...req.query }),
  });

  app.get('/api/concerns/inbox', {
    config: { action: 'concerns.inbox' },
    schema: { tags: ['situation'], summary: 'Open reports you have not read yet, per board', response: { 200: ZInbox } },
    handler: (req) => service.inbox({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/concerns/:id', {
    config: { action: 'concerns.read' },
    schema: { tags: ['situation'], summary: 'One report with its texts and notes (every read is audit-logged)', params: ZIdParams, response: { 200: ZConcern } },
    handler: (req) => service.readConcern({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.post('/api/concerns/:id/classification', {
    config: { action: 'concerns.classify' },
    schema: { tags: ['situation'], summary: 'Classify a report: type, environment and relevance', params: ZIdParams, body: ZClassifyRequest, response: { 200: ZConcernListItem } },
    handler: (req) => service.classifyConcern({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.post('/api/concerns/:id/notes', {
    config: { action: 'concerns.note' },
    schema: { tags: ['situation'], summary: 'Add a note to a report (personal-data guarded)', params: ZIdParams, body: ZNoteRequest, response: { 201: ZConcernNote } },
    handler: async (req, reply) => reply.status(201).send(await service.addConcernNote({ db: app.db, actor: req.actor!, id: req.params.id, ...req.body })),
  });

  app.post('/api/concerns/:id/close', {
    config: { action: 'concerns.close' },
    schema: { tags: ['situation'], summary: 'Close a report, with an optional closing comment', params: ZIdParams, body: ZCloseRequest, response: { 200: ZConcernListItem } },
    handler: (req) => service.closeConcern({ db: app.db, actor: req.actor!, id: req.params.id, ...req.body }),
  });
};
