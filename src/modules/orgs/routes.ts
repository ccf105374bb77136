import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBoard, ZCreateBoardRequest, ZCreateUnitRequest, ZIdParams, ZUnit, ZUpdateBoardRequest } from './schema.js';
import * as service from './service.js';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/boards', {
    config: { action: 'boards.list' },
    schema: { tags: ['organisation'], summary: 'Boards of the municipality', response: { 200: z.array(ZBoard) } },
    handler: (req) => service.listBoards({ db: app.db, actor: req.actor! }),
  });

  app.post('/api/boards', {
    config: { action: 'boards.create' },
    schema: { tags: ['organisation'], summary: 'Create a board (admin)', body: ZCreateBoardRequest, response: { 201: ZBoard } },
    handler: async (req, reply) => reply.status(201).send(await service.createBoard({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/boards/:id', {
    config: { action: 'boards.update' },
    schema: { tags: ['organisation'], summary: 'Rename a board (admin)', params: ZIdParams, body: ZUpdateBoardRequest, response: { 200: ZBoard } },
    handler: (req) => service.updateBoard({ db: app.db, actor: req.actor!, boardId: req.params.id, input: req.body }),
  });

  app.get('/api/units', {
    config: { action: 'units.list' },
    schema: { tags: ['organisation'], summary: 'Units of every board, in one answer', response: { 200: z.array(ZUnit) } },
    handler: (req) => service.listAllUnits({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/boards/:id/units', {
    config: { action: 'units.list' },
    schema: { tags: ['organisation'], summary: 'Units of a board', params: ZIdParams, response: { 200: z.array(ZUnit) } },
    handler: (req) => service.listUnits({ db: app.db, actor: req.actor!, boardId: req.params.id }),
  });

  app.post('/api/boards/:id/units', {
    config: { action: 'units.create' },
    schema: { tags: ['organisation'], summary: 'Add a unit to a board (admin)', params: ZIdParams, body: ZCreateUnitRequest, response: { 201: ZUnit } },
    handler: async (req, reply) =>
      reply.status(201).send(await service.createUnit({ db: app.db, actor: req.actor!, boardId: req.params.id, input: req.body })),
  });

  app.patch('/api/units/:id', {
    config: { action: 'units.update' },
    schema: { tags: ['organisation'], summary: 'Rename a unit (admin)', params: ZIdParams, body: ZUpdateBoardRequest, response: { 200: ZUnit } },
    handler: (req) => service.renameUnit({ db: app.db, actor: req.actor!, unitId: req.params.id, input: req.body }),
  });
};
