import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAnswerReceipt,
  ZAnswerRequest,
  ZCreateSurveyRequest,
  ZIdParams,
  ZIssuedLink,
  ZPublicSurvey,
  ZRecipientParams,
  ZSendRequest,
  ZSendResponse,
  ZSurvey,
  ZSurveyListQuery,
  ZSurveyResults,
  ZSurveySummary,
  ZTokenParams,
  ZUpdateSurveyRequest,
} from './schema.js';
import * as links from './surveys-links.service.js';
import * as publicSurvey from './surveys-public.service.js';
import * as service from './surveys.service.js';

/** Requests per minute per client IP on the public answer page. */
export const PUBLIC_SURVEY_RATE_LIMIT = 60;

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/surveys', {
    config: { action: 'surveys.list' },
    schema: { tags: ['situation'], summary: 'Surveys of the boards you may see', querystring: ZSurveyListQuery, response: { 200: z.array(ZSurveySummary) } },
    handler: (req) => service.listSurveys({ db: app.db, actor: req.actor!, ...req.query }),
  });

  app.post('/api/surveys', {
    config: { action: 'surveys.create' },
    schema: { tags: ['situation'], summary: 'Create a survey (draft)', body: ZCreateSurveyRequest, response: { 201: ZSurvey } },
    handler: async (req, reply) => reply.status(201).send(await service.createSurvey({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.get('/api/surveys/:id', {
    config: { action: 'surveys.read' },
    schema: { tags: ['situation'], summary: 'A survey with its questions and recipients', params: ZIdParams, response: { 200: ZSurvey } },
    handler: (req) => service.getSurvey({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.patch('/api/surveys/:id', {
    config: { action: 'surveys.update' },
    schema: { tags: ['situation'], summary: 'Change a draft survey', params: ZIdParams, body: ZUpdateSurveyRequest, response: { 200: ZSurvey } },
    handler: (req) => service.updateSurvey({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.delete('/api/surveys/:id', {
    config: { action: 'surveys.delete' },
    schema: { tags: ['situation'], summary: 'Delete a draft survey', params: ZIdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteSurvey({ db: app.db, actor: req.actor!, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/surveys/:id/recipients', {
    config: { action: 'surveys.send' },
    schema: {
      tags: ['situation'],
      summary: 'Send: one single-use link per recipient, valid 30 days by default; the links are shown only in this response',
      params: ZIdParams,
      body: ZSendRequest,
      response: { 201: ZSendResponse },
    },
    handler: async (req, reply) => reply.status(201).send(await links.sendSurvey({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body })),
  });

  app.post('/api/surveys/:id/recipients/:recipientId/renew', {
    config: { action: 'surveys.send' },
    schema: { tags: ['situation'], summary: 'A new link for a recipient who has not answered; the old link stops working', params: ZRecipientParams, response: { 200: ZIssuedLink } },
    handler: (req) => links.renewLink({ db: app.db, actor: req.actor!, id: req.params.id, recipientId: req.params.recipientId }),
  });

  app.post('/api/surveys/:id/close', {
    config: { action: 'surveys.close' },
    schema: { tags: ['situation'], summary: 'Close a survey: its links stop working', params: ZIdParams, response: { 200: ZSurvey } },
    handler: (req) => service.closeSurvey({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.get('/api/surveys/:id/results', {
    config: { action: 'surveys.results' },
    schema: { tags: ['situation'], summary: 'Aggregated answers and response rate (suppressed outside the board)', params: ZIdParams, response: { 200: ZSurveyResults } },
    handler: (req) => service.surveyResults({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  const publicLimit = { max: PUBLIC_SURVEY_RATE_LIMIT, timeWindow: '1 minute' };

  app.get('/api/public/surveys/:token', {
    config: { action: 'public_surveys.read', rateLimit: publicLimit },
    schema: { tags: ['situation'], summary: 'The survey behind a link (no login)', params: ZTokenParams, response: { 200: ZPublicSurvey } },
    handler: (req) => publicSurvey.getPublicSurvey({ db: app.db, token: req.params.token }),
  });

  app.post('/api/public/surveys/:token', {
    config: { action: 'public_surveys.answer', rateLimit: publicLimit },
    schema: {
      tags: ['situation'],
      summary:
        'Answer once through a link (no login); 422 personal_data names free-text answers holding personal data, 422 personal_data_possible those that look like a name (resend with confirmNoPersonalData)',
      params: ZTokenParams,
      body: ZAnswerRequest,
      response: { 201: ZAnswerReceipt },
    },
    handler: async (req, reply) => reply.status(201).send(await publicSurvey.answerPublicSurvey({ db: app.db, token: req.params.token, answers: req.body.answers, confirmNoPersonalData: req.body.confirmNoPersonalData })),
  });
};
