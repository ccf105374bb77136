import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './governance-service.js';
import {
  ZCreateGuidelineDocumentRequest,
  ZCreateGuidelineElementRequest,
  ZCreateInstructionRequest,
  ZEffectiveInstruction,
  ZGuidelineDocument,
  ZGuidelineElement,
  ZInstruction,
  ZPlanIdParams,
  ZUpdateGuidelineDocumentRequest,
  ZUpdateGuidelineElementRequest,
  ZUpdateInstructionRequest,
  ZYear,
} from './schema.js';

/** Governing documents (riktlinjer, strategi) and plan instructions (anvisningar). */
export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];

  app.get('/api/guidelines', {
    config: { action: 'guidelines.list' },
    schema: { tags, summary: 'Governing documents of the municipality with their elements', response: { 200: z.array(ZGuidelineDocument) } },
    handler: (req) => service.listGuidelines({ db: app.db, actor: req.actor! }),
  });

  app.post('/api/guidelines', {
    config: { action: 'guidelines.create' },
    schema: { tags, summary: 'Add a governing document (central coordinator)', body: ZCreateGuidelineDocumentRequest, response: { 201: ZGuidelineDocument } },
    handler: async (req, reply) => reply.status(201).send(await service.createGuidelineDocument({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/guidelines/:id', {
    config: { action: 'guidelines.update' },
    schema: {
      tags,
      summary: 'Edit a governing document (central coordinator)',
      params: ZPlanIdParams,
      body: ZUpdateGuidelineDocumentRequest,
      response: { 200: ZGuidelineDocument },
    },
    handler: (req) => service.updateGuidelineDocument({ db: app.db, actor: req.actor!, documentId: req.params.id, input: req.body }),
  });

  app.post('/api/guidelines/:id/elements', {
    config: { action: 'guideline_elements.create' },
    schema: {
      tags,
      summary: 'Add an element (measure area, direction, requirement, guideline, perspective, risk) to a document',
      params: ZPlanIdParams,
      body: ZCreateGuidelineElementRequest,
      response: { 201: ZGuidelineElement },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.createGuidelineElement({ db: app.db, actor: req.actor!, documentId: req.params.id, input: req.body })),
  });

  app.patch('/api/guideline-elements/:id', {
    config: { action: 'guideline_elements.update' },
    schema: {
      tags,
      summary: 'Edit, move or archive an element of a governing document',
      params: ZPlanIdParams,
      body: ZUpdateGuidelineElementRequest,
      response: { 200: ZGuidelineElement },
    },
    handler: (req) => service.updateGuidelineElement({ db: app.db, actor: req.actor!, elementId: req.params.id, input: req.body }),
  });

  app.get('/api/plan-instructions', {
    config: { action: 'plan_instructions.list' },
    schema: { tags, summary: 'Plan instructions per year (drafts only for the central coordinator)', response: { 200: z.array(ZInstruction) } },
    handler: (req) => service.listInstructions({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/plan-instructions/effective', {
    config: { action: 'plan_instructions.read' },
    schema: {
      tags,
      summary: 'The instructions a plan of the given year follows (the latest published ones when the year has none)',
      querystring: z.strictObject({ year: z.coerce.number().pipe(ZYear) }),
      response: { 200: ZEffectiveInstruction },
    },
    handler: (req) => service.getEffectiveInstruction({ db: app.db, actor: req.actor!, year: req.query.year }),
  });

  app.get('/api/plan-instructions/:id', {
    config: { action: 'plan_instructions.read' },
    schema: { tags, summary: 'One year’s plan instructions', params: ZPlanIdParams, response: { 200: ZInstruction } },
    handler: (req) => service.getInstruction({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.post('/api/plan-instructions', {
    config: { action: 'plan_instructions.create' },
    schema: {
      tags,
      summary: 'Draft a year’s plan instructions (starts from the latest ones)',
      body: ZCreateInstructionRequest,
      response: { 201: ZInstruction },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createInstruction({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/plan-instructions/:id', {
    config: { action: 'plan_instructions.update' },
    schema: {
      tags,
      summary: 'Edit plan instructions: sections, required activity fields, deadline, review checklist',
      params: ZPlanIdParams,
      body: ZUpdateInstructionRequest,
      response: { 200: ZInstruction },
    },
    handler: (req) => service.updateInstruction({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.post('/api/plan-instructions/:id/publish', {
    config: { action: 'plan_instructions.publish' },
    schema: { tags, summary: 'Publish plan instructions to the boards', params: ZPlanIdParams, response: { 200: ZInstruction } },
    handler: (req) => service.publishInstruction({ db: app.db, actor: req.actor!, id: req.params.id }),
  });
};
