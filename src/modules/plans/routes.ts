import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { governanceRoutes } from './governance-routes.js';
import {
  ZActivity,
  ZActivityParams,
  ZCheckResult,
  ZCompareQuery,
  ZCompareResult,
  ZCreateActivityRequest,
  ZCreateDecisionRequest,
  ZCreatePlanRequest,
  ZCreateRevisionRequest,
  ZDecision,
  ZListPlansQuery,
  ZOverview,
  ZOverviewQuery,
  ZPlan,
  ZPlanIdParams,
  ZPlanSummary,
  ZReorderActivitiesRequest,
  ZReview,
  ZReviewRequest,
  ZSection,
  ZSectionParams,
  ZTransitionRequest,
  ZUpdateActivityRequest,
  ZUpdatePlanRequest,
  ZUpdateSectionRequest,
  ZVersion,
  ZVersionParams,
  ZVersionSummary,
} from './schema.js';
import * as decisions from './decisions.service.js';
import * as revisions from './revision.service.js';
import * as service from './service.js';

/** Local action plans: the stable paths of API.md plus editing, review, versions, overview. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(governanceRoutes);
  const tags = ['plans'];

  app.post('/api/plans', {
    config: { action: 'plans.create' },
    schema: { tags, summary: 'Start a board’s plan for a year (409 if it exists)', body: ZCreatePlanRequest, response: { 201: ZPlan } },
    handler: async (req, reply) => reply.status(201).send(await service.createPlan({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.get('/api/plans', {
    config: { action: 'plans.list' },
    schema: { tags, summary: 'Plans the user may read, newest year first', querystring: ZListPlansQuery, response: { 200: z.array(ZPlanSummary) } },
    handler: (req) => service.listPlans({ db: app.db, actor: req.actor!, query: req.query }),
  });

  app.get('/api/plans/overview', {
    config: { action: 'plans.overview' },
    schema: {
      tags,
      summary: 'All boards × the year’s plan (status, check score, deadline) and the coverage matrix boards × guideline elements',
      querystring: ZOverviewQuery,
      response: { 200: ZOverview },
    },
    handler: (req) => service.getOverview({ db: app.db, actor: req.actor!, year: req.query.year }),
  });

  app.get('/api/plans/compare', {
    config: { action: 'plans.compare' },
    schema: {
      tags,
      summary: 'Compare two plans or versions (`<planId>` or `<planId>:<version>`): activities added, changed, removed',
      querystring: ZCompareQuery,
      response: { 200: ZCompareResult },
    },
    handler: (req) => service.comparePlans({ db: app.db, actor: req.actor!, from: req.query.from, to: req.query.to }),
  });

  app.get('/api/plans/:id', {
    config: { action: 'plans.read' },
    schema: {
      tags,
      summary: 'A plan with sections, activities, the moves the user may make and the timeline of moves',
      params: ZPlanIdParams,
      response: { 200: ZPlan },
    },
    handler: (req) => service.getPlan({ db: app.db, actor: req.actor!, planId: req.params.id }),
  });

  app.patch('/api/plans/:id', {
    config: { action: 'plans.update' },
    schema: {
      tags,
      summary: 'Explain why a measure area has no activities (draft or returned plans)',
      params: ZPlanIdParams,
      body: ZUpdatePlanRequest,
      response: { 200: ZPlan },
    },
    handler: (req) => service.updatePlan({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body }),
  });

  app.get('/api/plans/:id/check', {
    config: { action: 'plans.check' },
    schema: { tags, summary: 'The automatic plan check: a checklist with a score 0–100', params: ZPlanIdParams, response: { 200: ZCheckResult } },
    handler: (req) => service.getPlanCheck({ db: app.db, actor: req.actor!, planId: req.params.id }),
  });

  app.put('/api/plans/:id/sections/:key', {
    config: { action: 'plans.sections.update' },
    schema: {
      tags,
      summary: 'Write a section (HTML is reduced to p, h3, lists, strong, em, links)',
      params: ZSectionParams,
      body: ZUpdateSectionRequest,
      response: { 200: ZSection },
    },
    handler: (req) => service.updateSection({ db: app.db, actor: req.actor!, planId: req.params.id, key: req.params.key, input: req.body }),
  });

  app.post('/api/plans/:id/activities', {
    config: { action: 'plans.activities.create' },
    schema: { tags, summary: 'Add an activity', params: ZPlanIdParams, body: ZCreateActivityRequest, response: { 201: ZActivity } },
    handler: async (req, reply) =>
      reply.status(201).send(await service.createActivity({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body })),
  });

  app.put('/api/plans/:id/activity-order', {
    config: { action: 'plans.activities.reorder' },
    schema: {
      tags,
      summary: 'Put the plan’s activities in a new order',
      params: ZPlanIdParams,
      body: ZReorderActivitiesRequest,
      response: { 200: z.array(ZActivity) },
    },
    handler: (req) => service.reorderActivities({ db: app.db, actor: req.actor!, planId: req.params.id, activityIds: req.body.activityIds }),
  });

  app.patch('/api/plans/:id/activities/:activityId', {
    config: { action: 'plans.activities.update' },
    schema: {
      tags,
      summary: 'Edit an activity (also last year’s final status of a carried-over one)',
      params: ZActivityParams,
      body: ZUpdateActivityRequest,
      response: { 200: ZActivity },
    },
    handler: (req) =>
      service.updateActivity({ db: app.db, actor: req.actor!, planId: req.params.id, activityId: req.params.activityId, input: req.body }),
  });

  app.delete('/api/plans/:id/activities/:activityId', {
    config: { action: 'plans.activities.delete' },
    schema: { tags, summary: 'Remove an activity (kept in the plan’s history)', params: ZActivityParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteActivity({ db: app.db, actor: req.actor!, planId: req.params.id, activityId: req.params.activityId });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/plans/:id/activities/:activityId/restore', {
    config: { action: 'plans.activities.restore' },
    schema: {
      tags,
      summary: 'Bring a removed activity back into the plan (last in the order)',
      params: ZActivityParams,
      response: { 200: ZActivity },
    },
    handler: (req) => service.restoreActivity({ db: app.db, actor: req.actor!, planId: req.params.id, activityId: req.params.activityId }),
  });

  app.post('/api/plans/:id/transitions', {
    config: { action: 'plans.transition' },
    schema: {
      tags,
      summary: 'Move the plan in its workflow; 409 when the move is not allowed from this state or by this user',
      params: ZPlanIdParams,
      body: ZTransitionRequest,
      response: { 200: ZPlan },
    },
    handler: (req) => service.transitionPlan({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body }),
  });

  app.put('/api/plans/:id/review', {
    config: { action: 'plans.review' },
    schema: {
      tags,
      summary: 'Save the review checklist (criteria × pass/partly/fail, comments) of a plan in review',
      params: ZPlanIdParams,
      body: ZReviewRequest,
      response: { 200: ZReview },
    },
    handler: (req) => service.saveReview({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body }),
  });

  app.post('/api/plans/:id/decisions', {
    config: { action: 'plans.decisions.create' },
    schema: {
      tags,
      summary:
        'Record the board’s handling of the plan at a meeting: proposals, outcome (adopted → board_decided; sent back or postponed keep the draft), reservations in full, the protocol extract',
      params: ZPlanIdParams,
      body: ZCreateDecisionRequest,
      response: { 201: ZDecision },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await decisions.recordDecision({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body })),
  });

  app.get('/api/plans/:id/decisions', {
    config: { action: 'plans.decisions.list' },
    schema: { tags, summary: 'The board’s decisions on the plan, oldest first', params: ZPlanIdParams, response: { 200: z.array(ZDecision) } },
    handler: (req) => decisions.listDecisions({ db: app.db, actor: req.actor!, planId: req.params.id }),
  });

  app.post('/api/plans/:id/revisions', {
    config: { action: 'plans.revise' },
    schema: {
      tags,
      summary: 'Start a revision of an approved plan during the year: a new draft for the same board and year; the approved plan stays in force until the revision is approved',
      params: ZPlanIdParams,
      body: ZCreateRevisionRequest,
      response: { 201: ZPlan },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await revisions.createRevision({ db: app.db, actor: req.actor!, planId: req.params.id, input: req.body })),
  });

  app.post('/api/plans/:id/next-year', {
    config: { action: 'plans.copy' },
    schema: { tags, summary: 'Start next year’s plan as a copy of this one (annual revision)', params: ZPlanIdParams, response: { 201: ZPlan } },
    handler: async (req, reply) => reply.status(201).send(await service.copyToNextYear({ db: app.db, actor: req.actor!, planId: req.params.id })),
  });

  app.get('/api/plans/:id/versions', {
    config: { action: 'plans.versions' },
    schema: { tags, summary: 'Versions kept at each workflow move', params: ZPlanIdParams, response: { 200: z.array(ZVersionSummary) } },
    handler: (req) => service.listVersions({ db: app.db, actor: req.actor!, planId: req.params.id }),
  });

  app.get('/api/plans/:id/versions/:number', {
    config: { action: 'plans.versions' },
    schema: { tags, summary: 'One version of the plan as it was', params: ZVersionParams, response: { 200: ZVersion } },
    handler: (req) => service.getVersion({ db: app.db, actor: req.actor!, planId: req.params.id, number: req.params.number }),
  });
};
