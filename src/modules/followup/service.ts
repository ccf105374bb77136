import type { Database } from '../../db/database.js';
import { boardProgress } from '../../domain/followup/aggregate.js';
import { missingHeadings, normaliseSections, ANALYSIS_HEADING_LABELS_SV, type AnalysisHeading } from '../../domain/followup/analysis.js';
import { parseContextTable } from '../../domain/followup/context-indicators.js';
import { checkIndicatorValues, normaliseIndicatorValues } from '../../domain/followup/indicators.js';
import { reportRight } from '../../domain/followup/permissions.js';
import {
  checkSettings,
  currentPeriod,
  formatPeriod,
  parsePeriod,
  periodRank,
  periodsOfYear,
  periodState,
  reportingRefusal,
  type PeriodId,
} from '../../domain/followup/periods.js';
import { commentProblem, type FollowUpStatus } from '../../domain/followup/status.js';
import { canOn, inScope, scopeOf, type Action, type Actor, type ServiceActor } from '../../domain/policy/index.js';
import { toIsoDay } from '../../domain/plans/workflow.js';
import { isTableError, readTable } from '../../domain/training/tabular.js';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/service.js';
import { recordPreviousYearFinalStatus } from '../plans/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import { presentAnalysis, presentFollowUp, presentPeriod, settingsOf } from './presenters.js';
import * as repo from './repo.js';
import type {
  TBoardFollowUp,
  TContextImportResult,
  TCreateFollowUpRequest,
  TFollowUp,
  TFollowUpActivity,
  TMyActivities,
  TPeriodInfo,
  TSaveAnalysisRequest,
  TUpdatePeriodRequest,
} from './schema.js';

/** A logged-in user, or the demo seed acting in a role (see ../plans/access.ts). */
export type FollowUpActor = ServiceActor;

const userIdOf = (a: FollowUpActor): string | null => ('userId' in a ? a.userId : null);
/** Today in Swedish time; tests and the demo seed may pass another day. */
const todayIso = (today?: string) => today ?? toIsoDay(new Date());

/** The board's local coordinator (whose grant reaches the board): the one role of every coordinator-only follow-up action. */
function isLocalCoordinatorOf(actor: FollowUpActor, boardId: string): boolean {
  return canOn(actor, 'followup.analysis.write', boardId);
}

function parsed(period: string): PeriodId {
  const p = parsePeriod(period);
  if (!p) throw badRequest('Ogiltig period.', [{ field: 'period', message: 'Ange perioden som ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-VB, till exempel 2026-T1.' }]);
  return p;
}

/**
 * Free text is checked for personal data before anything is written (PRODUCT.md, rights and
 * privacy): refused with 422 `personal_data`; a possible name is held back with 422
 * `personal_data_possible` until the writer confirms (`confirmNoPersonalData`).
 */
function guardText(fields: Record<string, string | null | undefined>, subject: string, confirmNoPersonalData?: boolean) {
  return guardFreeText(fields, {
    subject,
    confirmNoPersonalData,
    message: 'Texten innehåller personuppgifter. Ta bort dem och skicka igen – uppföljningen får inte gå att koppla till en person.',
  });
}

// ---------------------------------------------------------------- periods

export async function periodInfo(db: Database, municipalityId: string, p: PeriodId, today?: string): Promise<TPeriodInfo> {
  return presentPeriod(p, await repo.findPeriod(db, municipalityId, p.year, p.kind), todayIso(today));
}

export async function listPeriods(opts: { db: Database; actor: FollowUpActor; year?: number; today?: string }): Promise<TPeriodInfo[]> {
  const year = opts.year ?? Number(todayIso(opts.today).slice(0, 4));
  const rows = await repo.listPeriods(opts.db, opts.actor.municipalityId, year);
  return periodsOfYear(year).map((p) => presentPeriod(p, rows.find((r) => r.kind === p.kind), todayIso(opts.today)));
}

async function changePeriod(
  opts: { db: Database; actor: FollowUpActor; period: string; today?: string },
  change: (row: repo.PeriodRow, today: string) => { patch: Parameters<typeof repo.updatePeriod>[2]; action: string; summary: Record<string, unknown> },
) {
  const p = parsed(opts.period);
  const today = todayIso(opts.today);
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

export async function updatePeriod(opts: { db: Database; actor: FollowUpActor; period: string; input: TUpdatePeriodRequest; today?: string }) {
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

export async function closePeriod(opts: { db: Database; actor: FollowUpActor; period: string; today?: string }) {
  return changePeriod(opts, (row, today) => {
    if (periodState(settingsOf(row, row.year), today) === 'closed') throw conflict(`Perioden ${opts.period} är redan stängd.`, 'period_closed');
    return { patch: { closed_at: new Date(), closed_by: userIdOf(opts.actor) }, action: 'followup.periods.close', summary: {} };
  });
}

export async function reopenPeriod(opts: { db: Database; actor: FollowUpActor; period: string; closesOn?: string | null; today?: string }) {
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

// ---------------------------------------------------------------- reporting

/** Boards whose follow-up the actor may see with `action`, by the one board-scope rule (a viewer of the city board sees the city). */
const readable = (actor: FollowUpActor, action: Action = 'followup.history') => scopeOf(actor, action);

/**
 * An activity the actor may report on. 404 when the activity is unknown or invisible to them;
 * 403 when they see it but do not answer for it (a viewer, another unit's contributor).
 */
async function reportableActivity(db: Database, actor: FollowUpActor, activityId: string) {
  const a = await repo.activityContext(db, activityId);
  if (!a || a.municipality_id !== actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
  if (!inScope(readable(actor), a.board_id)) throw notFound('Insatsen');
  const userId = userIdOf(actor);
  const reporters = (await repo.reportersOf(db, [a.id])).map((r) => r.id);
  const unitId = userId ? await repo.userUnit(db, userId) : null;
  const chain = a.responsible_unit_id ? await repo.unitChain(db, a.responsible_unit_id) : [];
  const right = reportRight({ userId: userId ?? undefined, roles: actor.roles }, unitId, { boardId: a.board_id, reporterUserIds: reporters, responsibleUnitChain: chain });
  if (!right) throw forbidden();
  return a;
}

/**
 * A tertial or annual follow-up of one activity: status, comment and indicator values. Only
 * activities of an approved plan, only in a period of the plan's year that is open. Reporting
 * again in the same period replaces the earlier report (the audit log keeps both).
 */
export async function reportFollowUp(opts: { db: Database; actor: FollowUpActor; activityId: string; input: TCreateFollowUpRequest; today?: string }): Promise<TFollowUp> {
  const p = parsed(opts.input.period);
  const today = todayIso(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const a = await reportableActivity(trx, opts.actor, opts.activityId);
    if (a.plan_status !== 'approved') {
      throw conflict('Planen är inte godkänd än. Uppföljning kan bara rapporteras på insatser i en godkänd plan.', 'plan_not_approved');
    }
    if (p.year !== a.year) {
      throw unprocessable('wrong_year', `Perioden ${formatPeriod(p)} hör inte till planens år ${a.year}.`, [
        { field: 'period', message: `Välj en period för ${a.year}: ${a.year}-T1, ${a.year}-T2 eller ${a.year}-VB.` },
      ]);
    }
    const period = await repo.lockPeriod(trx, { municipality_id: opts.actor.municipalityId, year: p.year, kind: p.kind, opens_on: `${p.year}-01-01` });
    const refusal = reportingRefusal(p, settingsOf(period, p.year), today);
    if (refusal) throw conflict(refusal, periodState(settingsOf(period, p.year), today) === 'closed' ? 'period_closed' : 'period_not_open');

    const comment = opts.input.comment?.trim() || null;
    const fields: FieldError[] = [];
    const missingComment = commentProblem(opts.input.status, comment);
    if (missingComment) fields.push({ field: 'comment', message: missingComment });
    const values = opts.input.indicatorValues ?? [];
    fields.push(...checkIndicatorValues(a.indicators ?? [], values));
    if (fields.length) throw unprocessable('invalid_follow_up', fields[0].message, fields);
    const guarded = await guardText(
      { comment, ...Object.fromEntries(values.map((v, i) => [`indicatorValues.${i}.value`, typeof v.value === 'string' ? v.value : null])) },
      'uppföljningen',
      opts.input.confirmNoPersonalData,
    );

    const row = await repo.upsertFollowUp(trx, {
      activity_id: a.id,
      board_id: a.board_id,
      year: p.year,
      period: p.kind,
      period_rank: periodRank(p.kind),
      status: opts.input.status,
      comment,
      indicator_values: normaliseIndicatorValues(values),
      reported_by: userIdOf(opts.actor),
      reported_by_name: opts.actor.name,
    });
    await recordAudit(trx, opts.actor, {
      action: 'followup.report',
      entity: 'follow_up',
      entityId: row.id,
      boardId: a.board_id,
      summary: {
        activityId: a.id,
        period: formatPeriod(p),
        status: row.status,
        comment: comment !== null,
        indicatorValues: row.indicator_values.length,
        ...confirmationSummary(guarded),
      },
    });
    // Last year's final status travels with the activity into next year's plan (annual revision).
    if (p.kind === 'T2' || p.kind === 'VB') {
      await recordPreviousYearFinalStatus({ trx, actor: opts.actor, sourceActivityId: a.id, status: await repo.finalStatus(trx, a.id, a.year) });
    }
    return presentFollowUp(row);
  });
}

/**
 * The activity's final status of `year` (its VB report, else its T2 report), for the plans
 * capability to show on activities carried over into next year's plan.
 */
export async function finalStatusOf(opts: { db: Database; activityId: string; year: number }): Promise<FollowUpStatus | null> {
  return repo.finalStatus(opts.db, opts.activityId, opts.year);
}

export async function listFollowUps(opts: { db: Database; actor: FollowUpActor; activityId: string }): Promise<TFollowUp[]> {
  const a = await repo.activityContext(opts.db, opts.activityId);
  if (!a || a.municipality_id !== opts.actor.municipalityId) throw notFound('Insatsen');
  if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
  return (await repo.historyOf(opts.db, a.id)).map(presentFollowUp);
}

/** One activity's follow-up for a period, with every report of the activity: the reporting form's data. */
export async function activityFollowUp(opts: { db: Database; actor: FollowUpActor; activityId: string; period?: string; today?: string }) {
  const today = todayIso(opts.today);
  const a = await repo.activityContext(opts.db, opts.activityId);
  if (!a || a.municipality_id !== opts.actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
  if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
  const p = opts.period ? parsed(opts.period) : await defaultPeriod(opts.db, opts.actor.municipalityId, undefined, today);
  const info = await periodInfo(opts.db, opts.actor.municipalityId, p, today);
  let may = false;
  try {
    await reportableActivity(opts.db, opts.actor, a.id);
    may = a.plan_status === 'approved' && info.state === 'open' && p.year === a.year;
  } catch (e) {
    // A reader who does not answer for the activity sees it without the form.
    if (!(e instanceof AppError && e.status === 403)) throw e;
  }
  const row = (await repo.activitiesOfPlan(opts.db, a.plan_id)).find((r) => r.id === a.id)!;
  const [view] = await activityViews(opts.db, [row], p, () => may);
  const context = await repo.listContext(opts.db, opts.actor.municipalityId, [...new Set(view.contextLinks.map((l) => l.kpiId))]);
  return {
    period: info,
    planStatus: a.plan_status,
    activity: view,
    history: (await repo.historyOf(opts.db, a.id)).map(presentFollowUp),
    context: context.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) })),
  };
}

// ---------------------------------------------------------------- lists

async function defaultPeriod(db: Database, municipalityId: string, period: string | undefined, today: string): Promise<PeriodId> {
  if (period) return parsed(period);
  const year = Number(today.slice(0, 4));
  const rows = await repo.listPeriods(db, municipalityId, year);
  return currentPeriod(year, (kind) => settingsOf(rows.find((r) => r.kind === kind), year), today);
}

async function activityViews(
  db: Database,
  rows: repo.ActivityListRow[],
  p: PeriodId,
  canReport: (row: repo.ActivityListRow, reporterIds: string[]) => boolean,
): Promise<TFollowUpActivity[]> {
  const ids = rows.map((r) => r.id);
  const [reporters, followUps, links] = await Promise.all([repo.reportersOf(db, ids), repo.followUpsOf(db, ids, p.year), repo.linksOf(db, ids)]);
  return rows.map((r) => {
    const own = followUps.filter((f) => f.activity_id === r.id);
    const current = own.find((f) => f.period === p.kind);
    const earlier = own.filter((f) => f.period_rank < periodRank(p.kind)).at(-1);
    const mine = reporters.filter((x) => x.activity_id === r.id);
    return {
      activityId: r.id,
      planId: r.plan_id,
      boardId: r.board_id,
      boardName: r.board_name,
      year: r.year,
      title: r.title,
      measureArea: r.measure_area,
      responsible: r.responsible,
      timeline: r.timeline,
      indicators: (r.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? null, target: i.target ?? null })),
      reporters: mine.map((x) => ({ id: x.id, name: x.name })),
      followUp: current ? presentFollowUp(current) : null,
      previous: earlier ? { period: formatPeriod({ year: earlier.year, kind: earlier.period }), status: earlier.status, comment: earlier.comment } : null,
      contextLinks: links.filter((l) => l.activity_id === r.id).map((l) => ({ indicatorName: l.indicator_name, kpiId: l.kpi_id })),
      canReport: canReport(r, mine.map((x) => x.id)),
    };
  });
}

/** "My activities": what the user answers for in approved plans, with this period's report. */
export async function myActivities(opts: { db: Database; actor: Actor; period?: string; today?: string }): Promise<TMyActivities> {
  const today = todayIso(opts.today);
  const p = await defaultPeriod(opts.db, opts.actor.municipalityId, opts.period, today);
  const info = await periodInfo(opts.db, opts.actor.municipalityId, p, today);
  const boards = scopeOf(opts.actor, 'followup.mine');
  const unitId = await repo.userUnit(opts.db, opts.actor.userId);
  const rows = await repo.responsibleActivities(opts.db, { userId: opts.actor.userId, unitId, boards, municipalityId: opts.actor.municipalityId, year: p.year });
  const open = info.state === 'open';
  return { period: info, activities: await activityViews(opts.db, rows, p, () => open) };
}

/** The local coordinator's follow-up board: every activity of the board's plan for the period. */
export async function boardFollowUp(opts: { db: Database; actor: FollowUpActor; boardId: string; period?: string; today?: string }): Promise<TBoardFollowUp> {
  const today = todayIso(opts.today);
  const board = await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!inScope(readable(opts.actor, 'followup.board'), board.id)) throw notFound('Nämnden');
  const p = await defaultPeriod(opts.db, opts.actor.municipalityId, opts.period, today);
  const info = await periodInfo(opts.db, opts.actor.municipalityId, p, today);
  const plan = await repo.planOfBoardYear(opts.db, board.id, p.year);
  const coordinator = isLocalCoordinatorOf(opts.actor, board.id);
  const reportable = !!plan && plan.status === 'approved' && info.state === 'open';
  const rows = plan ? await repo.activitiesOfPlan(opts.db, plan.id) : [];
  const activities = await activityViews(opts.db, rows, p, () => coordinator && reportable);
  const progress = boardProgress(activities.map((a) => ({ ...a, reporterNames: a.reporters.map((r) => r.name), status: a.followUp?.status ?? null })));
  const analysis = await repo.findAnalysis(opts.db, board.id, p.year, p.kind);
  const kpis = [...new Set(activities.flatMap((a) => a.contextLinks.map((l) => l.kpiId)))];
  const context = await repo.listContext(opts.db, opts.actor.municipalityId, kpis);
  return {
    board: { id: board.id, name: board.name },
    period: info,
    plan: plan ? { id: plan.id, status: plan.status } : null,
    progress: { total: progress.total, reported: progress.reported, byStatus: progress.byStatus },
    activities,
    contributors: coordinator ? await repo.usersWithRoleOnBoard(opts.db, board.id, 'contributor') : [],
    analysis: analysis ? presentAnalysis(analysis) : null,
    context: context.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) })),
    canReport: coordinator && reportable,
    canWriteAnalysis: coordinator && info.state === 'open' && !analysis?.reported_at,
    canAssign: coordinator,
  };
}

/** The local coordinator names the contributors of the board who report on an activity. */
export async function assignReporters(opts: { db: Database; actor: FollowUpActor; activityId: string; userIds: string[] }) {
  return opts.db.transaction().execute(async (trx) => {
    const a = await repo.activityContext(trx, opts.activityId);
    if (!a || a.municipality_id !== opts.actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
    if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
    if (!isLocalCoordinatorOf(opts.actor, a.board_id)) throw forbidden();
    const contributors = await repo.usersWithRoleOnBoard(trx, a.board_id, 'contributor');
    const userIds = [...new Set(opts.userIds)];
    const unknown = userIds.filter((id) => !contributors.some((c) => c.id === id));
    if (unknown.length) {
      throw unprocessable('not_contributor', 'Rapportörer måste vara bidragsgivare i nämnden.', unknown.map((id) => ({ field: 'userIds', message: `Användaren ${id} är inte bidragsgivare i ${a.board_name}.` })));
    }
    await repo.replaceReporters(trx, a.id, userIds);
    await recordAudit(trx, opts.actor, { action: 'followup.reporters.assign', entity: 'plan_activity', entityId: a.id, boardId: a.board_id, summary: { userIds } });
    return (await repo.reportersOf(trx, [a.id])).map((r) => ({ id: r.id, name: r.name }));
  });
}

// ---------------------------------------------------------------- analysis

async function analysisTarget(db: Database, actor: FollowUpActor, boardId: string, period: string, today: string) {
  const board = await orgs.getBoard({ db, municipalityId: actor.municipalityId, boardId });
  if (!inScope(readable(actor, 'followup.board'), board.id)) throw notFound('Nämnden');
  if (!isLocalCoordinatorOf(actor, board.id)) throw forbidden();
  const p = parsed(period);
  const row = await repo.lockPeriod(db, { municipality_id: actor.municipalityId, year: p.year, kind: p.kind, opens_on: `${p.year}-01-01` });
  const refusal = reportingRefusal(p, settingsOf(row, p.year), today);
  if (refusal) throw conflict(refusal, 'period_closed');
  return { board, p };
}

export async function saveAnalysis(opts: { db: Database; actor: FollowUpActor; boardId: string; period: string; input: TSaveAnalysisRequest; today?: string }) {
  const today = todayIso(opts.today);
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
    const row = await repo.upsertAnalysis(trx, { board_id: board.id, year: p.year, period: p.kind, sections, updated_by: userIdOf(opts.actor), updated_by_name: opts.actor.name });
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
export async function markReported(opts: { db: Database; actor: FollowUpActor; boardId: string; period: string; today?: string }) {
  const today = todayIso(opts.today);
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

// ---------------------------------------------------------------- context indicators

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

const MAX_LINES_REPORTED = 1000;

/** Imports KPI values (Kolada CSV or XLSX) in one transaction, or nothing: bad rows give 422 by line. */
export async function importContext(opts: { db: Database; actor: FollowUpActor; file: UploadedFile; dryRun: boolean }): Promise<TContextImportResult> {
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
      result.values.map((v) => ({ municipality_id: opts.actor.municipalityId, kpi_id: v.kpiId, title: v.title, area: v.municipality, year: v.year, value: v.value, imported_by: userIdOf(opts.actor) })),
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

export async function listContextValues(opts: { db: Database; actor: FollowUpActor; kpiId?: string }) {
  const rows = await repo.listContext(opts.db, opts.actor.municipalityId, opts.kpiId ? [opts.kpiId.toUpperCase()] : undefined);
  return rows.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) }));
}

/** Links an activity's effect indicators to KPIs, so reports show the KPI beside the indicator. */
export async function setContextLinks(opts: { db: Database; actor: FollowUpActor; activityId: string; links: { indicatorName: string; kpiId: string }[] }) {
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

