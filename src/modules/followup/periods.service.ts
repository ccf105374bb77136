import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { DEFAULT_DEADLINES, overrideProblem } from '../../domain/followup/deadlines.js';
import { checkSettings, currentPeriod, formatPeriod, PERIOD_KINDS, periodsOfYear, periodState, type PeriodId, type PeriodKind } from '../../domain/followup/periods.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { parsed } from './access.js';
import { presentPeriod, settingsOf } from './presenters.js';
import * as repo from './repo.js';
import type { TDeadlineDefaults, TPeriodInfo, TSetDeadlineDefaultsRequest, TUpdatePeriodRequest } from './schema.js';

/** The reporting periods (T1, T2, VB) of a year: their dates and deadlines, closing and reopening, and the period a page opens on. */

/** The municipality's default deadline day ("MM-DD") per period kind: the central coordinator's, else Stockholm's built-in ones. */
export async function deadlineDays(db: Database, municipalityId: string): Promise<Record<PeriodKind, string>> {
  const rows = await repo.deadlineDefaults(db, municipalityId);
  return Object.fromEntries(PERIOD_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.month_day ?? DEFAULT_DEADLINES[k]])) as Record<PeriodKind, string>;
}

export async function periodInfo(db: Database, municipalityId: string, p: PeriodId, today?: string): Promise<TPeriodInfo> {
  const [row, days] = await Promise.all([repo.findPeriod(db, municipalityId, p.year, p.kind), deadlineDays(db, municipalityId)]);
  return presentPeriod(p, row, dayOrToday(today), days);
}

/** Every period of `years`, with deadlines: what "my activities" weighs to open on the period due next. */
export async function periodsOfYears(db: Database, municipalityId: string, years: number[], today: string): Promise<TPeriodInfo[]> {
  const [rows, days] = await Promise.all([repo.listPeriodsOfYears(db, municipalityId, years), deadlineDays(db, municipalityId)]);
  return years.flatMap(periodsOfYear).map((p) => presentPeriod(p, rows.find((r) => r.year === p.year && r.kind === p.kind), today, days));
}

export async function listPeriods(opts: { db: Database; actor: ServiceActor; year?: number; today?: string }): Promise<TPeriodInfo[]> {
  const year = opts.year ?? Number(dayOrToday(opts.today).slice(0, 4));
  return periodsOfYears(opts.db, opts.actor.municipalityId, [year], dayOrToday(opts.today));
}

export async function getDeadlineDefaults(opts: { db: Database; actor: ServiceActor }): Promise<TDeadlineDefaults> {
  return deadlineDays(opts.db, opts.actor.municipalityId);
}

/** The central coordinator sets the default deadline day of one or more period kinds for the municipality. */
export async function setDeadlineDefaults(opts: { db: Database; actor: ServiceActor; input: TSetDeadlineDefaultsRequest }): Promise<TDeadlineDefaults> {
  return opts.db.transaction().execute(async (trx) => {
    const before = await deadlineDays(trx, opts.actor.municipalityId);
    const changed = PERIOD_KINDS.filter((k) => opts.input[k] !== undefined && opts.input[k] !== before[k]);
    for (const kind of changed) {
      await repo.upsertDeadlineDefault(trx, { municipality_id: opts.actor.municipalityId, kind, month_day: opts.input[kind]!, updated_by: actorUserId(opts.actor) });
    }
    await recordAudit(trx, opts.actor, {
      action: 'followup.deadlines.update',
      entity: 'followup_deadline_default',
      entityId: opts.actor.municipalityId,
      summary: { from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, opts.input[k]])) },
    });
    return deadlineDays(trx, opts.actor.municipalityId);
  });
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
    return presentPeriod(p, updated, today, await deadlineDays(trx, opts.actor.municipalityId));
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
    const deadline = opts.input.deadline === undefined ? row.deadline : opts.input.deadline;
    refuseBadSettings(row.year, opensOn, closesOn);
    const late = deadline ? overrideProblem(row.year, deadline) : null;
    if (late) throw unprocessable('invalid_dates', late, [{ field: 'deadline', message: late }]);
    return {
      patch: { opens_on: opensOn, closes_on: closesOn, deadline },
      action: 'followup.periods.update',
      summary: { from: { opensOn: row.opens_on, closesOn: row.closes_on, deadline: row.deadline }, to: { opensOn, closesOn, deadline } },
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
