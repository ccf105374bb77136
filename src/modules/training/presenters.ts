import type { CourseKind, TCourse, TPriorityGroup, TTarget } from './schema.js';

export const presentCourse = (c: { id: string; name: string; kind: CourseKind }): TCourse => ({ id: c.id, name: c.name, kind: c.kind });

export const presentTarget = (t: { course_id: string; year: number; target_percent: number }): TTarget => ({
  courseId: t.course_id,
  year: t.year,
  targetPercent: t.target_percent,
});

export const presentGroup = (g: { id: string; year: number; name: string; boardIds: string[]; unitIds: string[] }): TPriorityGroup => ({
  id: g.id,
  year: g.year,
  name: g.name,
  boardIds: g.boardIds,
  unitIds: g.unitIds,
});
