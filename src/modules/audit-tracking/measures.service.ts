/**
 * Measures a board promises in its reply: added and followed up by the addressed board's local
 * coordinator. A measure links to an activity of the board's plan (an existing one, or a new one
 * created from the measure), stands alone, or waits for another body — optionally that body's
 * own measure. Each status update is kept with its comment and tertial, like an activity's
 * follow-up; a linked activity's tertial reports move the measure too (see views.ts).
 */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { tertialOf } from '../../domain/audit-tracking/status.js';
import { actorUserId, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/service.js';
import { createActivity } from '../plans/service.js';
import { mayAddMeasures, mayUpdateMeasures, readScope } from './access.js';
import { replyTarget } from './replies.service.js';
import * as repo from './repo.js';
import { orNull } from './reports.service.js';
import type { TCreateMeasureRequest, TMeasure, TMeasureTargets, TUpdateMeasureRequest } from './schema.js';
import { measureViews } from './views.js';

const FOLLOW_UP_TEXT = 'Följs upp varje tertial som åtgärd i revisionsuppföljningen.';

/** At most one way of carrying the measure: an activity, a new activity, or waiting for another body. */
function linkProblems(link: { activityId?: string | null; newActivity?: unknown; waitingFor?: string | null; waitingForMeasureId?: string | null }): FieldError[] {
  const ways = [link.activityId ? 'activityId' : null, link.newActivity ? 'newActivity' : null, orNull(link.waitingFor) || link.waitingForMeasureId ? 'waitingFor' : null].filter(Boolean);
  if (ways.length <= 1) return [];
  return [{ field: ways[1]!, message: 'Välj ett sätt: koppla åtgärden till en insats i planen, skapa en ny insats, eller ange vad den väntar på.' }];
}

async function checkActivity(db: Database, actor: ServiceActor, boardId: string, activityId: string): Promise<FieldError[]> {
  const a = await repo.activityWithBoard(db, activityId);
  if (!a || a.municipality_id !== actor.municipalityId || a.board_id !== boardId || a.deleted_at) {
    return [{ field: 'activityId', message: 'Välj en insats i nämndens egen handlingsplan.' }];
  }
  return [];
}

async function checkWaitingFor(db: Database, actor: ServiceActor, boardId: string, measureId: string): Promise<FieldError[]> {
  const head = await repo.measureOwner(db, measureId);
  if (!head || head.municipality_id !== actor.municipalityId || head.board_id === boardId) {
    return [{ field: 'waitingForMeasureId', message: 'Välj en åtgärd som en annan nämnd har lovat.' }];
  }
  return [];
}

async function oneMeasure(db: Database, id: string, today: string): Promise<TMeasure> {
  const [view] = await measureViews(db, await repo.measuresOf(db, { ids: [id] }), today);
  return view;
}

export async function addMeasure(opts: { db: Database; actor: ServiceActor; recommendationId: string; boardId: string; input: TCreateMeasureRequest; today?: string }): Promise<TMeasure> {
  const today = dayOrToday(opts.today);
  const i = opts.input;
  const id = await opts.db.transaction().execute(async (trx) => {
    const rec = await replyTarget(trx, opts.actor, opts.recommendationId, opts.boardId, mayAddMeasures);
    const problems = linkProblems(i);
    if (!problems.length && i.activityId) problems.push(...(await checkActivity(trx, opts.actor, opts.boardId, i.activityId)));
    if (!problems.length && i.waitingForMeasureId) problems.push(...(await checkWaitingFor(trx, opts.actor, opts.boardId, i.waitingForMeasureId)));
    if (!problems.length && i.newActivity) {
      const plan = await repo.planWithBoard(trx, i.newActivity.planId);
      if (!plan || plan.municipality_id !== opts.actor.municipalityId || plan.board_id !== opts.boardId) {
        problems.push({ field: 'newActivity.planId', message: 'Välj en av nämndens egna handlingsplaner.' });
      }
    }
    if (problems.length) throw unprocessable('invalid_measure', problems[0].message, problems);

    let activityId = i.activityId ?? null;
    if (i.newActivity) {
      // The plans capability decides whether the plan can take a new activity (draft or returned).
      const activity = await createActivity({
        db: trx,
        actor: opts.actor,
        planId: i.newActivity.planId,
        input: {
          title: i.title,
          description: `Åtgärd med anledning av revisionens rekommendation: ${rec.text}`.slice(0, 5000),
          measureArea: i.newActivity.measureArea ?? null,
          responsible: orNull(i.responsible) ?? 'Nämnden',
          timeline: orNull(i.newActivity.timeline) ?? `Klart senast ${i.dueOn}`,
          followUp: orNull(i.newActivity.followUp) ?? FOLLOW_UP_TEXT,
        },
      });
      activityId = activity.id;
    }
    const row = await repo.insertMeasure(trx, {
      recommendation_id: rec.id,
      board_id: opts.boardId,
      position: await repo.nextMeasurePosition(trx, rec.id, opts.boardId),
      title: i.title,
      responsible: orNull(i.responsible),
      due_on: i.dueOn,
      activity_id: activityId,
      waiting_for: orNull(i.waitingFor),
      waiting_for_measure_id: i.waitingForMeasureId ?? null,
      created_by: actorUserId(opts.actor),
    });
    await recordAudit(trx, opts.actor, {
      action: 'audit_measures.create',
      entity: 'audit_measure',
      entityId: row.id,
      boardId: opts.boardId,
      summary: { recommendationId: rec.id, dueOn: i.dueOn, activityId, newActivity: !!i.newActivity, waiting: !!(orNull(i.waitingFor) || i.waitingForMeasureId) },
    });
    return row.id;
  });
  return oneMeasure(opts.db, id, today);
}

/**
 * A status update (with a comment, kept in the measure's history under the tertial it was made
 * in), and/or a change of what the measure is: title, responsible, due date, its activity or what
 * it waits for (`null` lifts the wait).
 */
export async function updateMeasure(opts: { db: Database; actor: ServiceActor; measureId: string; input: TUpdateMeasureRequest; today?: string }): Promise<TMeasure> {
  const today = dayOrToday(opts.today);
  const i = opts.input;
  await opts.db.transaction().execute(async (trx) => {
    const m = await repo.lockMeasure(trx, opts.measureId);
    if (!m || m.municipality_id !== opts.actor.municipalityId) throw notFound('Åtgärden');
    if (!mayUpdateMeasures(opts.actor, m.board_id)) {
      if (!inScope(readScope(opts.actor), m.board_id)) throw notFound('Åtgärden');
      throw forbidden();
    }
    const next = {
      activityId: i.activityId === undefined ? m.activity_id : i.activityId,
      waitingFor: i.waitingFor === undefined ? m.waiting_for : orNull(i.waitingFor),
      waitingForMeasureId: i.waitingForMeasureId === undefined ? m.waiting_for_measure_id : i.waitingForMeasureId,
    };
    const problems = linkProblems(next);
    if (!problems.length && i.activityId) problems.push(...(await checkActivity(trx, opts.actor, m.board_id, i.activityId)));
    if (!problems.length && i.waitingForMeasureId) problems.push(...(await checkWaitingFor(trx, opts.actor, m.board_id, i.waitingForMeasureId)));
    if (problems.length) throw unprocessable('invalid_measure', problems[0].message, problems);

    await repo.updateMeasure(trx, m.id, {
      ...(i.title ? { title: i.title } : {}),
      ...(i.responsible !== undefined ? { responsible: orNull(i.responsible) } : {}),
      ...(i.dueOn ? { due_on: i.dueOn } : {}),
      activity_id: next.activityId,
      waiting_for: next.waitingFor,
      waiting_for_measure_id: next.waitingForMeasureId,
      ...(i.status ? { status: i.status, status_at: new Date() } : {}),
    });
    // A comment alone is a follow-up note on the current status.
    const comment = orNull(i.comment);
    if (i.status || comment) {
      await repo.insertMeasureUpdate(trx, {
        measure_id: m.id,
        status: i.status ?? m.status,
        comment,
        period: tertialOf(today),
        actor_id: actorUserId(opts.actor),
        actor_name: opts.actor.name,
      });
    }
    await recordAudit(trx, opts.actor, {
      action: 'audit_measures.update',
      entity: 'audit_measure',
      entityId: m.id,
      boardId: m.board_id,
      summary: { fields: Object.keys(i).filter((k) => k !== 'comment'), ...(i.status ? { status: { from: m.status, to: i.status } } : {}), comment: !!comment, period: tertialOf(today) },
    });
  });
  return oneMeasure(opts.db, opts.measureId, today);
}

/** What a board's measures can link to: its plans (editable ones can take a new activity) and other boards' measures. */
export async function measureTargets(opts: { db: Database; actor: ServiceActor; boardId: string }): Promise<TMeasureTargets> {
  await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  if (!mayAddMeasures(opts.actor, opts.boardId)) throw forbidden();
  const [plans, others] = await Promise.all([repo.plansOfBoard(opts.db, opts.boardId), repo.otherBoardsMeasures(opts.db, opts.actor.municipalityId, opts.boardId)]);
  return {
    plans: plans.map((p) => ({ id: p.id, year: p.year, status: p.status, editable: p.status === 'draft' || p.status === 'returned', activities: p.activities })),
    otherMeasures: others.map((o) => ({ id: o.id, boardName: o.board_name, title: o.title, reportTitle: o.report_title })),
  };
}
