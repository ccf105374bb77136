import type { Database } from '../../db/database.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { DEFAULT_TARGET } from '../../domain/training/status.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { getCourse } from './courses.service.js';
import { presentTarget } from './presenters.js';
import * as repo from './repo.js';

/** Coverage targets per course and year: list, set, remove, and the target that applies in a year. */

export async function listTargets(opts: { db: Database; actor: ServiceActor; courseId?: string }) {
  return (await repo.listTargets(opts.db, opts.actor.municipalityId, opts.courseId)).map(presentTarget);
}

export async function setTarget(opts: { db: Database; actor: ServiceActor; courseId: string; year: number; targetPercent: number }) {
  return opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const before = await repo.findTarget(trx, course.id, opts.year);
    const target = await repo.upsertTarget(trx, { course_id: course.id, year: opts.year, target_percent: opts.targetPercent });
    await recordAudit(trx, opts.actor, {
      action: 'training.targets.set',
      entity: 'training_target',
      entityId: `${course.id}/${opts.year}`,
      summary: { course: course.name, year: opts.year, from: before?.target_percent ?? null, to: target.target_percent },
    });
    return presentTarget(target);
  });
}

export async function deleteTarget(opts: { db: Database; actor: ServiceActor; courseId: string; year: number }) {
  await opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const before = await repo.findTarget(trx, course.id, opts.year);
    if (!before) throw notFound('Målet');
    await repo.deleteTarget(trx, course.id, opts.year);
    await recordAudit(trx, opts.actor, {
      action: 'training.targets.delete',
      entity: 'training_target',
      entityId: `${course.id}/${opts.year}`,
      summary: { course: course.name, year: opts.year, targetPercent: before.target_percent },
    });
  });
}

/** The target that applies in a year: the latest set on or before it, else all staff. */
export async function targetOf(db: Database, courseId: string, year: number) {
  const t = await repo.targetFor(db, courseId, year);
  return t ? { percent: t.target_percent, year: t.year } : { percent: DEFAULT_TARGET, year: null };
}
