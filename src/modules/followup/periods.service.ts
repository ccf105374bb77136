import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { checkSettings, currentPeriod, formatPeriod, periodsOfYear, periodState, type PeriodId } from '../../domain/followup/periods.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { parsed } from './access.js';
import { presentPeriod, settingsOf } from './presenters.js';
import * as repo from './repo.js';
import type { TPeriodInfo, TUpdatePeriodRequest } from './schema.js';

/** The reporting periods (T1, T2, VB) of a year: their dates, closing and reopening, and the period a page opens on. */

export async function periodInfo(db: Database, municipalityId: string, p: PeriodId, today?: string): Promise<TPeriodInfo> {
  return presentPeriod(p, await repo.findPeriod(db, municipalityId, p.year, p.kind), dayOrToday(today));
}

export async function listPeriods(opts: { db: Database; actor: ServiceActor; year?: number; today?: string }): Promise<TPeriodInfo[]> {
  const year = opts.year ?? Number(dayOrToday(opts.today).slice(0, 4));
  const rows = await repo.listPeriods(opts.db, opts.actor.municipalityId, year);
  return periodsOfYear(year).map((p) => presentPeriod(p, rows.find((r) => r.kind === p.kind), dayOrToday(opts.today)));
}

async function changePeriod(
  opts: { db: Database; actor: ServiceActor; period: string; today?: string },
  change: (row: repo.PeriodRow, today: string) => { patch: Parameters<typeof repo.updatePeriod>[2]; action: string; summary: Record<string, unknown> },
) {
  const p = parsed(opts.period);
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const row = await repo.lockPeriod(trx, { municipality_id: opts.actor.municipalityId, year: p.year, kind: p.kind, opens_on: `${p.year}-01-01` });
    const { patch, action, summary } = change(row, today);
    const updated = await repo.updatePeriod(trx, row.id, patch);
    await recordAudit(trx, opts.actor, { action, entity: 'followup_period', entityId: updated.id, summary: { period: formatPeriod(p), ...summary } });
    return presentPeriod(p, updated, today);
  });
}

function refuseBadSettings(year: number, opensOn: string, closesOn: string | null) {
  const problems = checkSettings(year, { opensOn, closesOn });
  if (problems.length) throw unprocessable('invalid_dates', problems[0].message, problems);
}

export async function updatePeriod(opts: { db: Database; actor: ServiceActor; period: string; input: TUpdatePeriodRequest; today?: string }) {
  return changePeriod(opts, (row) => {
    const opensOn = opts.input.opensOn ?? row.opens_on;
    const closesOn = opts.input.closesOn === undefined ? row.closes_on : opts.input.closesOn;
    refuseBadSettings(row.year, opensOn, closesOn);
    return {
      patch: { opens_on: opensOn, closes_on: closesOn },
      action: 'followup.periods.update',
      summary: { from: { opensOn: row.opens_on, closesOn: row.closes_on }, to: { opensOn, closesOn } },
    };
  });
}

export async function closePeriod(opts: { db: Database; actor: ServiceActor; period: string; today?: string }) {
  return changePeriod(opts, (row, today) => {
    if (periodState(settingsOf(row, row.year), today) === 'closed') throw conflict(`Perioden ${opts.period} är redan stängd.`, 'period_closed');
    return { patch: { closed_at: new Date(), closed_by: actorUserId(opts.actor) }, action: 'followup.periods.close', summary: {} };
  });
}

export async function reopenPeriod(opts: { db: Database; actor: ServiceActor; period: string; closesOn?: string | null; today?: string }) {
  return changePeriod(opts, (row, today) => {
    if (periodState(settingsOf(row, row.year), today) !== 'closed') throw conflict(`Perioden ${opts.period} är inte stängd.`, 'period_open');
    const closesOn = opts.closesOn ?? null;
    refuseBadSettings(row.year, row.opens_on, closesOn);
    if (closesOn && closesOn < today) {
      throw unprocessable('invalid_dates', 'Det nya slutdatumet har redan passerat.', [{ field: 'closesOn', message: 'Välj ett slutdatum från och med i dag.' }]);
    }
    return { patch: { closed_at: null, closed_by: null, closes_on: closesOn }, action: 'followup.periods.reopen', summary: { closesOn } };
  });
}

/** The period asked for, else the one open (or next) today. */
export async function defaultPeriod(db: Database, municipalityId: string, period: string | undefined, today: string): Promise<PeriodId> {
  if (period) return parsed(period);
  const year = Number(today.slice(0, 4));
  const rows = await repo.listPeriods(db, municipalityId, year);
  return currentPeriod(year, (kind) => settingsOf(rows.find((r) => r.kind === kind), year), today);
}
