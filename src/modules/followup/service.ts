/**
 * The follow-up capability's use cases, one file per group (docs/architecture.md): periods
 * (periods.service.ts), reporting on an activity (reporting.service.ts), the activity lists
 * (boards.service.ts), a board's analysis, context indicators, and continuity across a plan's
 * revision (revision.service.ts). Routes, the plans capability and the demo seed import them from here.
 */
export { closePeriod, getDeadlineDefaults, listPeriods, periodInfo, reopenPeriod, setDeadlineDefaults, updatePeriod } from './periods.service.js';
export { activityFollowUp, finalStatusOf, listFollowUps, reportFollowUp } from './reporting.service.js';
export { assignReporters, boardReporters } from './reporters.service.js';
export { boardFollowUp, myActivities } from './boards.service.js';
export { markReported, saveAnalysis } from './analysis.service.js';
export { importContext, listContextValues, setContextLinks, type UploadedFile } from './context.service.js';
