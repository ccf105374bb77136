import type { Database } from '../../db/database.js';
import { daysBetween, todayInSweden } from '../../domain/calendar.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { planScope } from './access.js';
import { planCheckContext } from '../collaboration/strategy.service.js';
import { mergedSections, runCheck } from './detail.service.js';
import { effectiveInstruction } from './governance-service.js';
import { iso, presentActivity } from './presenters.js';
import * as repo from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import * as governanceRepo from './repo-governance.js';
import type { TOverview } from './schema.js';

/** All boards the actor reads × the year's plan: status, check score, deadline; and the coverage matrix. */
export async function getOverview(opts: { db: Database; actor: ServiceActor; year?: number }): Promise<TOverview> {
  const now = todayInSweden();
  const year = opts.year ?? Number(now.slice(0, 4));
  const municipalityId = opts.actor.municipalityId;
  const scope = planScope(opts.actor, 'plans.overview');
  const boards = await repo.listBoardsIn(opts.db, municipalityId, scope);
  const plans = await repo.listPlans(opts.db, { municipalityId, boards: scope, year });
  const instruction = await effectiveInstruction(opts.db, municipalityId, year);
  const planIds = plans.map((p) => p.id);
  const sectionRows = await repo.listSections(opts.db, planIds);
  const activities = (await activitiesRepo.listActivities(opts.db, planIds)).map(presentActivity);
  const elements = await governanceRepo.listActiveElements(opts.db, municipalityId);
  const collaboration = await planCheckContext(opts.db, municipalityId, plans.map((p) => p.board_id));
  const deadline = instruction.deadline;
  const daysToDeadline = deadline ? daysBetween(now, deadline) : null;

  const coverage: Record<string, Record<string, number>> = {};
  const partnerTypeCoverage: Record<string, Record<string, number>> = {};
  const rows = [];
  for (const board of boards) {
    const plan = plans.find((p) => p.board_id === board.id);
    let summary: TOverview['boards'][number]['plan'] = null;
    if (plan) {
      const own = activities.filter((a) => a.planId === plan.id);
      const sections = await mergedSections(opts.db, plan, instruction, sectionRows.filter((s) => s.plan_id === plan.id));
      const { score } = runCheck(plan, instruction, sections, own, collaboration);
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
      const byType: Record<string, number> = {};
      for (const a of own) {
        for (const type of new Set(a.partnerIds.map((id) => collaboration.typeOf[id]).filter(Boolean))) byType[type!] = (byType[type!] ?? 0) + 1;
      }
      partnerTypeCoverage[board.id] = byType;
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
    partnerTypeCoverage,
  };
}
