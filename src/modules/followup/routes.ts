import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../http/errors.js';
import { assertSafeUpload } from '../uploads/guard.js';
import {
  ZActivityFollowUp,
  ZActivityIdParams,
  ZAnalysis,
  ZAssignReportersRequest,
  ZBoardFollowUp,
  ZBoardFollowUpQuery,
  ZBoardPeriodParams,
  ZBoardParams,
  ZBoardReporters,
  ZContextImportResult,
  ZContextLinksRequest,
  ZContextQuery,
  ZContextValue,
  ZCreateFollowUpRequest,
  ZDeadlineDefaults,
  ZFollowUp,
  ZImportQuery,
  ZMyActivities,
  ZMyActivitiesQuery,
  ZPeriodInfo,
  ZPeriodParams,
  ZPeriodsQuery,
  ZReopenPeriodRequest,
  ZSaveAnalysisRequest,
  ZSetDeadlineDefaultsRequest,
  ZUpdatePeriodRequest,
} from './schema.js';
import * as service from './service.js';

async function readUpload(req: FastifyRequest): Promise<service.UploadedFile> {
  const chooseFile = { field: 'file', message: 'Välj en fil att importera (CSV eller Excel).' };
  if (!req.isMultipart()) throw badRequest('Skicka filen som multipart/form-data i fältet ”file”.', [chooseFile]);
  let file: service.UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type !== 'file' || part.fieldname !== 'file') {
      throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: 'Skicka filen i fältet ”file”.' }]);
    }
    const bytes = await part.toBuffer();
    file = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: part.filename ?? '' };
  }
  if (!file) throw badRequest('Välj en fil att importera.', [chooseFile]);
  await assertSafeUpload(file, 'table');
  return file;
}

export const followupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['follow-up'];

  app.get('/api/followup/periods', {
    config: { action: 'followup.periods.list' },
    schema: { tags, summary: 'The three follow-up periods of a year (T1, T2, VB) with their dates and state', querystring: ZPeriodsQuery, response: { 200: z.array(ZPeriodInfo) } },
    handler: (req) => service.listPeriods({ db: app.db, actor: req.actor!, year: req.query.year }),
  });

  app.get('/api/followup/deadlines', {
    config: { action: 'followup.periods.list' },
    schema: { tags, summary: 'The default deadline day (MM-DD) per period kind: T1, T2 and the annual report VB', response: { 200: ZDeadlineDefaults } },
    handler: (req) => service.getDeadlineDefaults({ db: app.db, actor: req.actor! }),
  });

  app.put('/api/followup/deadlines', {
    config: { action: 'followup.periods.manage' },
    schema: { tags, summary: 'Set the default deadline day of one or more period kinds for the municipality (central coordinator)', body: ZSetDeadlineDefaultsRequest, response: { 200: ZDeadlineDefaults } },
    handler: (req) => service.setDeadlineDefaults({ db: app.db, actor: req.actor!, input: req.body }),
  });

  app.patch('/api/followup/periods/:period', {
    config: { action: 'followup.periods.manage' },
    schema: { tags, summary: 'Set the opening date, the planned last day of reporting and the deadline of the reports (central coordinator)', params: ZPeriodParams, body: ZUpdatePeriodRequest, response: { 200: ZPeriodInfo } },
    handler: (req) => service.updatePeriod({ db: app.db, actor: req.actor!, period: req.params.period, input: req.body }),
  });

  app.post('/api/followup/periods/:period/close', {
    config: { action: 'followup.periods.manage' },
    schema: { tags, summary: 'Close a period for reporting now (central coordinator)', params: ZPeriodParams, response: { 200: ZPeriodInfo } },
    handler: (req) => service.closePeriod({ db: app.db, actor: req.actor!, period: req.params.period }),
  });

  app.post('/api/followup/periods/:period/reopen', {
    config: { action: 'followup.periods.manage' },
    schema: { tags, summary: 'Reopen a closed period, optionally until a new last day (central coordinator)', params: ZPeriodParams, body: ZReopenPeriodRequest, response: { 200: ZPeriodInfo } },
    handler: (req) => service.reopenPeriod({ db: app.db, actor: req.actor!, period: req.params.period, closesOn: req.body?.closesOn }),
  });

  app.post('/api/activities/:id/follow-ups', {
    config: { action: 'followup.report' },
    schema: {
      tags,
      summary: 'Report an activity’s status, comment and indicator values for a period (responsible contributor or the board’s local coordinator)',
      params: ZActivityIdParams,
      body: ZCreateFollowUpRequest,
      response: { 201: ZFollowUp },
    },
    handler: async (req, reply) => reply.status(201).send(await service.reportFollowUp({ db: app.db, actor: req.actor!, activityId: req.params.id, input: req.body })),
  });

  app.get('/api/activities/:id/follow-ups', {
    config: { action: 'followup.history' },
    schema: { tags, summary: 'Every follow-up of an activity, oldest first', params: ZActivityIdParams, response: { 200: z.array(ZFollowUp) } },
    handler: (req) => service.listFollowUps({ db: app.db, actor: req.actor!, activityId: req.params.id }),
  });

  app.get('/api/followup/activities/:id', {
    config: { action: 'followup.history' },
    schema: {
      tags,
      summary: 'One activity’s follow-up for a period (default: the current one) and every report of it',
      params: ZActivityIdParams,
      querystring: ZMyActivitiesQuery,
      response: { 200: ZActivityFollowUp },
    },
    handler: (req) => service.activityFollowUp({ db: app.db, actor: req.actor!, activityId: req.params.id, period: req.query.period }),
  });

  app.put('/api/activities/:id/reporters', {
    config: { action: 'followup.reporters.assign' },
    schema: {
      tags,
      summary: 'Name the contributors who report on an activity (the board’s local coordinator)',
      params: ZActivityIdParams,
      body: ZAssignReportersRequest,
      response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
    },
    handler: (req) => service.assignReporters({ db: app.db, actor: req.actor!, activityId: req.params.id, userIds: req.body.userIds }),
  });

  app.get('/api/followup/boards/:boardId/reporters', {
    config: { action: 'followup.reporters.assign' },
    schema: {
      tags,
      summary: 'The board’s users who may be named reporters, and who is named on each activity (the board’s local coordinator)',
      params: ZBoardParams,
      response: { 200: ZBoardReporters },
    },
    handler: (req) => service.boardReporters({ db: app.db, actor: req.actor!, boardId: req.params.boardId }),
  });

  app.put('/api/activities/:id/context-links', {
    config: { action: 'followup.context.link' },
    schema: {
      tags,
      summary: 'Link the activity’s effect indicators to municipal KPIs (the board’s local coordinator)',
      params: ZActivityIdParams,
      body: ZContextLinksRequest,
      response: { 200: z.array(z.object({ indicatorName: z.string(), kpiId: z.string() })) },
    },
    handler: (req) => service.setContextLinks({ db: app.db, actor: req.actor!, activityId: req.params.id, links: req.body.links }),
  });

  app.get('/api/followup/my-activities', {
    config: { action: 'followup.mine' },
    schema: { tags, summary: 'Activities the user reports on, across plans, with the period’s reports', querystring: ZMyActivitiesQuery, response: { 200: ZMyActivities } },
    handler: (req) => service.myActivities({ db: app.db, actor: req.actor!, period: req.query.period }),
  });

  app.get('/api/followup/boards/:boardId', {
    config: { action: 'followup.board' },
    schema: {
      tags,
      summary: 'A board’s follow-up for a period: every activity, who has not reported, what is delayed, the analysis',
      params: ZBoardParams,
      querystring: ZBoardFollowUpQuery,
      response: { 200: ZBoardFollowUp },
    },
    handler: (req) => service.boardFollowUp({ db: app.db, actor: req.actor!, boardId: req.params.boardId, period: req.query.period }),
  });

  app.put('/api/followup/boards/:boardId/analyses/:period', {
    config: { action: 'followup.analysis.write' },
    schema: { tags, summary: 'Save the board’s consolidated analysis (samlad analys) for a period', params: ZBoardPeriodParams, body: ZSaveAnalysisRequest, response: { 200: ZAnalysis } },
    handler: (req) => service.saveAnalysis({ db: app.db, actor: req.actor!, boardId: req.params.boardId, period: req.params.period, input: req.body }),
  });

  app.post('/api/followup/boards/:boardId/analyses/:period/reported', {
    config: { action: 'followup.analysis.write' },
    schema: { tags, summary: 'Mark the board’s period reported (every heading of the analysis written)', params: ZBoardPeriodParams, response: { 200: ZAnalysis } },
    handler: (req) => service.markReported({ db: app.db, actor: req.actor!, boardId: req.params.boardId, period: req.params.period }),
  });

  app.get('/api/followup/context-indicators', {
    config: { action: 'followup.context.list' },
    schema: { tags, summary: 'Imported context indicators (municipal KPI values)', querystring: ZContextQuery, response: { 200: z.array(ZContextValue) } },
    handler: (req) => service.listContextValues({ db: app.db, actor: req.actor!, kpiId: req.query.kpiId }),
  });

  app.post('/api/followup/context-indicators', {
    config: { action: 'followup.context.import' },
    schema: {
      tags,
      summary: 'Import KPI values (multipart field file; CSV as exported from Kolada: KPI id, municipality, year, value); ?dryRun=1 analyses without writing',
      consumes: ['multipart/form-data'],
      querystring: ZImportQuery,
      response: { 200: ZContextImportResult, 201: ZContextImportResult },
    },
    handler: async (req, reply) => {
      const file = await readUpload(req);
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return reply.status(dryRun ? 200 : 201).send(await service.importContext({ db: app.db, actor: req.actor!, file, dryRun }));
    },
  });
};
