import { inTransaction } from '../../db/transaction.js';
import type { Database } from '../../db/database.js';
import type { PlanDocumentModel } from '../../documents/plan/model.js';
import { checkPlan, type PlanCheckResult } from '../../domain/plans/check.js';
import { diffPlans } from '../../domain/plans/diff.js';
import { checkFields } from '../../domain/personal-data/guard.js';
import { plainText, type FinalStatus, type PlanSection } from '../../domain/plans/model.js';
import { canOn } from '../../domain/policy/index.js';
import {
  allowedTransitions,
  AUTO_REOPEN_COMMENT_SV,
  autoReopenOnEdit,
  isContentEditable,
  planTransition,
  STATUS_LABELS_SV,
  toIsoDay,
  type PlanState,
} from '../../domain/plans/workflow.js';
import { AppError, conflict, forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { actorUserId, canReviewPlanOf, canWritePlanOf, planForRead, planForWrite, planScope, type PlanActor } from './access.js';
import { SITUATION_SECTION_KEY } from './defaults.js';
import { effectiveInstruction } from './governance-service.js';
import { sanitizeSectionHtml, textToHtml } from './html.js';
import { iso, presentActivity, presentPlanSummary, presentReview } from './presenters.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import type {
  TActivity,
  TCheckResult,
  TCompareResult,
  TCreateActivityRequest,
  TCreatePlanRequest,
  TEffectiveInstruction,
  TOverview,
  TPlan,
  TPlanSnapshot,
  TReview,
  TReviewRequest,
  TSection,
  TTransitionRequest,
  TUpdateActivityRequest,
  TUpdatePlanRequest,
  TUpdateSectionRequest,
} from './schema.js';

export type { PlanActor } from './access.js';

/** Today in Swedish time, 'YYYY-MM-DD'. */
const today = () => toIsoDay(new Date());
const orNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

// ---------------------------------------------------------------- reading

async function mergedSections(db: Database, plan: PlanRow, instruction: TEffectiveInstruction, rows?: Awaited<ReturnType<typeof repo.listSections>>) {
  const own = rows ?? (await repo.listSections(db, [plan.id]));
  const byKey = new Map(own.map((r) => [r.key, r]));
  const sections: TSection[] = instruction.sections.map((s) => {
    const r = byKey.get(s.key);
    return {
      key: s.key,
      title: s.title,
      guidance: s.guidance ?? null,
      required: true,
      bodyHtml: r?.body_html ?? '',
      datedOn: r?.dated_on ?? null,
      updatedAt: r ? iso(r.updated_at) : null,
    };
  });
  for (const r of own) {
    if (instruction.sections.some((s) => s.key === r.key)) continue;
    sections.push({ key: r.key, title: r.title, guidance: null, required: false, bodyHtml: r.body_html, datedOn: r.dated_on, updatedAt: iso(r.updated_at) });
  }
  return sections;
}

function runCheck(plan: PlanRow, instruction: TEffectiveInstruction, sections: TSection[], activities: TActivity[]): PlanCheckResult {
  const situation = sections.find((s) => s.key === SITUATION_SECTION_KEY);
  return checkPlan({
    year: plan.year,
    sections: sections.map((s) => ({ key: s.key, title: s.title, bodyHtmlOrText: s.bodyHtml, updatedAt: s.updatedAt })),
    requiredSectionKeys: instruction.sections.map((s) => s.key),
    situationPicture: {
      present: !!situation && plainText(situation.bodyHtml) !== '',
      datedYear: situation?.datedOn ? Number(situation.datedOn.slice(0, 4)) : null,
    },
    activities,
    measureAreaGapExplanations: plan.measure_area_gaps ?? {},
    requiredActivityFields: instruction.requiredActivityFields,
  });
}

async function snapshotOf(db: Database, plan: PlanRow): Promise<TPlanSnapshot> {
  const instruction = await effectiveInstruction(db, plan.municipality_id, plan.year);
  const sections = await mergedSections(db, plan, instruction);
  const activities = (await repo.listActivities(db, [plan.id])).map(presentActivity);
  return {
    status: plan.status,
    year: plan.year,
    boardName: plan.board_name,
    decidedOn: plan.decided_on,
    paragraph: plan.paragraph,
    sections: sections.map((s) => ({ key: s.key, title: s.title, bodyHtml: s.bodyHtml, datedOn: s.datedOn })),
    activities,
    measureAreaGaps: Object.fromEntries(Object.entries(plan.measure_area_gaps ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
  };
}

async function planDetail(db: Database, actor: PlanActor, plan: PlanRow): Promise<TPlan> {
  const instruction = await effectiveInstruction(db, plan.municipality_id, plan.year);
  const sections = await mergedSections(db, plan, instruction);
  const activities = (await repo.listActivities(db, [plan.id])).map(presentActivity);
  const removed = await repo.listActivities(db, [plan.id], { deleted: true });
  const transitions = await repo.listTransitions(db, plan.id);
  const reviews = await repo.listReviews(db, plan.id);
  const versions = await repo.listVersions(db, plan.id);
  const next = await repo.findNextYearPlan(db, plan.id);
  const central = canReviewPlanOf(actor, plan.board_id);
  const open = reviews.find((r) => r.transition_id === null);
  return {
    ...presentPlanSummary({ ...plan, activity_count: activities.length }),
    instructions: instruction,
    sections,
    activities,
    removedActivities: removed.map((a) => ({ id: a.id, title: a.title, deletedAt: iso(a.deleted_at!) })),
    measureAreaGaps: plan.measure_area_gaps ?? {},
    allowedTransitions: allowedTransitions(plan.status, actor.roles, plan.board_id),
    canWrite: canWritePlanOf(actor, plan.board_id),
    canEdit: canWritePlanOf(actor, plan.board_id) && isContentEditable(plan.status),
    canReview: central && plan.status === 'in_review',
    review: central && open && plan.status === 'in_review' ? presentReview(open) : null,
    timeline: transitions.map((t) => {
      const review = reviews.find((r) => r.transition_id === t.id);
      return {
        id: t.id,
        from: t.from_status as PlanState,
        to: t.to_status as PlanState,
        at: iso(t.at),
        actorName: t.actor_name,
        comment: t.comment,
        decidedOn: t.decided_on,
        paragraph: t.paragraph,
        versionNumber: t.version_number,
        review: review ? presentReview(review) : null,
      };
    }),
    versions: versions.map((v) => ({ number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at) })),
    nextYearPlanId: next?.id ?? null,
  };
}

export async function listPlans(opts: { db: Database; actor: PlanActor; query: { boardId?: string; year?: number } }) {
  const boards = planScope(opts.actor, 'plans.list');
  const rows = await repo.listPlans(opts.db, { municipalityId: opts.actor.municipalityId, boards, ...opts.query });
  return rows.map(presentPlanSummary);
}

export async function getPlan(opts: { db: Database; actor: PlanActor; planId: string }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  return planDetail(opts.db, opts.actor, plan);
}

export async function getPlanCheck(opts: { db: Database; actor: PlanActor; planId: string }): Promise<TCheckResult> {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const instruction = await effectiveInstruction(opts.db, plan.municipality_id, plan.year);
  const sections = await mergedSections(opts.db, plan, instruction);
  const activities = (await repo.listActivities(opts.db, [plan.id])).map(presentActivity);
  return runCheck(plan, instruction, sections, activities);
}

// ---------------------------------------------------------------- workflow

/** Moves the plan, keeps a snapshot as a new version, logs who, when and why. Rights are checked by the caller. */
async function applyTransition(
  trx: Database,
  actor: PlanActor,
  plan: PlanRow,
  to: PlanState,
  input: { comment?: string | null; decidedOn?: string | null; paragraph?: string | null },
  auto = false,
) {
  const from = plan.status;
  await repo.updatePlan(trx, plan.id, {
    status: to,
    ...(to === 'board_decided' && { decided_on: input.decidedOn!.trim(), paragraph: input.paragraph!.trim() }),
    // Undoing the registered decision before submission clears it.
    ...(to === 'draft' && from === 'board_decided' && { decided_on: null, paragraph: null }),
  });
  const updated = (await repo.findPlan(trx, plan.id))!;
  const number = await repo.nextVersionNumber(trx, plan.id);
  await repo.insertVersion(trx, { plan_id: plan.id, number, status: to, snapshot: await snapshotOf(trx, updated), created_by: actorUserId(actor) });
  const transition = await repo.insertTransition(trx, {
    plan_id: plan.id,
    from_status: from,
    to_status: to,
    actor_id: actorUserId(actor),
    actor_name: actor.name,
    comment: orNull(input.comment),
    decided_on: to === 'board_decided' ? updated.decided_on : null,
    paragraph: to === 'board_decided' ? updated.paragraph : null,
    version_number: number,
  });
  if (to === 'returned' || to === 'approved') {
    const open = await repo.findOpenReview(trx, plan.id);
    if (open) await repo.updateReview(trx, open.id, { transition_id: transition.id });
  }
  await recordAudit(trx, actor, {
    action: 'plans.transition',
    entity: 'plan',
    entityId: plan.id,
    boardId: plan.board_id,
    summary: { year: plan.year, from, to, version: number, ...(auto && { automatic: true }) },
  });
  return updated;
}

export async function transitionPlan(opts: { db: Database; actor: PlanActor; planId: string; input: TTransitionRequest; now?: Date }) {
  return opts.db.transaction().execute(async (trx) => {
    await planForRead(trx, opts.actor, opts.planId);
    await repo.lockPlan(trx, opts.planId);
    const plan = (await repo.findPlan(trx, opts.planId))!;
    const open = await repo.findOpenReview(trx, plan.id);
    const reviewFilled = !!open && (open.items.some((i) => i.result !== null) || !!open.comment?.trim());
    const decision = planTransition({
      from: plan.status,
      to: opts.input.to,
      actorRoles: opts.actor.roles,
      planBoardId: plan.board_id,
      input: { comment: opts.input.comment, decidedOn: opts.input.decidedOn, paragraph: opts.input.paragraph, reviewFilled },
      today: opts.now ?? new Date(),
    });
    if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message, decision.fields);
    const updated = await applyTransition(trx, opts.actor, plan, opts.input.to, opts.input);
    return planDetail(trx, opts.actor, updated);
  });
}

/** Saves the central coordinator's review (criteria × pass/partly/fail + comments) while the plan is in review. */
export async function saveReview(opts: { db: Database; actor: PlanActor; planId: string; input: TReviewRequest }): Promise<TReview> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForRead(trx, opts.actor, opts.planId);
    if (!canReviewPlanOf(opts.actor, plan.board_id)) throw forbidden();
    await repo.lockPlan(trx, plan.id);
    const fresh = (await repo.findPlan(trx, plan.id))!;
    if (fresh.status !== 'in_review') {
      throw conflict(`Granskningen kan bara fyllas i när planen är under granskning. Nu: ${STATUS_LABELS_SV[fresh.status]}.`, 'not_in_review');
    }
    const instruction = await effectiveInstruction(trx, plan.municipality_id, plan.year);
    const unknown = opts.input.items.filter((i) => !instruction.reviewCriteria.some((c) => c.id === i.criterionId));
    if (unknown.length) {
      throw unprocessable(
        'unknown_criterion',
        'Granskningen innehåller kriterier som inte finns i årets anvisningar.',
        unknown.map((u) => ({ field: `items.${opts.input.items.indexOf(u)}.criterionId`, message: `Okänt kriterium: ${u.criterionId}.` })),
      );
    }
    const items = instruction.reviewCriteria.map((c) => {
      const given = opts.input.items.find((i) => i.criterionId === c.id);
      return { criterionId: c.id, text: c.text, result: given?.result ?? null, comment: orNull(given?.comment) };
    });
    const open = await repo.findOpenReview(trx, plan.id);
    const row = open
      ? await repo.updateReview(trx, open.id, { items, comment: orNull(opts.input.comment), reviewer_id: actorUserId(opts.actor), reviewer_name: opts.actor.name })
      : await repo.insertReview(trx, { plan_id: plan.id, items, comment: orNull(opts.input.comment), reviewer_id: actorUserId(opts.actor), reviewer_name: opts.actor.name });
    await recordAudit(trx, opts.actor, {
      action: 'plans.review',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: {
        year: plan.year,
        pass: items.filter((i) => i.result === 'pass').length,
        partly: items.filter((i) => i.result === 'partly').length,
        fail: items.filter((i) => i.result === 'fail').length,
      },
    });
    return presentReview(row);
  });
}

// ---------------------------------------------------------------- creating and editing

function uniqueViolation(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === '23505';
}

export async function createPlan(opts: { db: Database; actor: PlanActor; input: TCreatePlanRequest }) {
  try {
    return await opts.db.transaction().execute(async (trx) => {
      const board = await orgs.findBoard(trx, opts.input.boardId);
      if (!board || board.municipality_id !== opts.actor.municipalityId) {
        throw unprocessable('unknown_board', 'Nämnden finns inte.', [{ field: 'boardId', message: 'Välj en nämnd som finns.' }]);
      }
      if (!canOn(opts.actor, 'plans.create', board.id)) throw forbidden();
      if (await repo.findPlanByBoardYear(trx, board.id, opts.input.year)) {
        throw conflict(`${board.name} har redan en plan för ${opts.input.year}.`, 'duplicate');
      }
      const { id } = await repo.insertPlan(trx, { board_id: board.id, year: opts.input.year, created_by: actorUserId(opts.actor) });
      const instruction = await effectiveInstruction(trx, opts.actor.municipalityId, opts.input.year);
      await repo.insertSections(
        trx,
        instruction.sections.map((s, i) => ({ plan_id: id, key: s.key, title: s.title, body_html: '', dated_on: null, position: i, updated_by: null })),
      );
      await recordAudit(trx, opts.actor, { action: 'plans.create', entity: 'plan', entityId: id, boardId: board.id, summary: { year: opts.input.year } });
      return planDetail(trx, opts.actor, (await repo.findPlan(trx, id))!);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict(`Nämnden har redan en plan för ${opts.input.year}.`, 'duplicate');
    throw e;
  }
}

/**
 * A plan the actor may edit now: content changes only in draft or returned. A returned plan is
 * reopened as a draft first, recorded as its own move (the board has started its revision).
 */
async function planForEdit(trx: Database, actor: PlanActor, planId: string) {
  const plan = await planForWrite(trx, actor, planId);
  if (!isContentEditable(plan.status)) {
    throw conflict(
      `Planen kan bara ändras när den är ett utkast eller återremitterad. Status nu: ${STATUS_LABELS_SV[plan.status]}.`,
      'not_editable',
    );
  }
  const reopen = autoReopenOnEdit(plan.status);
  if (reopen) return applyTransition(trx, actor, plan, reopen.to, { comment: AUTO_REOPEN_COMMENT_SV }, true);
  return plan;
}

type ActivityInput = Partial<TCreateActivityRequest>;

async function activityProblems(trx: Database, actor: PlanActor, plan: PlanRow, input: ActivityInput, prefix = ''): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const ids = [...new Set(input.guidelineElementIds ?? [])];
  if (ids.length) {
    const found = await repo.existingElementIds(trx, actor.municipalityId, ids);
    if (found.length !== ids.length) problems.push({ field: `${prefix}guidelineElementIds`, message: 'Välj delar av styrdokument som finns.' });
  }
  if (input.responsibleUnitId) {
    const unit = await orgs.findUnit(trx, input.responsibleUnitId);
    if (!unit || unit.board_id !== plan.board_id) problems.push({ field: `${prefix}responsibleUnitId`, message: 'Välj en enhet i nämnden.' });
  }
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
    timeline: a.timeline,
    start_date: a.startDate ?? null,
    end_date: a.endDate ?? null,
    follow_up: a.followUp,
    indicators: (a.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: orNull(i.baseline), target: orNull(i.target) })),
  };
}

export async function createActivity(opts: { db: Database; actor: PlanActor; planId: string; input: TCreateActivityRequest }): Promise<TActivity> {
  // Also called inside another use case's transaction (a new activity created from an audit measure).
  return inTransaction(opts.db, async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const problems = await activityProblems(trx, opts.actor, plan, opts.input);
    if (problems.length) throw unprocessable('invalid_activity', 'Insatsen kunde inte sparas. Rätta fälten och försök igen.', problems);
    const [row] = await repo.insertActivities(trx, [activityValues(plan.id, await repo.nextActivityPosition(trx, plan.id), opts.input)]);
    await activityChanged(trx, opts.actor, plan, 'plans.activities.create', row.id, { measureArea: row.measure_area });
    return presentActivity(row);
  });
}

/**
 * Adds many activities in one transaction (the import of activity tables): all or none, with the
 * same rights and state rules as adding one, and one audit entry.
 */
export async function addActivities(opts: { db: Database; actor: PlanActor; planId: string; activities: TCreateActivityRequest[] }): Promise<TActivity[]> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const problems: FieldError[] = [];
    for (const [i, a] of opts.activities.entries()) problems.push(...(await activityProblems(trx, opts.actor, plan, a, `activities.${i}.`)));
    if (problems.length) throw unprocessable('invalid_activity', 'Insatserna kunde inte sparas. Rätta fälten och försök igen.', problems);
    const start = await repo.nextActivityPosition(trx, plan.id);
    const rows = await repo.insertActivities(
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
async function activityChanged(trx: Database, actor: PlanActor, plan: PlanRow, action: string, activityId: string, extra: Record<string, unknown> = {}) {
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
  const activity = await repo.findActivity(trx, activityId);
  if (!activity || activity.plan_id !== plan.id || activity.deleted_at) throw notFound('Insatsen');
  return activity;
}

export async function updateActivity(opts: { db: Database; actor: PlanActor; planId: string; activityId: string; input: TUpdateActivityRequest }) {
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
    const row = await repo.updateActivity(trx, before.id, {
      title: i.title,
      description: keep(i.description, orNull) as string | null | undefined,
      measure_area: i.measureArea,
      perspective: keep(i.perspective, orNull) as string | null | undefined,
      guideline_element_ids: keep(i.guidelineElementIds, (x) => [...new Set(x)]) as string[] | undefined,
      responsible: i.responsible,
      responsible_unit_id: i.responsibleUnitId,
      partners: keep(i.partners, orNull) as string | null | undefined,
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
    return presentActivity(row);
  });
}

/** Removes an activity from the plan; the row stays (soft delete), so versions and history keep it. */
export async function deleteActivity(opts: { db: Database; actor: PlanActor; planId: string; activityId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const activity = await activityOf(trx, plan, opts.activityId);
    await repo.softDeleteActivity(trx, activity.id, actorUserId(opts.actor));
    await activityChanged(trx, opts.actor, plan, 'plans.activities.delete', activity.id);
  });
}

/** Undoes a removal: the activity returns to the plan, with its follow-up history intact. */
export async function restoreActivity(opts: { db: Database; actor: PlanActor; planId: string; activityId: string }): Promise<TActivity> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const activity = await repo.findActivity(trx, opts.activityId);
    if (!activity || activity.plan_id !== plan.id || !activity.deleted_at) throw notFound('Den borttagna insatsen');
    const row = await repo.restoreActivity(trx, activity.id, await repo.nextActivityPosition(trx, plan.id));
    await activityChanged(trx, opts.actor, plan, 'plans.activities.restore', activity.id);
    return presentActivity(row);
  });
}

export async function reorderActivities(opts: { db: Database; actor: PlanActor; planId: string; activityIds: string[] }) {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const live = await repo.listActivities(trx, [plan.id]);
    const given = new Set(opts.activityIds);
    if (given.size !== opts.activityIds.length || given.size !== live.length || live.some((a) => !given.has(a.id))) {
      throw unprocessable('invalid_order', 'Ordningen måste innehålla alla planens insatser, var och en en gång.', [
        { field: 'activityIds', message: 'Ange alla planens insatser, var och en en gång.' },
      ]);
    }
    for (const [i, id] of opts.activityIds.entries()) await repo.setActivityPosition(trx, id, i + 1);
    await repo.touchPlan(trx, plan.id);
    await recordAudit(trx, opts.actor, {
      action: 'plans.activities.reorder',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: { year: plan.year, count: live.length },
    });
    return (await repo.listActivities(trx, [plan.id])).map(presentActivity);
  });
}

export async function updateSection(opts: { db: Database; actor: PlanActor; planId: string; key: string; input: TUpdateSectionRequest }): Promise<TSection> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const instruction = await effectiveInstruction(trx, plan.municipality_id, plan.year);
    const own = await repo.listSections(trx, [plan.id]);
    const required = instruction.sections.findIndex((s) => s.key === opts.key);
    const existing = own.find((s) => s.key === opts.key);
    if (required < 0 && !existing) throw notFound('Avsnittet');
    const body = sanitizeSectionHtml(textToHtml(opts.input.bodyHtml));
    // The situation picture describes events and places: like every such text it may not point
    // at a person (personnummer, phone, e-mail, street address).
    if (opts.key === SITUATION_SECTION_KEY) {
      const problems = checkFields({ bodyHtml: plainText(body) }, { subject: 'lägesbilden' });
      if (problems.length) {
        throw unprocessable(
          'personal_data',
          'Lägesbilden innehåller personuppgifter. Ta bort dem och spara igen.',
          problems.map((p) => ({ field: p.field, message: p.message })),
        );
      }
    }
    // A section's date says when its content was last brought up to date (the check reads the
    // situation picture's); it follows the text unless the author sets it.
    const datedOn =
      opts.input.datedOn !== undefined ? opts.input.datedOn : existing && existing.body_html === body ? existing.dated_on : body ? today() : null;
    await repo.upsertSection(trx, {
      plan_id: plan.id,
      key: opts.key,
      title: required >= 0 ? instruction.sections[required].title : existing!.title,
      body_html: body,
      dated_on: datedOn,
      position: required >= 0 ? required : existing!.position,
      updated_by: actorUserId(opts.actor),
    });
    await repo.touchPlan(trx, plan.id);
    await recordAudit(trx, opts.actor, {
      action: 'plans.sections.update',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: { year: plan.year, section: opts.key, empty: body === '' },
    });
    const fresh = (await repo.findPlan(trx, plan.id))!;
    return (await mergedSections(trx, fresh, instruction)).find((s) => s.key === opts.key)!;
  });
}

export async function updatePlan(opts: { db: Database; actor: PlanActor; planId: string; input: TUpdatePlanRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    if (opts.input.measureAreaGaps) {
      const gaps = Object.fromEntries(Object.entries(opts.input.measureAreaGaps).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<
        string,
        string
      >;
      await repo.updatePlan(trx, plan.id, { measure_area_gaps: gaps });
      await recordAudit(trx, opts.actor, {
        action: 'plans.update',
        entity: 'plan',
        entityId: plan.id,
        boardId: plan.board_id,
        summary: { year: plan.year, measureAreaGapsExplained: Object.keys(gaps) },
      });
    }
    return planDetail(trx, opts.actor, (await repo.findPlan(trx, plan.id))!);
  });
}

// ---------------------------------------------------------------- annual revision

/**
 * "Start next year's plan": a copy of the plan for the next year, as a draft. Each carried-over
 * activity points at its source, so last year's final status can be shown beside it.
 */
export async function copyToNextYear(opts: { db: Database; actor: PlanActor; planId: string }) {
  try {
    return await opts.db.transaction().execute(async (trx) => {
      const source = await planForWrite(trx, opts.actor, opts.planId);
      const year = source.year + 1;
      if (await repo.findPlanByBoardYear(trx, source.board_id, year)) {
        throw conflict(`${source.board_name} har redan en plan för ${year}.`, 'duplicate');
      }
      const { id } = await repo.insertPlan(trx, {
        board_id: source.board_id,
        year,
        created_by: actorUserId(opts.actor),
        previous_plan_id: source.id,
        measure_area_gaps: source.measure_area_gaps ?? {},
      });
      const sections = await repo.listSections(trx, [source.id]);
      await repo.insertSections(
        trx,
        sections.map((s) => ({
          plan_id: id,
          key: s.key,
          title: s.title,
          body_html: s.body_html,
          dated_on: s.dated_on,
          position: s.position,
          updated_by: actorUserId(opts.actor),
        })),
      );
      const activities = await repo.listActivities(trx, [source.id]);
      await repo.insertActivities(
        trx,
        activities.map((a, i) => ({
          plan_id: id,
          position: i + 1,
          title: a.title,
          description: a.description,
          measure_area: a.measure_area,
          perspective: a.perspective,
          guideline_element_ids: a.guideline_element_ids ?? [],
          responsible: a.responsible,
          responsible_unit_id: a.responsible_unit_id,
          partners: a.partners,
          timeline: a.timeline,
          start_date: a.start_date,
          end_date: a.end_date,
          follow_up: a.follow_up,
          indicators: a.indicators ?? [],
          carried_over_from_activity_id: a.id,
          previous_year_final_status: null,
        })),
      );
      await recordAudit(trx, opts.actor, {
        action: 'plans.copy',
        entity: 'plan',
        entityId: id,
        boardId: source.board_id,
        summary: { fromPlanId: source.id, fromYear: source.year, year, activities: activities.length },
      });
      return planDetail(trx, opts.actor, (await repo.findPlan(trx, id))!);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict('Nämnden har redan en plan för nästa år.', 'duplicate');
    throw e;
  }
}

/**
 * For the follow-up capability: records last year's final status of `sourceActivityId` on every
 * activity carried over from it into a later plan. Runs inside the caller's transaction; it is a
 * fact about last year, so it is recorded whatever state the new plan is in.
 */
export async function recordPreviousYearFinalStatus(opts: { trx: Database; actor: PlanActor; sourceActivityId: string; status: FinalStatus | null }) {
  const updated = await repo.setFinalStatusOfCarriedOver(opts.trx, opts.sourceActivityId, opts.status);
  for (const u of updated) {
    const plan = await repo.findPlan(opts.trx, u.plan_id);
    await recordAudit(opts.trx, opts.actor, {
      action: 'plans.activities.final_status',
      entity: 'plan_activity',
      entityId: u.id,
      boardId: plan?.board_id ?? null,
      summary: { planId: u.plan_id, sourceActivityId: opts.sourceActivityId, status: opts.status },
    });
  }
  return updated.length;
}

// ---------------------------------------------------------------- versions and comparison

export async function listVersions(opts: { db: Database; actor: PlanActor; planId: string }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  return (await repo.listVersions(opts.db, plan.id)).map((v) => ({ number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at) }));
}

export async function getVersion(opts: { db: Database; actor: PlanActor; planId: string; number: number }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const v = await repo.findVersion(opts.db, plan.id, opts.number);
  if (!v) throw notFound('Versionen');
  return { planId: plan.id, number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at), snapshot: v.snapshot as TPlanSnapshot };
}

async function resolveRef(db: Database, actor: PlanActor, ref: string) {
  const [planId, version] = ref.split(':');
  const plan = await planForRead(db, actor, planId.toLowerCase());
  if (version === undefined) return { ref, plan, version: null, snapshot: await snapshotOf(db, plan) };
  const v = await repo.findVersion(db, plan.id, Number(version));
  if (!v) throw notFound('Versionen');
  return { ref, plan, version: v.number, snapshot: v.snapshot as TPlanSnapshot };
}

const toSection = (s: TPlanSnapshot['sections'][number]): PlanSection => ({ key: s.key, title: s.title, bodyHtmlOrText: s.bodyHtml });

/** What was added, changed and removed between two plans (years) or two versions of one. */
export async function comparePlans(opts: { db: Database; actor: PlanActor; from: string; to: string }): Promise<TCompareResult> {
  const a = await resolveRef(opts.db, opts.actor, opts.from);
  const b = await resolveRef(opts.db, opts.actor, opts.to);
  const diff = diffPlans(
    { activities: a.snapshot.activities, sections: a.snapshot.sections.map(toSection) },
    { activities: b.snapshot.activities, sections: b.snapshot.sections.map(toSection) },
  );
  const side = (x: typeof a) => ({ ref: x.ref, planId: x.plan.id, boardName: x.plan.board_name, year: x.plan.year, version: x.version, status: x.snapshot.status });
  return {
    from: side(a),
    to: side(b),
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map((c) => ({ before: c.before, after: c.after, fields: c.fields })),
    unchanged: diff.unchanged,
    sections: {
      added: diff.sections.added.map((s) => ({ key: s.key, title: s.title, after: s.bodyHtmlOrText })),
      removed: diff.sections.removed.map((s) => ({ key: s.key, title: s.title, before: s.bodyHtmlOrText })),
      changed: diff.sections.changed,
      unchanged: diff.sections.unchanged.map((s) => ({ key: s.key, title: s.title })),
    },
  };
}

// ---------------------------------------------------------------- overview

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** All boards the actor reads × the year's plan: status, check score, deadline; and the coverage matrix. */
export async function getOverview(opts: { db: Database; actor: PlanActor; year?: number }): Promise<TOverview> {
  const now = today();
  const year = opts.year ?? Number(now.slice(0, 4));
  const municipalityId = opts.actor.municipalityId;
  const scope = planScope(opts.actor, 'plans.overview');
  const boards = await repo.listBoardsIn(opts.db, municipalityId, scope);
  const plans = await repo.listPlans(opts.db, { municipalityId, boards: scope, year });
  const instruction = await effectiveInstruction(opts.db, municipalityId, year);
  const planIds = plans.map((p) => p.id);
  const sectionRows = await repo.listSections(opts.db, planIds);
  const activities = (await repo.listActivities(opts.db, planIds)).map(presentActivity);
  const elements = await repo.listActiveElements(opts.db, municipalityId);
  const deadline = instruction.deadline;
  const daysToDeadline = deadline ? dayNumber(deadline) - dayNumber(now) : null;

  const coverage: Record<string, Record<string, number>> = {};
  const rows = [];
  for (const board of boards) {
    const plan = plans.find((p) => p.board_id === board.id);
    let summary: TOverview['boards'][number]['plan'] = null;
    if (plan) {
      const own = activities.filter((a) => a.planId === plan.id);
      const sections = await mergedSections(opts.db, plan, instruction, sectionRows.filter((s) => s.plan_id === plan.id));
      const { score } = runCheck(plan, instruction, sections, own);
      summary = { id: plan.id, status: plan.status, score, activityCount: own.length, lastChange: iso(plan.updated_at) };
      const counts: Record<string, number> = {};
      for (const e of elements) {
        const n = own.filter(
          (a) =>
            a.guidelineElementIds.includes(e.id) ||
            (e.kind === 'measure_area' && e.key !== null && a.measureArea === e.key) ||
            (e.kind === 'perspective' && a.perspective !== null && a.perspective.toLowerCase() === e.label.toLowerCase()),
        ).length;
        if (n) counts[e.id] = n;
      }
      coverage[board.id] = counts;
    }
    const done = plan && (plan.status === 'submitted' || plan.status === 'in_review' || plan.status === 'approved');
    rows.push({
      boardId: board.id,
      boardName: board.name,
      kind: board.kind,
      plan: summary,
      daysToDeadline,
      late: daysToDeadline !== null && daysToDeadline < 0 && !done,
    });
  }
  return {
    year,
    deadline,
    today: now,
    boards: rows,
    elements: elements.map((e) => ({ id: e.id, documentTitle: e.document_short_title ?? e.document_title, kind: e.kind, label: e.label })),
    coverage,
  };
}

// ---------------------------------------------------------------- for the export and import of plans

export type PlanForExport = PlanDocumentModel & { planId: string; boardId: string };

/** The plan as the DOCX/PDF renderers need it, after the same read check as GET /api/plans/:id. */
export async function getPlanForExport(opts: { db: Database; actor: PlanActor; planId: string }): Promise<PlanForExport> {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const instruction = await effectiveInstruction(opts.db, plan.municipality_id, plan.year);
  const sections = await mergedSections(opts.db, plan, instruction);
  const activities = (await repo.listActivities(opts.db, [plan.id])).map(presentActivity);
  return {
    planId: plan.id,
    boardId: plan.board_id,
    municipality: await repo.municipalityName(opts.db, plan.municipality_id),
    boardName: plan.board_name,
    year: plan.year,
    status: plan.status,
    statusLabel: plan.status === 'approved' ? 'Godkänd av kommunstyrelsen' : STATUS_LABELS_SV[plan.status],
    decidedOn: plan.decided_on,
    paragraph: plan.paragraph,
    generatedOn: today(),
    sections: sections.filter((s) => plainText(s.bodyHtml) !== '').map((s) => ({ title: s.title, html: s.bodyHtml })),
    activities: activities.map((a) => ({
      measureArea: a.measureArea,
      title: a.title,
      description: a.description,
      responsible: a.responsible,
      partners: a.partners,
      timeline: a.timeline,
      followUp: a.followUp,
      indicators: a.indicators.map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? null, target: i.target ?? null })),
    })),
  };
}
