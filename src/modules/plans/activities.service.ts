import { inTransaction } from '../../db/transaction.js';
import type { Database } from '../../db/database.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { checkPartners } from '../collaboration/access.js';
import { saveReporters } from '../followup/reporters.service.js';
import * as orgs from '../orgs/repo.js';
import { presentActivity } from './presenters.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import * as governanceRepo from './repo-governance.js';
import type { TActivity, TCreateActivityRequest, TUpdateActivityRequest } from './schema.js';
import { orNull } from './text.js';
import { planForEdit } from './workflow.service.js';

/** The plan's activities: add (one or an imported table), edit, remove and restore, reorder. */

type ActivityInput = Partial<TCreateActivityRequest>;

async function activityProblems(trx: Database, actor: ServiceActor, plan: PlanRow, input: ActivityInput, prefix = ''): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const ids = [...new Set(input.guidelineElementIds ?? [])];
  if (ids.length) {
    const found = await governanceRepo.existingElementIds(trx, actor.municipalityId, ids);
    if (found.length !== ids.length) problems.push({ field: `${prefix}guidelineElementIds`, message: 'Välj delar av styrdokument som finns.' });
  }
  if (input.responsibleUnitId) {
    const unit = await orgs.findUnit(trx, input.responsibleUnitId);
    if (!unit || unit.board_id !== plan.board_id) problems.push({ field: `${prefix}responsibleUnitId`, message: 'Välj en enhet i nämnden.' });
  }
  if (input.partnerIds?.length) problems.push(...(await checkPartners(trx, actor, input.partnerIds, plan.board_id, `${prefix}partnerIds`)));
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    problems.push({ field: `${prefix}endDate`, message: 'Slutdatumet kan inte vara före startdatumet.' });
  }
  return problems;
}

function activityValues(planId: string, position: number, a: TCreateActivityRequest) {
  return {
    plan_id: planId,
    position,
    title: a.title,
    description: orNull(a.description),
    measure_area: a.measureArea ?? null,
    perspective: orNull(a.perspective),
    guideline_element_ids: [...new Set(a.guidelineElementIds ?? [])],
    responsible: a.responsible,
    responsible_unit_id: a.responsibleUnitId ?? null,
    partners: orNull(a.partners),
    partner_ids: [...new Set(a.partnerIds ?? [])],
    target_groups: [...new Set(a.targetGroups ?? [])],
    timeline: a.timeline,
    start_date: a.startDate ?? null,
    end_date: a.endDate ?? null,
    follow_up: a.followUp,
    indicators: (a.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: orNull(i.baseline), target: orNull(i.target) })),
  };
}

export async function createActivity(opts: { db: Database; actor: ServiceActor; planId: string; input: TCreateActivityRequest }): Promise<TActivity> {
  // Also called inside another use case's transaction (a new activity created from an audit measure).
  return inTransaction(opts.db, async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const problems = await activityProblems(trx, opts.actor, plan, opts.input);
    if (problems.length) throw unprocessable('invalid_activity', 'Insatsen kunde inte sparas. Rätta fälten och försök igen.', problems);
    const [row] = await activitiesRepo.insertActivities(trx, [activityValues(plan.id, await activitiesRepo.nextActivityPosition(trx, plan.id), opts.input)]);
    await activityChanged(trx, opts.actor, plan, 'plans.activities.create', row.id, { measureArea: row.measure_area });
    if (opts.input.reporterIds?.length) await saveReporters(trx, opts.actor, { id: row.id, board_id: plan.board_id }, opts.input.reporterIds);
    return presentActivity(row);
  });
}

/**
 * Adds many activities in one transaction (the import of activity tables): all or none, with the
 * same rights and state rules as adding one, and one audit entry.
 */
export async function addActivities(opts: { db: Database; actor: ServiceActor; planId: string; activities: TCreateActivityRequest[] }): Promise<TActivity[]> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const problems: FieldError[] = [];
    for (const [i, a] of opts.activities.entries()) problems.push(...(await activityProblems(trx, opts.actor, plan, a, `activities.${i}.`)));
    if (problems.length) throw unprocessable('invalid_activity', 'Insatserna kunde inte sparas. Rätta fälten och försök igen.', problems);
    const start = await activitiesRepo.nextActivityPosition(trx, plan.id);
    const rows = await activitiesRepo.insertActivities(
      trx,
      opts.activities.map((a, i) => activityValues(plan.id, start + i, a)),
    );
    await repo.touchPlan(trx, plan.id);
    await recordAudit(trx, opts.actor, {
      action: 'plans.activities.import',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: { year: plan.year, count: rows.length },
    });
    return rows.sort((a, b) => a.position - b.position).map(presentActivity);
  });
}

/** Every write to an activity marks its plan changed and is logged against the activity. */
async function activityChanged(trx: Database, actor: ServiceActor, plan: PlanRow, action: string, activityId: string, extra: Record<string, unknown> = {}) {
  await repo.touchPlan(trx, plan.id);
  await recordAudit(trx, actor, {
    action,
    entity: 'plan_activity',
    entityId: activityId,
    boardId: plan.board_id,
    summary: { planId: plan.id, year: plan.year, ...extra },
  });
}

async function activityOf(trx: Database, plan: PlanRow, activityId: string) {
  const activity = await activitiesRepo.findActivity(trx, activityId);
  if (!activity || activity.plan_id !== plan.id || activity.deleted_at) throw notFound('Insatsen');
  return activity;
}

export async function updateActivity(opts: { db: Database; actor: ServiceActor; planId: string; activityId: string; input: TUpdateActivityRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const before = await activityOf(trx, plan, opts.activityId);
    const i = opts.input;
    const merged = {
      startDate: i.startDate !== undefined ? i.startDate : before.start_date,
      endDate: i.endDate !== undefined ? i.endDate : before.end_date,
    };
    const problems = await activityProblems(trx, opts.actor, plan, { ...i, ...merged });
    if (problems.length) throw unprocessable('invalid_activity', 'Insatsen kunde inte sparas. Rätta fälten och försök igen.', problems);
    const keep = <T>(v: T | undefined, f: (x: T) => unknown) => (v === undefined ? undefined : f(v));
    const row = await activitiesRepo.updateActivity(trx, before.id, {
      title: i.title,
      description: keep(i.description, orNull) as string | null | undefined,
      measure_area: i.measureArea,
      perspective: keep(i.perspective, orNull) as string | null | undefined,
      guideline_element_ids: keep(i.guidelineElementIds, (x) => [...new Set(x)]) as string[] | undefined,
      responsible: i.responsible,
      responsible_unit_id: i.responsibleUnitId,
      partners: keep(i.partners, orNull) as string | null | undefined,
      partner_ids: keep(i.partnerIds, (x) => [...new Set(x)]) as string[] | undefined,
      target_groups: keep(i.targetGroups, (x) => [...new Set(x)]) as string[] | undefined,
      timeline: i.timeline,
      start_date: i.startDate,
      end_date: i.endDate,
      follow_up: i.followUp,
      indicators: keep(i.indicators, (x) => x.map((ind) => ({ kind: ind.kind, name: ind.name, baseline: orNull(ind.baseline), target: orNull(ind.target) }))) as
        | unknown[]
        | undefined,
      previous_year_final_status: i.previousYearFinalStatus,
    });
    await activityChanged(trx, opts.actor, plan, 'plans.activities.update', row.id, { fields: Object.keys(i).filter((k) => i[k as keyof typeof i] !== undefined) });
    if (i.reporterIds) await saveReporters(trx, opts.actor, { id: row.id, board_id: plan.board_id }, i.reporterIds);
    return presentActivity(row);
  });
}

/** Removes an activity from the plan; the row stays (soft delete), so versions and history keep it. */
export async function deleteActivity(opts: { db: Database; actor: ServiceActor; planId: string; activityId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const activity = await activityOf(trx, plan, opts.activityId);
    await activitiesRepo.softDeleteActivity(trx, activity.id, actorUserId(opts.actor));
    await activityChanged(trx, opts.actor, plan, 'plans.activities.delete', activity.id);
  });
}

/** Undoes a removal: the activity returns to the plan, with its follow-up history intact. */
export async function restoreActivity(opts: { db: Database; actor: ServiceActor; planId: string; activityId: string }): Promise<TActivity> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const activity = await activitiesRepo.findActivity(trx, opts.activityId);
    if (!activity || activity.plan_id !== plan.id || !activity.deleted_at) throw notFound('Den borttagna insatsen');
    const row = await activitiesRepo.restoreActivity(trx, activity.id, await activitiesRepo.nextActivityPosition(trx, plan.id));
    await activityChanged(trx, opts.actor, plan, 'plans.activities.restore', activity.id);
    return presentActivity(row);
  });
}

export async function reorderActivities(opts: { db: Database; actor: ServiceActor; planId: string; activityIds: string[] }) {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const live = await activitiesRepo.listActivities(trx, [plan.id]);
    const given = new Set(opts.activityIds);
    if (given.size !== opts.activityIds.length || given.size !== live.length || live.some((a) => !given.has(a.id))) {
      throw unprocessable('invalid_order', 'Ordningen måste innehålla alla planens insatser, var och en en gång.', [
        { field: 'activityIds', message: 'Ange alla planens insatser, var och en en gång.' },
      ]);
    }
    for (const [i, id] of opts.activityIds.entries()) await activitiesRepo.setActivityPosition(trx, id, i + 1);
    await repo.touchPlan(trx, plan.id);
    await recordAudit(trx, opts.actor, {
      action: 'plans.activities.reorder',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: { year: plan.year, count: live.length },
    });
    return (await activitiesRepo.listActivities(trx, [plan.id])).map(presentActivity);
  });
}
