import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../http/errors.js';
import { throughGate } from '../../http/heavy-work.js';
import { assertSafeUpload } from '../uploads/guard.js';
import { coverageWorkbook, trendSvg } from './export.js';
import {
  ZBoardDetail,
  ZBoardParams,
  ZCourse,
  ZCourseParams,
  ZCoverageQuery,
  ZCoverageRow,
  ZCreateCourseRequest,
  ZGroupParams,
  ZGroupsQuery,
  ZHeadcount,
  ZHeadcountsQuery,
  ZImportMapping,
  ZImportQuery,
  ZImportResult,
  ZOverview,
  ZOverviewQuery,
  ZPriorityGroup,
  ZPriorityGroupRequest,
  ZSetTargetRequest,
  ZTarget,
  ZTargetParams,
  ZTargetsQuery,
  ZTrendSvgQuery,
  ZUpdateCourseRequest,
  ZUpdatePriorityGroupRequest,
} from './schema.js';
import * as service from './service.js';

const MAX_MAPPING_ENTRIES = 5000;

/**
 * The multipart body of an import: the file in field `file` and, optionally, the user's choices
 * for unmatched names as JSON in field `mapping`. The file is validated by the import itself.
 */
async function readUpload(req: FastifyRequest): Promise<{ file: service.UploadedFile; mapping: Record<string, string> }> {
  const chooseFile = { field: 'file', message: 'Välj en fil att importera (CSV eller Excel).' };
  if (!req.isMultipart()) throw badRequest('Skicka filen som multipart/form-data i fältet ”file”.', [chooseFile]);
  let file: service.UploadedFile | null = null;
  let mapping: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: 'Skicka filen i fältet ”file”.' }]);
      file = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: part.filename ?? '' };
    } else if (part.fieldname === 'mapping') {
      let json: unknown;
      try {
        json = JSON.parse(String(part.value || '{}'));
      } catch {
        throw badRequest('Kopplingarna är inte giltig JSON.', [{ field: 'mapping', message: 'Kopplingarna är inte giltig JSON.' }]);
      }
      const parsed = ZImportMapping.safeParse(json);
      if (!parsed.success || Object.keys(parsed.data).length > MAX_MAPPING_ENTRIES) {
        throw badRequest('Kopplingarna är inte giltiga.', [{ field: 'mapping', message: parsed.success ? 'För många kopplingar.' : parsed.error.issues[0].message }]);
      }
      mapping = parsed.data;
    } else {
      throw badRequest(`Okänt fält: ${part.fieldname}.`, [{ field: part.fieldname, message: `Okänt fält: ${part.fieldname}.` }]);
    }
  }
  if (!file) throw badRequest('Välj en fil att importera.', [chooseFile]);
  await assertSafeUpload(file, 'table');
  return { file, mapping };
}

const isDryRun = (v: string | undefined) => v === '1' || v === 'true';

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['training'];

  // ------------------------------------------------------------ catalogue
  app.get('/api/training/courses', {
    config: { action: 'training.courses.list' },
    schema: { tags, summary: 'Courses of the municipality', response: { 200: z.array(ZCourse) } },
    handler: (req) => service.listCourses({ db: app.db, actor: req.actor! }),
  });

  app.post('/api/training/courses', {
    config: { action: 'training.courses.create' },
    schema: { tags, summary: 'Add a course (central coordinator)', body: ZCreateCourseRequest, response: { 201: ZCourse } },
    handler: async (req, reply) => reply.status(201).send(await service.createCourse({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/training/courses/:courseId', {
    config: { action: 'training.courses.update' },
    schema: { tags, summary: 'Rename a course or change its kind (central coordinator)', params: ZCourseParams, body: ZUpdateCourseRequest, response: { 200: ZCourse } },
    handler: (req) => service.updateCourse({ db: app.db, actor: req.actor!, courseId: req.params.courseId, input: req.body }),
  });

  app.delete('/api/training/courses/:courseId', {
    config: { action: 'training.courses.delete' },
    schema: { tags, summary: 'Remove a course without completions (central coordinator); 409 when it has some', params: ZCourseParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteCourse({ db: app.db, actor: req.actor!, courseId: req.params.courseId });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/training/targets', {
    config: { action: 'training.targets.list' },
    schema: { tags, summary: 'Coverage targets per course and year', querystring: ZTargetsQuery, response: { 200: z.array(ZTarget) } },
    handler: (req) => service.listTargets({ db: app.db, actor: req.actor!, courseId: req.query.courseId }),
  });

  app.put('/api/training/courses/:courseId/targets/:year', {
    config: { action: 'training.targets.set' },
    schema: { tags, summary: 'Set the coverage target of a course for a year (central coordinator)', params: ZTargetParams, body: ZSetTargetRequest, response: { 200: ZTarget } },
    handler: (req) =>
      service.setTarget({ db: app.db, actor: req.actor!, courseId: req.params.courseId, year: req.params.year, targetPercent: req.body.targetPercent }),
  });

  app.delete('/api/training/courses/:courseId/targets/:year', {
    config: { action: 'training.targets.delete' },
    schema: { tags, summary: 'Remove the target of a course for a year (central coordinator)', params: ZTargetParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteTarget({ db: app.db, actor: req.actor!, courseId: req.params.courseId, year: req.params.year });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/training/priority-groups', {
    config: { action: 'training.groups.list' },
    schema: { tags, summary: 'Priority groups per year (boards and units)', querystring: ZGroupsQuery, response: { 200: z.array(ZPriorityGroup) } },
    handler: (req) => service.listGroups({ db: app.db, actor: req.actor!, year: req.query.year }),
  });

  app.post('/api/training/priority-groups', {
    config: { action: 'training.groups.create' },
    schema: { tags, summary: 'Add a priority group (central coordinator)', body: ZPriorityGroupRequest, response: { 201: ZPriorityGroup } },
    handler: async (req, reply) => reply.status(201).send(await service.createGroup({ db: app.db, actor: req.actor!, input: req.body })),
  });

  app.patch('/api/training/priority-groups/:groupId', {
    config: { action: 'training.groups.update' },
    schema: { tags, summary: 'Change a priority group (central coordinator)', params: ZGroupParams, body: ZUpdatePriorityGroupRequest, response: { 200: ZPriorityGroup } },
    handler: (req) => service.updateGroup({ db: app.db, actor: req.actor!, groupId: req.params.groupId, input: req.body }),
  });

  app.delete('/api/training/priority-groups/:groupId', {
    config: { action: 'training.groups.delete' },
    schema: { tags, summary: 'Remove a priority group (central coordinator)', params: ZGroupParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteGroup({ db: app.db, actor: req.actor!, groupId: req.params.groupId });
      return reply.status(204).send(null);
    },
  });

  // ------------------------------------------------------------ imports
  app.post('/api/training/headcounts', {
    config: { action: 'training.headcounts.import' },
    schema: {
      tags,
      summary: 'Import headcounts (multipart field file, CSV or XLSX: board, unit, employees, as-of date; optional field mapping); ?dryRun=1 analyses without writing',
      consumes: ['multipart/form-data'],
      querystring: ZImportQuery,
      response: { 200: ZImportResult, 201: ZImportResult },
    },
    handler: async (req, reply) => {
      const { file, mapping } = await readUpload(req);
      const dryRun = isDryRun(req.query.dryRun);
      const result = await service.importHeadcounts({ db: app.db, actor: req.actor!, file, mapping, dryRun, asOf: req.query.asOf });
      return reply.status(dryRun ? 200 : 201).send(result);
    },
  });

  app.post('/api/training/courses/:courseId/participants', {
    config: { action: 'training.participants.import' },
    schema: {
      tags,
      summary: 'Import a participant list of the course (multipart field file, CSV or XLSX; optional field mapping); ?dryRun=1 analyses without writing',
      consumes: ['multipart/form-data'],
      params: ZCourseParams,
      querystring: ZImportQuery.omit({ asOf: true }),
      response: { 200: ZImportResult, 201: ZImportResult },
    },
    handler: async (req, reply) => {
      const { file, mapping } = await readUpload(req);
      const dryRun = isDryRun(req.query.dryRun);
      const result = await service.importParticipants({ db: app.db, actor: req.actor!, courseId: req.params.courseId, file, mapping, dryRun });
      return reply.status(dryRun ? 200 : 201).send(result);
    },
  });

  app.get('/api/training/headcounts', {
    config: { action: 'training.headcounts.list' },
    schema: { tags, summary: 'Stored headcounts with their history, for the boards the user may see', querystring: ZHeadcountsQuery, response: { 200: z.array(ZHeadcount) } },
    handler: (req) => service.listHeadcounts({ db: app.db, actor: req.actor!, boardId: req.query.boardId }),
  });

  // ------------------------------------------------------------ coverage
  app.get('/api/training/coverage', {
    config: { action: 'training.coverage.read' },
    schema: {
      tags,
      summary: 'Coverage per board as of a date (default today; course default the web-based basic training)',
      querystring: ZCoverageQuery,
      response: { 200: z.array(ZCoverageRow) },
    },
    handler: (req) =>
      throughGate(app, req.actor!, ['training.coverage', req.query.courseId, req.query.asOf], () =>
        service.coverageByBoard({ db: app.db, actor: req.actor!, courseId: req.query.courseId, asOf: req.query.asOf }),
      ),
  });

  app.get('/api/training/overview', {
    config: { action: 'training.coverage.read' },
    schema: {
      tags,
      summary: 'Coverage overview: boards against the target, lagging units, priority groups, trend and forecast',
      querystring: ZOverviewQuery,
      response: { 200: ZOverview },
    },
    handler: (req) => throughGate(app, req.actor!, ['training.overview', JSON.stringify(req.query)], () => service.overview({ db: app.db, actor: req.actor!, ...req.query })),
  });

  app.get('/api/training/boards/:boardId', {
    config: { action: 'training.coverage.read' },
    schema: {
      tags,
      summary: 'Coverage of one board per unit, with trend, forecast and headcount history',
      params: ZBoardParams,
      querystring: ZOverviewQuery,
      response: { 200: ZBoardDetail },
    },
    handler: (req) =>
      throughGate(app, req.actor!, ['training.board', req.params.boardId, JSON.stringify(req.query)], () =>
        service.boardDetail({ db: app.db, actor: req.actor!, boardId: req.params.boardId, ...req.query }),
      ),
  });

  app.get('/api/training/coverage/export', {
    config: { action: 'training.coverage.export' },
    schema: { tags, summary: 'Coverage as an XLSX workbook (boards, units, priority groups, trend)', querystring: ZCoverageQuery },
    handler: async (req, reply) => {
      const { buffer, filename } = await coverageWorkbook({ db: app.db, actor: req.actor!, ...req.query });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(buffer);
    },
  });

  app.get('/api/training/coverage/trend.svg', {
    config: { action: 'training.coverage.read' },
    schema: { tags, summary: 'The coverage trend as an SVG chart (the same data as the trend in the overview)', querystring: ZTrendSvgQuery },
    handler: async (req, reply) => {
      const svg = await trendSvg({ db: app.db, actor: req.actor!, courseId: req.query.courseId, asOf: req.query.asOf, boardId: req.query.boardId, language: req.query.lang });
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, no-cache')
        .send(svg);
    },
  });
};
