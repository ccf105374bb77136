import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/database.js';
import { VERSION } from '../../version.js';
import { getInstance } from './service.js';
import { readiness } from './readiness.js';

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

  app.get('/api/health/ready', {
    config: { action: 'health.read' },
    schema: {
      tags: ['system'],
      summary: 'Readiness: 200 when the database answers and every migration is applied, else 503 with the reason',
      response: {
        200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
        503: z.object({ error: z.object({ code: z.literal('not_ready'), message: z.string(), pendingMigrations: z.array(z.string()).optional() }) }),
      },
    },
    handler: async (_req, reply) => {
      const verdict = await readiness(app.db);
      if (!verdict.ready) {
        if (verdict.cause) app.log.warn({ cause: verdict.cause }, 'not ready: the database does not answer');
        return reply.status(503).send({ error: { code: 'not_ready' as const, ...verdict.reason } });
      }
      return { status: 'ready' as const, database: app.dbKind, version: VERSION };
    },
  });

  app.get('/api/instance', {
    config: { action: 'health.read' },
    schema: {
      tags: ['system'],
      summary: 'About this installation: demo mode (demo accounts exist) or not, and its municipality (for the public pages)',
      response: { 200: z.object({ demo: z.boolean(), municipality: z.object({ id: z.string(), name: z.string() }).nullable() }) },
    },
    handler: () => getInstance({ db: app.db }),
  });

  app.get('/api/openapi.json', {
    config: { action: 'docs.read' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
};
