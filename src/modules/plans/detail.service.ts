import type { Database } from '../../db/database.js';
import type { PlanDocumentModel } from '../../documents/plan/model.js';
import { todayInSweden } from '../../domain/calendar.js';
import { checkPlan, type PlanCheckResult } from '../../domain/plans/check.js';
import { plainText } from '../../domain/plans/model.js';
import { allowedTransitions, isContentEditable, STATUS_LABELS_SV, type PlanState } from '../../domain/plans/workflow.js';
import { DECIDABLE_STATES, OUTCOME_LABELS_SV, RESERVATION_KIND_LABELS_SV } from '../../domain/plans/decisions.js';
import { canOn, type ServiceActor } from '../../domain/policy/index.js';
import { planCheckContext, type PlanCheckContext } from '../collaboration/strategy.service.js';
import { canReviewPlanOf, canWritePlanOf, planForRead, planScope } from './access.js';
import { decisionsOf } from './decisions.service.js';
import { SITUATION_SECTION_KEY } from './defaults.js';
import { effectiveInstruction } from './governance-service.js';
import { iso, presentActivity, presentPlanSummary, presentReview } from './presenters.js';
import * as repo from './repo.js';
import type { PlanRow } from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import * as workflowRepo from './repo-workflow.js';
import type { TActivity, TCheckResult, TEffectiveInstruction, TPlan, TPlanSnapshot, TSection } from './schema.js';

/** Reading a plan: its sections merged with the year's instruction, the check, the detail page, the export model. */

export async function mergedSections(db: Database, plan: PlanRow, instruction: TEffectiveInstruction, rows?: Awaited<ReturnType<typeof repo.listSections>>) {
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

export function runCheck(plan: PlanRow, instruction: TEffectiveInstruction, sections: TSection[], activities: TActivity[], collaboration: PlanCheckContext): PlanCheckResult {
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
    partnerTypes: { required: instruction.requiredPartnerTypes, typeOf: collaboration.typeOf },
    civilSocietyStrategy: { present: collaboration.withStrategy.has(plan.board_id) },
  });
}

export async function snapshotOf(db: Database, plan: PlanRow): Promise<TPlanSnapshot> {
  const instruction = await effectiveInstruction(db, plan.municipality_id, plan.year);
  const sections = await mergedSections(db, plan, instruction);
  const activities = (await activitiesRepo.listActivities(db, [plan.id])).map(presentActivity);
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

export async function planDetail(db: Database, actor: ServiceActor, plan: PlanRow): Promise<TPlan> {
  const instruction = await effectiveInstruction(db, plan.municipality_id, plan.year);
  const sections = await mergedSections(db, plan, instruction);
  const activities = (await activitiesRepo.listActivities(db, [plan.id])).map(presentActivity);
  const removed = await activitiesRepo.listActivities(db, [plan.id], { deleted: true });
  const transitions = await workflowRepo.listTransitions(db, plan.id);
  const reviews = await workflowRepo.listReviews(db, plan.id);
  const versions = await workflowRepo.listVersions(db, plan.id);
  const next = await repo.findNextYearPlan(db, plan.id);
  const decisions = await decisionsOf(db, [plan.id]);
  const revisions = await repo.listRevisionsOf(db, plan.id);
  const openRevision = revisions.find((r) => r.status !== 'approved' && r.status !== 'superseded');
  const successor = revisions.find((r) => r.status === 'approved' || r.status === 'superseded');
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
    decisions,
    canRecordDecision: canOn(actor, 'plans.decisions.create', plan.board_id) && DECIDABLE_STATES.includes(plan.status),
    canRevise: canOn(actor, 'plans.revise', plan.board_id) && plan.status === 'approved' && !openRevision,
    openRevisionId: openRevision?.id ?? null,
    supersededById: plan.status === 'superseded' ? (successor?.id ?? null) : null,
    versions: versions.map((v) => ({ number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at) })),
    nextYearPlanId: next?.id ?? null,
  };
}

export async function listPlans(opts: { db: Database; actor: ServiceActor; query: { boardId?: string; year?: number } }) {
  const boards = planScope(opts.actor, 'plans.list');
  const rows = await repo.listPlans(opts.db, { municipalityId: opts.actor.municipalityId, boards, ...opts.query });
  return rows.map(presentPlanSummary);
}

export async function getPlan(opts: { db: Database; actor: ServiceActor; planId: string }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  return planDetail(opts.db, opts.actor, plan);
}

export async function getPlanCheck(opts: { db: Database; actor: ServiceActor; planId: string }): Promise<TCheckResult> {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const instruction = await effectiveInstruction(opts.db, plan.municipality_id, plan.year);
  const sections = await mergedSections(opts.db, plan, instruction);
  const activities = (await activitiesRepo.listActivities(opts.db, [plan.id])).map(presentActivity);
  return runCheck(plan, instruction, sections, activities, await planCheckContext(opts.db, plan.municipality_id, [plan.board_id]));
}

// ---------------------------------------------------------------- for the export and import of plans

export type PlanForExport = PlanDocumentModel & { planId: string; boardId: string };

/** The plan as the DOCX/PDF renderers need it, after the same read check as GET /api/plans/:id. */
export async function getPlanForExport(opts: { db: Database; actor: ServiceActor; planId: string }): Promise<PlanForExport> {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const instruction = await effectiveInstruction(opts.db, plan.municipality_id, plan.year);
  const sections = await mergedSections(opts.db, plan, instruction);
  const activities = (await activitiesRepo.listActivities(opts.db, [plan.id])).map(presentActivity);
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
    approvedOn: plan.approved_on,
    approvedParagraph: plan.approved_paragraph,
    revisionReason: plan.revision_reason,
    decisions: (await decisionsOf(opts.db, [plan.id])).map((d) => ({
      meetingOn: d.meetingOn,
      paragraph: d.paragraph,
      caseNumber: d.caseNumber,
      outcome: OUTCOME_LABELS_SV[d.outcome],
      proposals: d.proposals.map((p) => ({ by: p.by, text: p.text, adopted: p.result === 'adopted' })),
      reservations: d.reservations.map((r) => ({ party: r.party, text: r.text, label: RESERVATION_KIND_LABELS_SV[r.kind] })),
      attachments: d.attachments.map((a) => a.name),
    })),
    generatedOn: todayInSweden(),
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
