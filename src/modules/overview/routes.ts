/**
 * The start page's board overview (GET /api/overview/boards): one answer for the central
 * coordinator's Monday questions, built from the other capabilities' services with the reader's
 * rights, through the heavy-work gate (cached per data version, day and rights).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { throughGate } from '../../http/heavy-work.js';
import { ZBoardsOverview } from './schema.js';
import * as service from './service.js';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/overview/boards', {
    config: { action: 'overview.boards' },
    schema: {
      tags: ['overview'],
      summary: 'Every board the reader reaches: plan status (late, returned), delayed activities, training coverage, concern reports this tertial per environment',
      response: { 200: ZBoardsOverview },
    },
    handler: (req) => throughGate(app, req.actor!, ['overview.boards'], () => service.boardsOverview({ db: app.db, actor: req.actor! })),
  });
};
