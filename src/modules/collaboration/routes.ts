/**
 * Collaboration with the police and civil society (API.md "Collaboration, civil society and
 * grants", issue #15): the partner register, forums and their meetings, police agreements, and
 * the civil-society strategy per board.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './attachment-owners.js';
import { createAgreement, listAgreements, updateAgreement } from './agreements.service.js';
import { createForum, createMeeting, deleteMeeting, getForum, listForums, updateForum } from './forums.service.js';
import { createPartner, listPartners, updatePartner } from './partners.service.js';
import {
  ZAgreement,
  ZAgreementQuery,
  ZBoardParams,
  ZCreateAgreementRequest,
  ZCreateForumRequest,
  ZCreateMeetingRequest,
  ZCreatePartnerRequest,
  ZForum,
  ZForumDetail,
  ZForumQuery,
  ZIdParams,
  ZMeeting,
  ZMeetingParams,
  ZPartner,
  ZPartnerQuery,
  ZStrategy,
  ZUpdateAgreementRequest,
  ZUpdateForumRequest,
  ZUpdatePartnerRequest,
  ZUpdateStrategyRequest,
} from './schema.js';
import { getStrategy, listStrategies, saveStrategy } from './strategy.service.js';

export const collaborationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['collaboration'];

  app.get('/api/partners', {
    config: { action: 'partners.list' },
    schema: { tags, summary: 'The partner register: organisations of the boards the user reads and of the whole city; filter by type, board, name; archived ones only with archived=true', querystring: ZPartnerQuery, response: { 200: z.array(ZPartner) } },
    handler: (req) => listPartners({ db: app.db, actor: req.actor!, query: req.query }),
  });
  app.post('/api/partners', {
    config: { action: 'partners.create' },
    schema: { tags, summary: 'Register an organisation by type with the boards that work with it and its function contacts (none: the whole city’s, the central coordinator)', body: ZCreatePartnerRequest, response: { 201: ZPartner } },
    handler: async (req, reply) => reply.status(201).send(await createPartner({ db: app.db, actor: req.actor!, input: req.body })),
  });
  app.patch('/api/partners/:id', {
    config: { action: 'partners.update' },
    schema: { tags, summary: 'Change, archive or restore an organisation (rights on every board it is and will be registered on)', params: ZIdParams, body: ZUpdatePartnerRequest, response: { 200: ZPartner } },
    handler: (req) => updatePartner({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.get('/api/forums', {
    config: { action: 'forums.list' },
    schema: { tags, summary: 'Forums and networks of the boards the user reads and of the whole city, with this year’s meeting counts', querystring: ZForumQuery, response: { 200: z.array(ZForum) } },
    handler: (req) => listForums({ db: app.db, actor: req.actor!, boardId: req.query.boardId }),
  });
  app.post('/api/forums', {
    config: { action: 'forums.create' },
    schema: { tags, summary: 'Create a forum of a board (no board: a network of the whole city, the central coordinator)', body: ZCreateForumRequest, response: { 201: ZForumDetail } },
    handler: async (req, reply) => reply.status(201).send(await createForum({ db: app.db, actor: req.actor!, input: req.body })),
  });
  app.get('/api/forums/:id', {
    config: { action: 'forums.read' },
    schema: { tags, summary: 'One forum with its members and meetings, newest first', params: ZIdParams, response: { 200: ZForumDetail } },
    handler: (req) => getForum({ db: app.db, actor: req.actor!, id: req.params.id }),
  });
  app.patch('/api/forums/:id', {
    config: { action: 'forums.update' },
    schema: { tags, summary: 'Change a forum’s name, cadence, description or members', params: ZIdParams, body: ZUpdateForumRequest, response: { 200: ZForumDetail } },
    handler: (req) => updateForum({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });
  app.post('/api/forums/:id/meetings', {
    config: { action: 'forums.meetings.create' },
    schema: { tags, summary: 'Record a meeting held: date, violent extremism on the agenda, notes (personal-data guarded) and minutes as attachments', params: ZIdParams, body: ZCreateMeetingRequest, response: { 201: ZMeeting } },
    handler: async (req, reply) => reply.status(201).send(await createMeeting({ db: app.db, actor: req.actor!, forumId: req.params.id, input: req.body })),
  });
  app.delete('/api/forums/:id/meetings/:meetingId', {
    config: { action: 'forums.meetings.delete' },
    schema: { tags, summary: 'Remove a meeting recorded by mistake (the audit log keeps it)', params: ZMeetingParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteMeeting({ db: app.db, actor: req.actor!, forumId: req.params.id, meetingId: req.params.meetingId });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/agreements', {
    config: { action: 'agreements.list' },
    schema: { tags, summary: 'Police collaboration agreements the user reads, by review date; dueBefore: those due for review on or before that day (overdue included, ended ones not)', querystring: ZAgreementQuery, response: { 200: z.array(ZAgreement) } },
    handler: (req) => listAgreements({ db: app.db, actor: req.actor!, boardId: req.query.boardId, dueBefore: req.query.dueBefore }),
  });
  app.post('/api/agreements', {
    config: { action: 'agreements.create' },
    schema: { tags, summary: 'Register a local (a board’s) or central (no board, the central coordinator) agreement with its parties, validity, review date and activities', body: ZCreateAgreementRequest, response: { 201: ZAgreement } },
    handler: async (req, reply) => reply.status(201).send(await createAgreement({ db: app.db, actor: req.actor!, input: req.body })),
  });
  app.patch('/api/agreements/:id', {
    config: { action: 'agreements.update' },
    schema: { tags, summary: 'Change an agreement, e.g. the next review date after a revision', params: ZIdParams, body: ZUpdateAgreementRequest, response: { 200: ZAgreement } },
    handler: (req) => updateAgreement({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.get('/api/civil-society-strategies', {
    config: { action: 'strategies.read' },
    schema: { tags, summary: 'Every board the user reads with its civil-society strategy, or exists=false', response: { 200: z.array(ZStrategy) } },
    handler: (req) => listStrategies({ db: app.db, actor: req.actor! }),
  });
  app.get('/api/civil-society-strategies/:boardId', {
    config: { action: 'strategies.read' },
    schema: { tags, summary: 'The board’s civil-society strategy: goals with the activities that carry them out and their latest tertial follow-up', params: ZBoardParams, response: { 200: ZStrategy } },
    handler: (req) => getStrategy({ db: app.db, actor: req.actor!, boardId: req.params.boardId }),
  });
  app.put('/api/civil-society-strategies/:boardId', {
    config: { action: 'strategies.update' },
    schema: { tags, summary: 'Set the board’s civil-society strategy (the board’s coordinators)', params: ZBoardParams, body: ZUpdateStrategyRequest, response: { 200: ZStrategy } },
    handler: (req) => saveStrategy({ db: app.db, actor: req.actor!, boardId: req.params.boardId, input: req.body }),
  });
};
