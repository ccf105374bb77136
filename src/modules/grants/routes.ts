/**
 * Grant and premises vetting (API.md "Collaboration, civil society and grants", issue #15): the
 * municipality's democracy criteria, applications per board, their vetting and decision, payout
 * and follow-up the year after.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApplication, getApplication, listApplications, recordFollowUp, recordPayout, vetApplication } from './applications.service.js';
import { listCriteria, updateCriteria } from './criteria.service.js';
import {
  ZCreateApplicationRequest,
  ZFollowUpRequest,
  ZGrantApplication,
  ZGrantCriterion,
  ZIdParams,
  ZListQuery,
  ZPayoutRequest,
  ZUpdateCriteriaRequest,
  ZVettingRequest,
} from './schema.js';

export const grantRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['grants'];

  app.get('/api/grant-criteria', {
    config: { action: 'grant_criteria.list' },
    schema: { tags, summary: 'The municipality’s democracy criteria for grant and premises vetting, in order (those no longer in use too)', response: { 200: z.array(ZGrantCriterion) } },
    handler: (req) => listCriteria({ db: app.db, actor: req.actor! }),
  });

  app.put('/api/grant-criteria', {
    config: { action: 'grant_criteria.update' },
    schema: {
      tags,
      summary: 'Set the criteria in order: label, description, in use, required to pass before an approval; criteria left out are kept as no longer in use (the central coordinator)',
      body: ZUpdateCriteriaRequest,
      response: { 200: z.array(ZGrantCriterion) },
    },
    handler: (req) => updateCriteria({ db: app.db, actor: req.actor!, input: req.body }),
  });

  app.post('/api/grant-applications', {
    config: { action: 'grant_applications.create' },
    schema: { tags, summary: 'Register an application for a grant or premises from an organisation (the board’s coordinators; the purpose is personal-data guarded)', body: ZCreateApplicationRequest, response: { 201: ZGrantApplication } },
    handler: async (req, reply) => reply.status(201).send(await createApplication({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.get('/api/grant-applications', {
    config: { action: 'grant_applications.list' },
    schema: { tags, summary: 'Applications on the boards the user reads (only `boardId`’s, only `status` when given), newest first', querystring: ZListQuery, response: { 200: z.array(ZGrantApplication) } },
    handler: (req) => listApplications({ db: app.db, actor: req.actor!, boardId: req.query.boardId, status: req.query.status }),
  });

  app.get('/api/grant-applications/:id', {
    config: { action: 'grant_applications.read' },
    schema: { tags, summary: 'One application with its vetting, decision, payout and follow-up', params: ZIdParams, response: { 200: ZGrantApplication } },
    handler: (req) => getApplication({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.put('/api/grant-applications/:id/vetting', {
    config: { action: 'grant_applications.vet' },
    schema: {
      tags,
      summary: 'Record the vetting against the criteria and the decision; an approval with a failed or unclear criterion, or without a required one passed, is refused (422)',
      params: ZIdParams,
      body: ZVettingRequest,
      response: { 200: ZGrantApplication },
    },
    handler: (req) => vetApplication({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.patch('/api/grant-applications/:id/payout', {
    config: { action: 'grant_applications.payout' },
    schema: { tags, summary: 'Record the payout of an approved grant', params: ZIdParams, body: ZPayoutRequest, response: { 200: ZGrantApplication } },
    handler: (req) => recordPayout({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.patch('/api/grant-applications/:id/follow-up', {
    config: { action: 'grant_applications.follow_up' },
    schema: { tags, summary: 'Record the follow-up the year after an approval (personal-data guarded)', params: ZIdParams, body: ZFollowUpRequest, response: { 200: ZGrantApplication } },
    handler: (req) => recordFollowUp({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });
};
