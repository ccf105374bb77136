import type { Database } from '../../db/database.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { presentCourse } from './presenters.js';
import * as repo from './repo.js';
import type { TCreateCourseRequest, TUpdateCourseRequest } from './schema.js';

/** The course catalogue: list, add, rename, remove (a course with completions stays). */

/** A course of the actor's municipality, else 404. */
export async function getCourse(db: Database, municipalityId: string, courseId: string) {
  const course = await repo.findCourse(db, courseId);
  if (!course || course.municipality_id !== municipalityId) throw notFound('Kursen');
  return course;
}

/** The course asked for, or the web-based basic training (the first course when there is none). */
export async function courseFor(db: Database, municipalityId: string, courseId?: string) {
  if (courseId) return getCourse(db, municipalityId, courseId);
  const courses = await repo.listCourses(db, municipalityId);
  const course = courses.find((c) => c.kind === 'web_basic') ?? courses[0];
  if (!course) throw notFound('Kursen');
  return course;
}

export async function listCourses(opts: { db: Database; actor: ServiceActor }) {
  return (await repo.listCourses(opts.db, opts.actor.municipalityId)).map(presentCourse);
}

export async function createCourse(opts: { db: Database; actor: ServiceActor; input: TCreateCourseRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    if (await repo.findCourseByName(trx, opts.actor.municipalityId, opts.input.name)) {
      throw conflict(`Det finns redan en kurs som heter ${opts.input.name}.`, 'duplicate');
    }
    const course = await repo.insertCourse(trx, { municipality_id: opts.actor.municipalityId, name: opts.input.name, kind: opts.input.kind });
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.create',
      entity: 'training_course',
      entityId: course.id,
      summary: { name: course.name, kind: course.kind },
    });
    return presentCourse(course);
  });
}

export async function updateCourse(opts: { db: Database; actor: ServiceActor; courseId: string; input: TUpdateCourseRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    if (opts.input.name && opts.input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findCourseByName(trx, opts.actor.municipalityId, opts.input.name)) {
        throw conflict(`Det finns redan en kurs som heter ${opts.input.name}.`, 'duplicate');
      }
    }
    const course = await repo.updateCourse(trx, before.id, opts.input);
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.update',
      entity: 'training_course',
      entityId: course.id,
      summary: { from: { name: before.name, kind: before.kind }, to: { name: course.name, kind: course.kind } },
    });
    return presentCourse(course);
  });
}

export async function deleteCourse(opts: { db: Database; actor: ServiceActor; courseId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const course = await getCourse(trx, opts.actor.municipalityId, opts.courseId);
    const n = await repo.countCompletions(trx, course.id);
    if (n > 0) {
      throw conflict(
        `Kursen har ${n.toLocaleString('sv-SE')} registrerade genomföranden och kan inte tas bort. Byt namn på den i stället om den har ersatts.`,
        'in_use',
      );
    }
    await repo.deleteCourse(trx, course.id);
    await recordAudit(trx, opts.actor, {
      action: 'training.courses.delete',
      entity: 'training_course',
      entityId: course.id,
      summary: { name: course.name, kind: course.kind },
    });
  });
}
