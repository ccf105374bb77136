/**
 * The training capability's use cases, one file per group (docs/architecture.md): the course
 * catalogue (courses.service.ts), targets, priority groups, imports of headcounts and participant
 * lists, and reading coverage (overview, a board's page, the export's data). The arithmetic is in
 * src/domain/training (coverage, trend, roll-up, status). Routes, reports, the demo seed and the
 * bench import them from here.
 */
export { readScope, importScope } from './access.js';
export { createCourse, deleteCourse, listCourses, updateCourse } from './courses.service.js';
export { deleteTarget, listTargets, setTarget } from './targets.service.js';
export { createGroup, deleteGroup, listGroups, updateGroup } from './groups.service.js';
export { importHeadcounts, importParticipants, type UploadedFile } from './imports.service.js';
export { boardDetail, coverageByBoard, exportData, listHeadcounts, overview, type CoverageContext } from './coverage.service.js';
export { DEFAULT_LAGGING_BELOW, DEFAULT_TARGET } from '../../domain/training/status.js';
export { trendDates } from '../../domain/training/trend.js';
