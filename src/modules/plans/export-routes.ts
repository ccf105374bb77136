/**
 * A plan as a document (DOCX/PDF, API.md: GET /api/plans/:id/export) and the import of activity
 * tables from XLSX/CSV (POST /api/plans/:id/activities/import, `?dryRun=1` for the preview).
 * An import writes every row in one transaction or nothing: a file with any bad row gets 422 with
 * one field per bad line.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planFileName } from '../../documents/plan/outline.js';
import { renderPlanPdf } from '../../documents/plan/pdf.js';
import { parseActivityFile, type ImportError, type ImportRow } from '../../domain/plans/import/activities.js';
import { STATUS_LABELS_SV } from '../../domain/plans/workflow.js';
import { AppError, badRequest, conflict, forbidden, unprocessable, type FieldError } from '../../http/errors.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { canWritePlanOf } from './access.js';
import { ZActivityImportResult, ZCreateActivityRequest, ZPlanIdParams, type TActivityImportResult, type TCreateActivityRequest } from './schema.js';
import * as service from './service.js';
import { assertSafeUpload } from '../uploads/guard.js';
import type { Database } from '../../db/database.js';

export const EXPORT_FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export const ZExportQuery = z.object({
  format: z.enum(['docx', 'pdf'], { error: 'Välj format: docx eller pdf.' }).default('docx'),
});

export const ZImportQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun ska vara 1 eller 0.' }).optional(),
});

const titleKey = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** zod's verdict on each parsed row, so the preview refuses exactly what the import would. */
function validateRows(rows: ImportRow[]): { rows: { line: number; activity: TCreateActivityRequest }[]; errors: ImportError[] } {
  const ok: { line: number; activity: TCreateActivityRequest }[] = [];
  const errors: ImportError[] = [];
  for (const row of rows) {
    const parsed = ZCreateActivityRequest.safeParse(row.activity);
    if (parsed.success) ok.push({ line: row.line, activity: parsed.data });
    else errors.push({ line: row.line, message: [...new Set(parsed.error.issues.map((i) => i.message))].join(' ') });
  }
  return { rows: ok, errors };
}

/** The same checks as the import's own, without writing: 404 unreadable, 403 read-only, 409 not editable. */
async function planForImport(db: Database, actor: ServiceActor, planId: string) {
  const plan = await service.getPlan({ db, actor, planId });
  if (!canWritePlanOf(actor, plan.boardId)) throw forbidden();
  if (!plan.canEdit) {
    throw conflict(`Planen kan bara ändras när den är ett utkast eller återremitterad. Status nu: ${STATUS_LABELS_SV[plan.status]}.`, 'not_editable');
  }
  return plan;
}

export async function analyseImport(opts: { db: Database; actor: ServiceActor; planId: string; bytes: Uint8Array; filename: string }) {
  const plan = await planForImport(opts.db, opts.actor, opts.planId);
  const parsed = await parseActivityFile(opts.bytes, opts.filename);
  const valid = validateRows(parsed.rows);
  const errors = [...parsed.errors, ...valid.errors].sort((a, b) => a.line - b.line);

  const existing = new Set(plan.activities.map((a) => titleKey(a.title)));
  const seen = new Map<string, number>();
  const duplicates: TActivityImportResult['duplicates'] = [];
  const toAdd: typeof valid.rows = [];
  for (const row of valid.rows) {
    const key = titleKey(row.activity.title);
    if (existing.has(key)) duplicates.push({ line: row.line, title: row.activity.title, of: 'plan', firstLine: null });
    else if (seen.has(key)) duplicates.push({ line: row.line, title: row.activity.title, of: 'file', firstLine: seen.get(key)! });
    else {
      seen.set(key, row.line);
      toAdd.push(row);
    }
  }
  return { rows: valid.rows, errors, fileError: parsed.fileError, duplicates, ignoredColumns: parsed.ignoredColumns, toAdd };
}

export async function importActivities(opts: {
  db: Database;
  actor: ServiceActor;
  planId: string;
  bytes: Uint8Array;
  filename: string;
  dryRun: boolean;
}): Promise<TActivityImportResult> {
  const a = await analyseImport(opts);
  const result = {
    dryRun: opts.dryRun,
    rows: a.rows,
    errors: a.errors,
    duplicates: a.duplicates,
    ignoredColumns: a.ignoredColumns,
    toAdd: a.toAdd.length,
    added: [],
  };
  if (opts.dryRun) return result;
  if (a.errors.length > 0) {
    const lines = new Set(a.errors.map((e) => e.line)).size;
    throw unprocessable(
      a.fileError ? 'invalid_file' : 'invalid_rows',
      a.fileError
        ? `${a.fileError.message} Ingenting har importerats.`
        : `${lines === 1 ? 'En rad' : `${lines} rader`} i filen har fel. Ingenting har importerats. Rätta raderna och försök igen.`,
      a.errors.map((e): FieldError => ({ field: e.line > 0 ? `line ${e.line}` : 'file', message: e.message })),
    );
  }
  if (a.toAdd.length === 0) return result;
  try {
    const added = await service.addActivities({ db: opts.db, actor: opts.actor, planId: opts.planId, activities: a.toAdd.map((r) => r.activity) });
    return { ...result, added };
  } catch (err) {
    // The service names fields by position ("activities.3.endDate"): say which line of the file.
    if (err instanceof AppError && err.status === 422 && err.fields) {
      const fields = err.fields.map((f) => {
        const m = /^activities\.(\d+)\./.exec(f.field);
        return m && a.toAdd[Number(m[1])] ? { field: `line ${a.toAdd[Number(m[1])].line}`, message: f.message } : f;
      });
      throw new AppError(err.status, err.code, err.message, fields);
    }
    throw err;
  }
}

export const planExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['plans'];

  app.get('/api/plans/:id/export', {
    config: { action: 'plans.export' },
    schema: {
      tags,
      summary: 'The plan as a Word (docx) or PDF document laid out like the city’s plans',
      params: ZPlanIdParams,
      querystring: ZExportQuery,
    },
    handler: async (req, reply) => {
      const model = await service.getPlanForExport({ db: app.db, actor: req.actor!, planId: req.params.id });
      const format = req.query.format;
      const body = format === 'pdf' ? await renderPlanPdf(model) : await (await import('../../documents/plan/docx.js')).renderPlanDocx(model);
      return reply
        .header('content-type', EXPORT_FORMATS[format])
        .header('content-disposition', `attachment; filename="${planFileName(model, format)}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });

  app.post('/api/plans/:id/activities/import', {
    config: { action: 'plans.activities.import' },
    schema: {
      tags,
      summary: 'Import activities from an XLSX/CSV table (multipart field `file`); `?dryRun=1` analyses without writing',
      consumes: ['multipart/form-data'],
      params: ZPlanIdParams,
      querystring: ZImportQuery,
      response: { 200: ZActivityImportResult, 201: ZActivityImportResult },
    },
    handler: async (req, reply) => {
      const missing = 'Välj en fil (XLSX eller CSV) att importera.';
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Skicka filen som multipart/form-data i fältet file.');
      const part = await req.file();
      if (!part || !part.filename) throw badRequest(missing, [{ field: 'file', message: missing }]);
      if (part.fieldname !== 'file') throw badRequest('Filen ska skickas i fältet file.', [{ field: 'file', message: missing }]);
      const bytes = new Uint8Array(await part.toBuffer());
      await assertSafeUpload({ bytes, filename: part.filename }, 'table');
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      const result = await importActivities({ db: app.db, actor: req.actor!, planId: req.params.id, bytes, filename: part.filename, dryRun });
      return reply.status(dryRun ? 200 : 201).send(result);
    },
  });
};
