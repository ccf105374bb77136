import type { Database } from '../../db/database.js';
import * as repo from './repo.js';
import * as activitiesRepo from './repo-activities.js';
import type { ActivityRow } from './repo-activities.js';

/**
 * Copies a plan's sections and live activities into another plan: next year's plan (annual
 * revision) and a revision during the year share it. `link` says how each copy points back at
 * the activity it came from.
 */
export async function copyPlanContent(
  trx: Database,
  o: {
    sourceId: string;
    targetId: string;
    userId: string | null;
    link: (a: ActivityRow) => Pick<activitiesRepo.ActivityValues, 'carried_over_from_activity_id' | 'previous_year_final_status' | 'revised_from_activity_id'>;
  },
) {
  const sections = await repo.listSections(trx, [o.sourceId]);
  await repo.insertSections(
    trx,
    sections.map((s) => ({
      plan_id: o.targetId,
      key: s.key,
      title: s.title,
      body_html: s.body_html,
      dated_on: s.dated_on,
      position: s.position,
      updated_by: o.userId,
    })),
  );
  const activities = await activitiesRepo.listActivities(trx, [o.sourceId]);
  await activitiesRepo.insertActivities(
    trx,
    activities.map((a, i) => ({
      plan_id: o.targetId,
      position: i + 1,
      title: a.title,
      description: a.description,
      measure_area: a.measure_area,
      perspective: a.perspective,
      guideline_element_ids: a.guideline_element_ids ?? [],
      responsible: a.responsible,
      responsible_unit_id: a.responsible_unit_id,
      partners: a.partners,
      partner_ids: a.partner_ids ?? [],
      target_groups: a.target_groups ?? [],
      timeline: a.timeline,
      start_date: a.start_date,
      end_date: a.end_date,
      follow_up: a.follow_up,
      indicators: a.indicators ?? [],
      ...o.link(a),
    })),
  );
  return { sections: sections.length, activities: activities.length };
}
