import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBoardParams, ZCreateSituationNoteRequest, ZIdParams, ZNotesQuery, ZSituationNote } from './schema.js';
import * as service from './notes.service.js';

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/situation/boards/:boardId/notes', {
    config: { action: 'situation_notes.list' },
    schema: { tags: ['situation'], summary: 'Police input and other sources: dated notes of a board', params: ZBoardParams, querystring: ZNotesQuery, response: { 200: z.array(ZSituationNote) } },
    handler: (req) => service.listNotes({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.query.year }),
  });

  app.post('/api/situation/boards/:boardId/notes', {
    config: { action: 'situation_notes.create' },
    schema: { tags: ['situation'], summary: 'Add a dated note (personal-data guarded)', params: ZBoardParams, body: ZCreateSituationNoteRequest, response: { 201: ZSituationNote } },
    handler: async (req, reply) => reply.status(201).send(await service.createNote({ db: app.db, actor: req.actor!, boardId: req.params.boardId, input: req.body })),
  });

  app.delete('/api/situation/notes/:id', {
    config: { action: 'situation_notes.delete' },
    schema: { tags: ['situation'], summary: 'Delete a note', params: ZIdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteNote({ db: app.db, actor: req.actor!, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
};
