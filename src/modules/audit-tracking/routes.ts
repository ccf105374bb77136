/**
 * Audit tracking (API.md "Audit tracking (revision)"): audit reports and recommendations (the
 * auditor), each addressed board's reply and measures (that board's local coordinator), the
 * follow-up audit's assessments (the auditor), the start-page summary and the reply as Word.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './attachment-owners.js';
import { addAssessment } from './assessments.service.js';
import { replyDocument } from './document.service.js';
import { addMeasure, measureTargets, updateMeasure } from './measures.service.js';
import { saveReply } from './replies.service.js';
import { addRecommendation, auditSummary, createAuditReport, getAuditReport, listAuditReports, updateAuditReport } from './reports.service.js';
import {
  ZAssessment,
  ZAuditReport,
  ZAuditSummary,
  ZCreateAssessmentRequest,
  ZCreateAuditReportRequest,
  ZCreateMeasureRequest,
  ZCreateRecommendationRequest,
  ZDocumentParams,
  ZIdParams,
  ZListQuery,
  ZMeasure,
  ZMeasureTargets,
  ZRecommendation,
  ZReply,
  ZReplyParams,
  ZSaveReplyRequest,
  ZUpdateAuditReportRequest,
  ZUpdateMeasureRequest,
} from './schema.js';

export const auditTrackingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit-tracking'];

  app.post('/api/audit-reports', {
    config: { action: 'audit_reports.create' },
    schema: { tags, summary: 'Register an audit report: title, number, date, reply date, scope, attachments (the auditor)', body: ZCreateAuditReportRequest, response: { 201: ZAuditReport } },
    handler: async (req, reply) => reply.status(201).send(await createAuditReport({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.get('/api/audit-reports', {
    config: { action: 'audit_reports.list' },
    schema: {
      tags,
      summary: 'Audit reports with their recommendations and one reply per addressed board the user may read (only `boardId`’s when given), newest first',
      querystring: ZListQuery,
      response: { 200: z.array(ZAuditReport) },
    },
    handler: (req) => listAuditReports({ db: app.db, actor: req.actor!, boardId: req.query.boardId }),
  });

  app.get('/api/audit-reports/summary', {
    config: { action: 'audit_reports.summary' },
    schema: { tags, summary: 'Replies awaiting and overdue, and overdue measures, for the start page', response: { 200: ZAuditSummary } },
    handler: (req) => auditSummary({ db: app.db, actor: req.actor! }),
  });

  app.get('/api/audit-reports/:id', {
    config: { action: 'audit_reports.read' },
    schema: { tags, summary: 'One audit report with its recommendations, replies, measures and assessments', params: ZIdParams, response: { 200: ZAuditReport } },
    handler: (req) => getAuditReport({ db: app.db, actor: req.actor!, id: req.params.id }),
  });

  app.patch('/api/audit-reports/:id', {
    config: { action: 'audit_reports.update' },
    schema: { tags, summary: 'Correct an audit report’s details or attachments (the auditor)', params: ZIdParams, body: ZUpdateAuditReportRequest, response: { 200: ZAuditReport } },
    handler: (req) => updateAuditReport({ db: app.db, actor: req.actor!, id: req.params.id, input: req.body }),
  });

  app.post('/api/audit-reports/:id/recommendations', {
    config: { action: 'audit_recommendations.create' },
    schema: { tags, summary: 'Add a recommendation addressed to one or more boards (the auditor)', params: ZIdParams, body: ZCreateRecommendationRequest, response: { 201: ZRecommendation } },
    handler: async (req, reply) => reply.status(201).send(await addRecommendation({ db: app.db, actor: req.actor!, reportId: req.params.id, input: req.body })),
  });

  app.put('/api/recommendations/:id/replies/:boardId', {
    config: { action: 'audit_replies.write' },
    schema: { tags, summary: 'Write the board’s reply to a recommendation, with its decision (that board’s local coordinator)', params: ZReplyParams, body: ZSaveReplyRequest, response: { 200: ZReply } },
    handler: (req) => saveReply({ db: app.db, actor: req.actor!, recommendationId: req.params.id, boardId: req.params.boardId, input: req.body }),
  });

  app.post('/api/recommendations/:id/replies/:boardId/measures', {
    config: { action: 'audit_measures.create' },
    schema: {
      tags,
      summary: 'Add a measure to the board’s reply: linked to a plan activity (existing or new), standalone, or waiting for another body (that board’s local coordinator)',
      params: ZReplyParams,
      body: ZCreateMeasureRequest,
      response: { 201: ZMeasure },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addMeasure({ db: app.db, actor: req.actor!, recommendationId: req.params.id, boardId: req.params.boardId, input: req.body })),
  });

  app.patch('/api/audit-measures/:id', {
    config: { action: 'audit_measures.update' },
    schema: { tags, summary: 'Follow up a measure: status with a comment (kept in its history), or change what it is (the board’s local coordinator)', params: ZIdParams, body: ZUpdateMeasureRequest, response: { 200: ZMeasure } },
    handler: (req) => updateMeasure({ db: app.db, actor: req.actor!, measureId: req.params.id, input: req.body }),
  });

  app.get('/api/boards/:id/audit-measure-targets', {
    config: { action: 'audit_measures.create' },
    schema: { tags, summary: 'What the board’s measures can link to: its plans and activities, and other boards’ measures', params: ZIdParams, response: { 200: ZMeasureTargets } },
    handler: (req) => measureTargets({ db: app.db, actor: req.actor!, boardId: req.params.id }),
  });

  app.post('/api/recommendations/:id/assessments', {
    config: { action: 'audit_assessments.create' },
    schema: { tags, summary: 'Record the follow-up audit’s assessment of a board’s handling of a recommendation (the auditor); earlier ones stay', params: ZIdParams, body: ZCreateAssessmentRequest, response: { 201: ZAssessment } },
    handler: async (req, reply) => reply.status(201).send(await addAssessment({ db: app.db, actor: req.actor!, recommendationId: req.params.id, input: req.body })),
  });

  app.get('/api/audit-reports/:id/replies/:boardId/document', {
    config: { action: 'audit_replies.export' },
    schema: { tags, summary: 'The board’s reply to the report as a Word document in the city’s memo layout (tjänsteutlåtande)', params: ZDocumentParams },
    handler: async (req, reply) => {
      const doc = await replyDocument({ db: app.db, actor: req.actor!, reportId: req.params.id, boardId: req.params.boardId });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${doc.fileName}.docx"`)
        .header('cache-control', 'no-store')
        .send(doc.bytes);
    },
  });
};
