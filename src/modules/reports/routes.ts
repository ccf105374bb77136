/**
 * The board and city reports (API.md: GET /api/reports/city and /api/reports/boards/:boardId) as
 * JSON or as DOCX, PDF and XLSX documents, and their charts as SVG for the dashboard pages.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderChartSvg } from '../../documents/report/chart-svg.js';
import { renderReportDocx } from '../../documents/report/docx.js';
import { renderReportPdf } from '../../documents/report/pdf.js';
import { renderReportXlsx } from '../../documents/report/xlsx.js';
import type { Actor } from '../../domain/policy/index.js';
import type { Database } from '../../db/database.js';
import { reportCharts, toReportModel } from './document-model.js';
import { ZChartsQuery, ZReportBoardParams, ZReportCharts, ZReportQuery, type TReport } from './schema.js';
import * as service from './service.js';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function send(reply: FastifyReply, db: Database, actor: Actor, report: TReport, format: 'json' | 'docx' | 'pdf' | 'xlsx') {
  if (format === 'json') return reply.header('cache-control', 'no-store').send(report);
  const activities = format === 'xlsx' ? await service.activityRows({ db, actor, report }) : undefined;
  const model = toReportModel(report, activities);
  const body = format === 'docx' ? await renderReportDocx(model) : format === 'pdf' ? await renderReportPdf(model) : await renderReportXlsx(model);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${model.fileName}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

const charts = (report: TReport) =>
  reportCharts(report).map((c) => ({ key: c.key, title: c.title, summary: c.summary, svg: renderChartSvg(c), table: { caption: c.table.caption, columns: c.table.columns, rows: c.table.rows } }));

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];

  app.get('/api/reports/city', {
    config: { action: 'reports.city' },
    schema: {
      tags,
      summary: 'The city report for kommunstyrelsen: every board’s plan status, activities per measure area and status, delayed activities, indicators, analyses, training and situation (json, docx, pdf or xlsx)',
      querystring: ZReportQuery,
    },
    handler: async (req, reply) => {
      const report = await service.cityReport({ db: app.db, actor: req.actor!, year: req.query.year, period: req.query.period });
      return send(reply, app.db, req.actor!, report, req.query.format);
    },
  });

  app.get('/api/reports/city/charts', {
    config: { action: 'reports.city' },
    schema: { tags, summary: 'The city report’s charts as SVG, each with its data table', querystring: ZChartsQuery, response: { 200: ZReportCharts } },
    handler: async (req) => charts(await service.cityReport({ db: app.db, actor: req.actor!, year: req.query.year, period: req.query.period })),
  });

  app.get('/api/reports/boards/:boardId', {
    config: { action: 'reports.board' },
    schema: { tags, summary: 'One board’s report (json, docx, pdf or xlsx)', params: ZReportBoardParams, querystring: ZReportQuery },
    handler: async (req, reply) => {
      const report = await service.boardReport({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.query.year, period: req.query.period });
      return send(reply, app.db, req.actor!, report, req.query.format);
    },
  });

  app.get('/api/reports/boards/:boardId/charts', {
    config: { action: 'reports.board' },
    schema: { tags, summary: 'One board’s report charts as SVG, each with its data table', params: ZReportBoardParams, querystring: ZChartsQuery, response: { 200: ZReportCharts } },
    handler: async (req) => charts(await service.boardReport({ db: app.db, actor: req.actor!, boardId: req.params.boardId, year: req.query.year, period: req.query.period })),
  });
};
