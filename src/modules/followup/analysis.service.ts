import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { missingHeadings, normaliseSections, ANALYSIS_HEADING_LABELS_SV, type AnalysisHeading } from '../../domain/followup/analysis.js';
import { formatPeriod, reportingRefusal } from '../../domain/followup/periods.js';
import { actorUserId, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/service.js';
import { confirmationSummary } from '../situation/guard.js';
import { guardText, isLocalCoordinatorOf, parsed, readable } from './access.js';
import { presentAnalysis, settingsOf } from './presenters.js';
import * as repo from './repo.js';
import type { TSaveAnalysisRequest } from './schema.js';

/** A board's summarised analysis of a period: written under fixed headings, then marked reported. */

async function analysisTarget(db: Database, actor: ServiceActor, boardId: string, period: string, today: string) {
  const board = await orgs.getBoard({ db, municipalityId: actor.municipalityId, boardId });
  if (!inScope(readable(actor, 'followup.board'), board.id)) throw notFound('Nämnden');
  if (!isLocalCoordinatorOf(actor, board.id)) throw forbidden();
  const p = parsed(period);
  const row = await repo.lockPeriod(db, { municipality_id: actor.municipalityId, year: p.year, kind: p.kind, opens_on: `${p.year}-01-01` });
  const refusal = reportingRefusal(p, settingsOf(row, p.year), today);
  if (refusal) throw conflict(refusal, 'period_closed');
  return { board, p };
}

export async function saveAnalysis(opts: { db: Database; actor: ServiceActor; boardId: string; period: string; input: TSaveAnalysisRequest; today?: string }) {
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const { board, p } = await analysisTarget(trx, opts.actor, opts.boardId, opts.period, today);
    const before = await repo.findAnalysis(trx, board.id, p.year, p.kind);
    if (before?.reported_at) throw conflict('Analysen är markerad som rapporterad och kan inte ändras.', 'analysis_reported');
    const sections = normaliseSections(opts.input.sections);
    const guarded = await guardText(
      Object.fromEntries(Object.entries(sections).map(([k, v]) => [`sections.${k}`, v])),
      'analysen',
      opts.input.confirmNoPersonalData,
    );
    const row = await repo.upsertAnalysis(trx, { board_id: board.id, year: p.year, period: p.kind, sections, updated_by: actorUserId(opts.actor), updated_by_name: opts.actor.name });
    await recordAudit(trx, opts.actor, {
      action: 'followup.analysis.save',
      entity: 'board_analysis',
      entityId: row.id,
      boardId: board.id,
      summary: { period: formatPeriod(p), filled: Object.entries(sections).filter(([, v]) => v).map(([k]) => k), ...confirmationSummary(guarded) },
    });
    return presentAnalysis(row);
  });
}

/** "Mark the period reported": every heading of the analysis must be written. */
export async function markReported(opts: { db: Database; actor: ServiceActor; boardId: string; period: string; today?: string }) {
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const { board, p } = await analysisTarget(trx, opts.actor, opts.boardId, opts.period, today);
    const row = await repo.findAnalysis(trx, board.id, p.year, p.kind);
    if (row?.reported_at) throw conflict('Perioden är redan markerad som rapporterad.', 'analysis_reported');
    const missing = missingHeadings((row?.sections ?? {}) as Partial<Record<AnalysisHeading, string>>);
    if (!row || missing.length) {
      throw unprocessable(
        'analysis_incomplete',
        'Skriv något under varje rubrik i den samlade analysen innan perioden markeras som rapporterad.',
        missing.map((h) => ({ field: `sections.${h}`, message: `Skriv något under ”${ANALYSIS_HEADING_LABELS_SV[h]}”.` })),
      );
    }
    const updated = await repo.markAnalysisReported(trx, row.id, opts.actor.name);
    await recordAudit(trx, opts.actor, { action: 'followup.analysis.reported', entity: 'board_analysis', entityId: row.id, boardId: board.id, summary: { period: formatPeriod(p) } });
    return presentAnalysis(updated);
  });
}
