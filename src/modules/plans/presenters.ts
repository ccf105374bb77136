import type { PlanRow } from './repo.js';
import type { ActivityRow } from './repo-activities.js';
import type { InstructionRow } from './repo-governance.js';
import type { TAttachment } from '../attachments/schema.js';
import type { DecisionRow } from './repo-decisions.js';
import type { TActivity, TDecision, TGuidelineElement, TInstruction, TPlanSummary, TReview } from './schema.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentActivity(a: ActivityRow): TActivity {
  return {
    id: a.id,
    planId: a.plan_id,
    position: a.position,
    title: a.title,
    description: a.description,
    measureArea: a.measure_area,
    perspective: a.perspective,
    guidelineElementIds: a.guideline_element_ids ?? [],
    responsible: a.responsible,
    responsibleUnitId: a.responsible_unit_id,
    partners: a.partners,
    partnerIds: a.partner_ids ?? [],
    targetGroups: (a.target_groups ?? []) as TActivity['targetGroups'],
    timeline: a.timeline,
    startDate: a.start_date,
    endDate: a.end_date,
    followUp: a.follow_up,
    indicators: (a.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? null, target: i.target ?? null })),
    carriedOverFromActivityId: a.carried_over_from_activity_id,
    previousYearFinalStatus: a.previous_year_final_status,
    revisedFromActivityId: a.revised_from_activity_id ?? null,
    updatedAt: iso(a.updated_at),
  };
}

export function presentPlanSummary(p: PlanRow & { activity_count?: number | null }): TPlanSummary {
  return {
    id: p.id,
    boardId: p.board_id,
    boardName: p.board_name,
    year: p.year,
    status: p.status,
    decidedOn: p.decided_on,
    paragraph: p.paragraph,
    previousPlanId: p.previous_plan_id,
    revisionOf: p.revision_of,
    revisionReason: p.revision_reason,
    approvedOn: p.approved_on,
    approvedParagraph: p.approved_paragraph,
    activityCount: Number(p.activity_count ?? 0),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

export function presentInstruction(i: InstructionRow): TInstruction {
  return {
    id: i.id,
    year: i.year,
    status: i.status,
    deadline: i.deadline,
    guidance: i.guidance,
    sections: i.sections.map((s) => ({ key: s.key, title: s.title, guidance: s.guidance ?? null })),
    requiredActivityFields: i.required_activity_fields,
    requiredPartnerTypes: i.required_partner_types ?? [],
    reviewCriteria: i.review_criteria,
    publishedAt: i.published_at ? iso(i.published_at) : null,
    updatedAt: iso(i.updated_at),
  };
}

export function presentElement(e: {
  id: string;
  document_id: string;
  kind: TGuidelineElement['kind'];
  key: string | null;
  label: string;
  position: number;
  archived: boolean;
}): TGuidelineElement {
  return { id: e.id, documentId: e.document_id, kind: e.kind, key: e.key, label: e.label, position: e.position, archived: e.archived };
}

export function presentReview(r: {
  id: string;
  reviewer_name: string;
  items: { criterionId: string; text: string; result: 'pass' | 'partly' | 'fail' | null; comment: string | null }[];
  comment: string | null;
  transition_id: string | null;
  updated_at: Date;
}): TReview {
  return {
    id: r.id,
    reviewerName: r.reviewer_name,
    items: r.items,
    comment: r.comment,
    final: r.transition_id !== null,
    updatedAt: iso(r.updated_at),
  };
}

export function presentDecision(d: DecisionRow, attachments: TAttachment[] = []): TDecision {
  return {
    id: d.id,
    planId: d.plan_id,
    meetingOn: d.meeting_on,
    paragraph: d.paragraph,
    caseNumber: d.case_number,
    outcome: d.outcome,
    proposals: d.proposals.map((p) => ({ by: p.by, text: p.text, result: p.result })),
    reservations: d.reservations.map((r) => ({ party: r.party, text: r.text, kind: r.kind ?? 'reservation' })),
    attachments,
    recordedByName: d.recorded_by_name,
    createdAt: iso(d.created_at),
  };
}

export { iso };
