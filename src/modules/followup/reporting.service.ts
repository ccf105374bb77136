import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { checkIndicatorValues, normaliseIndicatorValues } from '../../domain/followup/indicators.js';
import { reportRight } from '../../domain/followup/permissions.js';
import { formatPeriod, periodRank, periodState, reportingRefusal } from '../../domain/followup/periods.js';
import { commentProblem, type FollowUpStatus } from '../../domain/followup/status.js';
import { actorUserId, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { AppError, conflict, forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { recordPreviousYearFinalStatus } from '../plans/service.js';
import { confirmationSummary } from '../situation/guard.js';
import { guardText, isLocalCoordinatorOf, parsed, readable } from './access.js';
import { activityViews } from './boards.service.js';
import { knownFigures } from './prefill.service.js';
import { defaultPeriod, periodInfo } from './periods.service.js';
import { presentFollowUp, settingsOf } from './presenters.js';
import * as repo from './repo.js';
import type { TCreateFollowUpRequest, TFollowUp } from './schema.js';

/** Reporting on one activity: the report itself, its history, the reporting form's data, and naming the reporters. */

/**
 * An activity the actor may report on. 404 when the activity is unknown or invisible to them;
 * 403 when they see it but do not answer for it (a viewer, another unit's contributor).
 */
async function reportableActivity(db: Database, actor: ServiceActor, activityId: string) {
  const a = await repo.activityContext(db, activityId);
  if (!a || a.municipality_id !== actor.municipalityId || a.deleted_at) throw notFound('Insatsen');
  if (!inScope(readable(actor), a.board_id)) throw notFound('Insatsen');
  const userId = actorUserId(actor);
  const reporters = (await repo.reportersOf(db, [a.id])).map((r) => r.id);
  const unitId = userId ? await repo.userUnit(db, userId) : null;
  const chain = a.responsible_unit_id ? await repo.unitChain(db, a.responsible_unit_id) : [];
  const right = reportRight(actor, unitId, { boardId: a.board_id, reporterUserIds: reporters, responsibleUnitChain: chain });
  if (!right) throw forbidden();
  return a;
}

/**
 * A tertial or annual follow-up of one activity: status, comment and indicator values. Only
 * activities of an approved plan, only in a period of the plan's year that is open. Reporting
 * again in the same period replaces the earlier report (the audit log keeps both).
 */
export async function reportFollowUp(opts: { db: Database; actor: ServiceActor; activityId: string; input: TCreateFollowUpRequest; today?: string }): Promise<TFollowUp> {
  const p = parsed(opts.input.period);
  const today = dayOrToday(opts.today);
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
      reported_by: actorUserId(opts.actor),
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

export async function listFollowUps(opts: { db: Database; actor: ServiceActor; activityId: string }): Promise<TFollowUp[]> {
  const a = await repo.activityContext(opts.db, opts.activityId);
  if (!a || a.municipality_id !== opts.actor.municipalityId) throw notFound('Insatsen');
  if (!inScope(readable(opts.actor), a.board_id)) throw notFound('Insatsen');
  return (await repo.historyOf(opts.db, a.id)).map(presentFollowUp);
}

/** One activity's follow-up for a period, with every report of the activity: the reporting form's data. */
export async function activityFollowUp(opts: { db: Database; actor: ServiceActor; activityId: string; period?: string; today?: string }) {
  const today = dayOrToday(opts.today);
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
  const [view] = await activityViews(opts.db, [row], p, () => may, a.plan_status === 'approved' && p.year === a.year && info.deadlinePassed);
  const context = await repo.listContext(opts.db, opts.actor.municipalityId, [...new Set(view.contextLinks.map((l) => l.kpiId))]);
  return {
    period: info,
    planStatus: a.plan_status,
    activity: view,
    history: (await repo.historyOf(opts.db, a.id)).map(presentFollowUp),
    context: context.map((c) => ({ kpiId: c.kpi_id, title: c.title, area: c.area, year: c.year, value: Number(c.value) })),
    prefill: may ? await knownFigures({ db: opts.db, actor: opts.actor, boardId: a.board_id, unitId: a.responsible_unit_id, indicators: a.indicators ?? [], today }) : [],
  };
}
