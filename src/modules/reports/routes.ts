/**
 * The board and city reports (API.md: GET /api/reports/city and /api/reports/boards/:boardId) as
 * JSON or as DOCX, PDF and XLSX documents, and their charts as SVG for the dashboard pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { renderChartSvg } from '../../documents/report/chart-svg.js';
import { renderReportPdf } from '../../documents/report/pdf.js';
import { renderReportXlsx } from '../../documents/report/xlsx.js';
import type { Actor } from '../../domain/policy/index.js';
import { acceptedTextEncoding, encodeText, markEncoded } from '../../http/compress-in-memory.js';
import { gateKey } from '../../http/heavy-work.js';
import { reportCharts, toReportModel } from './document-model.js';
import { ZChartsQuery, ZReportBoardParams, ZReportCharts, ZReportQuery, ZSaveSummaryRequest, ZSummary, ZSummaryQuery, type TReport } from './schema.js';
import * as service from './service.js';
import { saveSummary } from './summary.service.js';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

type Format = 'json' | 'docx' | 'pdf' | 'xlsx';

/**
 * The report for this request, through the heavy-work gate (src/http/heavy-work.ts): built once per
 * data version, day and set of rights, shared by everyone asking at the same time.
 */
async function gatedReport(app: FastifyInstance, actor: Actor, parts: (string | number | undefined)[], build: () => Promise<TReport>) {
  const key = await gateKey(app, actor, parts);
  const report = await app.heavyWork.run(`${key}|model`, build);
  return { key, report };
}

async function send(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, actor: Actor, { key, report }: { key: string; report: TReport }, format: Format) {
  reply.header('cache-control', 'no-store');
  if (format === 'json') {
    // Serialised and compressed once per version and encoding: a city report of half a megabyte is
    // neither stringified nor compressed again for every reader (brotli alone took 2 ms a reader).
    const encoding = acceptedTextEncoding(req);
    const json = await app.heavyWork.run(`${key}|json|${encoding ?? 'identity'}`, () => encodeText(Buffer.from(JSON.stringify(report)), encoding));
    if (json.encoding) markEncoded(reply, json.encoding);
    return reply.type('application/json; charset=utf-8').send(json.body);
  }
  const body = await app.heavyWork.run(`${key}|${format}`, async () => {
    const activities = format === 'xlsx' ? await service.activityRows({ db: app.db, actor, report }) : undefined;
    const model = toReportModel(report, activities);
    return { fileName: model.fileName, bytes: format === 'docx' ? await (await import('../../documents/report/docx.js')).renderReportDocx(model) : format === 'pdf' ? await renderReportPdf(model) : await renderReportXlsx(model) };
  });
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${body.fileName}.${format}"`)
    .send(body.bytes);
}

/** The JSON carries a page of each long list; the documents every item. */
function listsOf(q: z.output<typeof ZReportQuery>): service.ReportLists {
  if (q.format !== 'json') return service.ALL_OF_LISTS;
  return {
    delayed: { offset: q.delayedOffset, limit: q.delayedLimit },
    indicators: { offset: q.indicatorOffset, limit: q.indicatorLimit },
    analyses: { offset: q.analysisOffset, limit: q.analysisLimit },
  };
}
const listsKey = (lists: service.ReportLists) => Object.entries(lists).map(([name, w]) => `${name}:${w.offset}+${w.limit ?? 'all'}`).join(',');

const charts = (app: FastifyInstance, { key, report }: { key: string; report: TReport }) =>
  app.heavyWork.run(`${key}|charts`, async () =>
    Promise.all(
      reportCharts(report).map(async (c) => ({ key: c.key, title: c.title, summary: c.summary, svg: await renderChartSvg(c), table: { caption: c.table.caption, columns: c.table.columns, rows: c.table.rows } })),
    ),
  );

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
      const { year, period } = req.query;
      const lists = listsOf(req.query);
      const report = await gatedReport(app, req.actor!, ['city', year, period, listsKey(lists)], () => service.cityReport({ db: app.db, actor: req.actor!, year, period, lists }));
      return send(app, req, reply, req.actor!, report, req.query.format);
    },
  });

  app.get('/api/reports/city/charts', {
    config: { action: 'reports.city' },
    schema: { tags, summary: 'The city report’s charts as SVG, each with its data table', querystring: ZChartsQuery, response: { 200: ZReportCharts } },
    handler: async (req) => {
      const { year, period } = req.query;
      const lists = service.FIRST_PAGES;
      return charts(app, await gatedReport(app, req.actor!, ['city', year, period, listsKey(lists)], () => service.cityReport({ db: app.db, actor: req.actor!, year, period, lists })));
    },
  });

  app.put('/api/reports/city/summary', {
    config: { action: 'reports.summary.write' },
    schema: { tags, summary: 'The central coordinator’s summary of the year’s city report, printed first in its documents (an empty text removes it)', querystring: ZSummaryQuery, body: ZSaveSummaryRequest, response: { 200: ZSummary } },
    handler: (req) => saveSummary({ db: app.db, actor: req.actor!, year: req.query.year, input: req.body }),
  });

  app.get('/api/reports/boards/:boardId', {
    config: { action: 'reports.board' },
    schema: { tags, summary: 'One board’s report (json, docx, pdf or xlsx)', params: ZReportBoardParams, querystring: ZReportQuery },
    handler: async (req, reply) => {
      const { year, period } = req.query;
      const { boardId } = req.params;
      const lists = listsOf(req.query);
      const report = await gatedReport(app, req.actor!, ['board', boardId, year, period, listsKey(lists)], () => service.boardReport({ db: app.db, actor: req.actor!, boardId, year, period, lists }));
      return send(app, req, reply, req.actor!, report, req.query.format);
    },
  });

  app.get('/api/reports/boards/:boardId/charts', {
    config: { action: 'reports.board' },
    schema: { tags, summary: 'One board’s report charts as SVG, each with its data table', params: ZReportBoardParams, querystring: ZChartsQuery, response: { 200: ZReportCharts } },
    handler: async (req) => {
      const { year, period } = req.query;
      const { boardId } = req.params;
      const lists = service.FIRST_PAGES;
      return charts(app, await gatedReport(app, req.actor!, ['board', boardId, year, period, listsKey(lists)], () => service.boardReport({ db: app.db, actor: req.actor!, boardId, year, period, lists })));
    },
  });
};
