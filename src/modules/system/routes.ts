import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/database.js';
import { VERSION } from '../../version.js';
import { getInstance } from './service.js';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { action: 'health.read' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
    handler: async () => {
      await ping(app.db);
      return { status: 'ok' as const, database: app.dbKind, version: VERSION };
    },
  });

  app.get('/api/instance', {
    config: { action: 'health.read' },
    schema: {
      tags: ['system'],
      summary: 'About this installation: demo mode (demo accounts exist) or not',
      response: { 200: z.object({ demo: z.boolean() }) },
    },
    handler: () => getInstance({ db: app.db }),
  });

  app.get('/api/openapi.json', {
    config: { action: 'docs.read' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
};
