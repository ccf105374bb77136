import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../orgs/schema.js';
import { ZCreateUserRequest, ZResetPasswordRequest, ZUpdateUserRequest, ZUser } from './schema.js';
import * as service from './service.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    config: { action: 'users.list' },
    schema: { tags: ['accounts'], summary: 'Accounts of the municipality (admin)', response: { 200: z.array(ZUser) } },
    handler: (req) => service.listUsers({ db: app.db, actor: req.actor! }),
  });

  app.post('/api/users', {
    config: { action: 'users.create' },
    schema: { tags: ['accounts'], summary: 'Create an account (admin)', body: ZCreateUserRequest, response: { 201: ZUser } },
    handler: async (req, reply) => reply.status(201).send(await service.createUser({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/users/:id', {
    config: { action: 'users.update' },
    schema: {
      tags: ['accounts'],
      summary: 'Change name, unit, roles or deactivate an account (admin)',
      params: ZIdParams,
      body: ZUpdateUserRequest,
      response: { 200: ZUser },
    },
    handler: (req) => service.updateUser({ db: app.db, actor: req.actor!, userId: req.params.id, input: req.body }),
  });

  app.post('/api/users/:id/password', {
    config: { action: 'users.reset_password' },
    schema: { tags: ['accounts'], summary: 'Set a new password (admin); ends the user’s sessions', params: ZIdParams, body: ZResetPasswordRequest, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.resetPassword({ db: app.db, actor: req.actor!, userId: req.params.id, password: req.body.password });
      return reply.status(204).send(null);
    },
  });
};
