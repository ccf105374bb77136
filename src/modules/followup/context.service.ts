import type { Database } from '../../db/database.js';
import { parseContextTable } from '../../domain/followup/context-indicators.js';
import { actorUserId, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { isTableError, readTable } from '../../domain/training/tabular.js';
import { forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { isLocalCoordinatorOf, readable } from './access.js';
import * as repo from './repo.js';
import type { TContextImportResult } from './schema.js';

/** Context indicators: KPI values imported from Kolada, and an activity's effect indicators linked to them. */

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

const MAX_LINES_REPORTED = 1000;

/** Imports KPI values (Kolada CSV or XLSX) in one transaction, or nothing: bad rows give 422 by line. */
export async function importContext(opts: { db: Database; actor: ServiceActor; file: UploadedFile; dryRun: boolean }): Promise<TContextImportResult> {
  const table = await readTable(opts.file.bytes, opts.file.filename);
  if (isTableError(table)) {
    throw unprocessable('invalid_file', `Filen kunde inte läsas. ${table.error.message}`, [{ field: table.error.line > 0 ? `rad ${table.error.line}` : 'file', message: table.error.message }]);
  }
  const result = parseContextTable(table);
  if ('error' in result) throw unprocessable('invalid_file', result.error.message, [{ field: `rad ${result.error.line}`, message: result.error.message }]);
  if (result.errors.length) {
    const n = result.errors.length;
    throw unprocessable(
      'invalid_rows',
      `${n === 1 ? 'En rad' : `${n} rader`} i filen har fel. Inget har importerats. Rätta ${n === 1 ? 'raden' : 'raderna'} och försök igen.`,
      result.errors.slice(0, MAX_LINES_REPORTED).map((e) => ({ field: `rad ${e.line}`, message: e.message })),
    );
  }
  if (result.values.length === 0) throw unprocessable('empty_import', 'Filen innehåller inga värden att importera.', [{ field: 'file', message: 'Filen innehåller inga värden att importera.' }]);
  const kpis = [...new Set(result.values.map((v) => v.kpiId))];
  const run = async (db: Database) => {
    const existing = await repo.existingContextKeys(db, opts.actor.municipalityId, kpis);
    const updated = result.values.filter((v) => existing.has(`${v.kpiId}|${v.municipality.toLowerCase()}|${v.year}`)).length;
    const summary = { dryRun: opts.dryRun, rows: result.values.length, added: result.values.length - updated, updated, skipped: result.skipped, duplicates: result.duplicates, kpis };
    if (opts.dryRun) return summary;
    await repo.upsertContextValues(
      db,
      result.values.map((v) => ({ municipality_id: opts.actor.municipalityId, kpi_id: v.kpiId, title: v.title, area: v.municipality, year: v.year, value: v.value, imported_by: actorUserId(opts.actor) })),
    );
    await recordAudit(db, opts.actor, {
      action: 'followup.context.import',
      entity: 'context_indicator',
      summary: { file: opts.file.filename.slice(0, 200), rows: summary.rows, added: summary.added, updated, skipped: result.skipped.length, kpis },
    });
    return summary;
  };
  return opts.dryRun ? run(opts.db) : opts.db.transaction().execute(run);
}

export async function listContextValues(opts: { db: Database; actor: ServiceActor; kpiId?: string }) {
  const rows = await repo.listContext(opts.db, opts.actor.municipalityId, opts.kpiId ? [opts.kpiId.toUpperCase()] : undefined);
  return rows.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) }));
}

/** Links an activity's effect indicators to KPIs, so reports show the KPI beside the indicator. */
export async function setContextLinks(opts: { db: Database; actor: ServiceActor; activityId: string; links: { indicatorName: string; kpiId: string }[] }) {
  return opts.db.transaction().execute(async (trx) => {
    const a = await repo.activityContext(trx, opts.activityId);
    if (!a || a.municipality_id !== opts.actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
    if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
    if (!isLocalCoordinatorOf(opts.actor, a.board_id)) throw forbidden();
    const effect = new Set((a.indicators ?? []).filter((i) => i.kind === 'effect').map((i) => i.name.trim()));
    const fields = opts.links
      .map((l, i) => (effect.has(l.indicatorName) ? null : { field: `links.${i}.indicatorName`, message: `”${l.indicatorName}” är ingen effektindikator för insatsen.` }))
      .filter((f): f is FieldError => f !== null);
    if (fields.length) throw unprocessable('unknown_indicator', fields[0].message, fields);
    const links = opts.links.map((l) => ({ indicatorName: l.indicatorName, kpiId: l.kpiId.toUpperCase() }));
    await repo.replaceLinks(trx, a.id, links);
    await recordAudit(trx, opts.actor, { action: 'followup.context.link', entity: 'plan_activity', entityId: a.id, boardId: a.board_id, summary: { links } });
    return links;
  });
}
