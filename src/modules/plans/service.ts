/**
 * The plans capability's use cases, one file per group (docs/architecture.md): reading
 * (detail.service.ts), creating and editing the plan (plans.service.ts), its sections and
 * activities, the workflow and review, the annual revision, versions and the overview. Routes and
 * other modules import them from here.
 */
export { getPlan, getPlanCheck, getPlanForExport, listPlans, type PlanForExport } from './detail.service.js';
export { createPlan, updatePlan } from './plans.service.js';
export { updateSection } from './sections.service.js';
export { addActivities, createActivity, deleteActivity, reorderActivities, restoreActivity, updateActivity } from './activities.service.js';
export { transitionPlan } from './workflow.service.js';
export { saveReview } from './review.service.js';
export { copyToNextYear, recordPreviousYearFinalStatus } from './annual.service.js';
export { comparePlans, getVersion, listVersions } from './versions.service.js';
export { getOverview } from './overview.service.js';
