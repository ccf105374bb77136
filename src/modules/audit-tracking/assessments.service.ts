/**
 * The follow-up audit's assessment of how a board has addressed a recommendation (addressed,
 * partly, not addressed) with a comment. Each assessment is a new row: the history stays, and the
 * latest is the current one.
 */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { mayAssess } from './access.js';
import { replyTarget } from './replies.service.js';
import * as repo from './repo.js';
import { orNull } from './reports.service.js';
import type { TAssessment, TCreateAssessmentRequest } from './schema.js';

export async function addAssessment(opts: { db: Database; actor: ServiceActor; recommendationId: string; input: TCreateAssessmentRequest; today?: string }): Promise<TAssessment> {
  const today = dayOrToday(opts.today);
  const assessedOn = opts.input.assessedOn ?? today;
  if (assessedOn > today) {
    throw unprocessable('invalid_dates', 'Bedömningen kan inte ha ett datum i framtiden.', [{ field: 'assessedOn', message: 'Ange dagen för bedömningen (i dag eller tidigare).' }]);
  }
  return opts.db.transaction().execute(async (trx) => {
    const rec = await replyTarget(trx, opts.actor, opts.recommendationId, opts.input.boardId, mayAssess);
    const row = await repo.insertAssessment(trx, {
      recommendation_id: rec.id,
      board_id: opts.input.boardId,
      result: opts.input.result,
      comment: orNull(opts.input.comment),
      assessed_on: assessedOn,
      assessor_id: actorUserId(opts.actor),
      assessor_name: opts.actor.name,
    });
    await recordAudit(trx, opts.actor, {
      action: 'audit_assessments.create',
      entity: 'audit_assessment',
      entityId: row.id,
      boardId: opts.input.boardId,
      summary: { recommendationId: rec.id, result: row.result, assessedOn },
    });
    return { id: row.id, result: row.result, comment: row.comment, assessedOn: row.assessed_on, assessorName: row.assessor_name, createdAt: new Date(row.created_at).toISOString() };
  });
}
