/** The board's reply (yttrande) to a recommendation: written by the addressed board's local coordinator. */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { setAttachments } from '../attachments/service.js';
import { recordAudit } from '../audit/service.js';
import { mayReply, readScope } from './access.js';
import * as repo from './repo.js';
import { getAuditReport, orNull } from './reports.service.js';
import type { TReply, TSaveReplyRequest } from './schema.js';
import { actorUserId, inScope, type ServiceActor } from '../../domain/policy/index.js';

/**
 * The recommendation and board a reply or measure belongs to. 404 when the recommendation is
 * unknown, outside the municipality, not addressed to the board, or the board is outside the
 * actor's reading reach; 403 when they may read it but not write for that board.
 */
export async function replyTarget(db: Database, actor: ServiceActor, recommendationId: string, boardId: string, may: (a: ServiceActor, boardId: string) => boolean) {
  const rec = await repo.findRecommendation(db, recommendationId);
  if (!rec || rec.municipality_id !== actor.municipalityId) throw notFound('Rekommendationen');
  if (!(await repo.isAddressed(db, rec.id, boardId))) throw notFound('Rekommendationen till nämnden');
  if (!may(actor, boardId)) {
    if (!inScope(readScope(actor), boardId)) throw notFound('Rekommendationen till nämnden');
    throw forbidden();
  }
  return rec;
}

/** The reply as the report shows it. */
export async function replyView(db: Database, actor: ServiceActor, reportId: string, recommendationId: string, boardId: string, today?: string): Promise<TReply> {
  const report = await getAuditReport({ db, actor, id: reportId, today });
  const reply = report.recommendations.find((c) => c.id === recommendationId)?.replies.find((r) => r.boardId === boardId);
  if (!reply) throw notFound('Svaret');
  return reply;
}

/**
 * Writes (or rewrites) the board's reply: the answer, and the board's decision (meeting date,
 * paragraph, case number) when it has been taken. Not checked for personal data: a reply is a
 * public record of the board about its own work.
 */
export async function saveReply(opts: { db: Database; actor: ServiceActor; recommendationId: string; boardId: string; input: TSaveReplyRequest; today?: string }): Promise<TReply> {
  const today = dayOrToday(opts.today);
  if (opts.input.decidedOn && opts.input.decidedOn > today) {
    throw unprocessable('invalid_dates', 'Nämndens beslut kan inte ha ett datum i framtiden.', [{ field: 'decidedOn', message: 'Ange dagen då nämnden fattade beslutet (i dag eller tidigare), eller lämna fältet tomt tills beslutet är fattat.' }]);
  }
  const reportId = await opts.db.transaction().execute(async (trx) => {
    const rec = await replyTarget(trx, opts.actor, opts.recommendationId, opts.boardId, mayReply);
    const before = await repo.findReply(trx, rec.id, opts.boardId);
    const row = await repo.upsertReply(trx, {
      recommendation_id: rec.id,
      board_id: opts.boardId,
      text: opts.input.text,
      decided_on: opts.input.decidedOn ?? null,
      paragraph: orNull(opts.input.paragraph),
      case_number: orNull(opts.input.caseNumber),
      updated_by: actorUserId(opts.actor),
      updated_by_name: opts.actor.name,
    });
    if (opts.input.attachmentIds && 'userId' in opts.actor) {
      await setAttachments({ trx, actor: opts.actor, owner: { kind: 'audit_reply', id: row.id }, ids: opts.input.attachmentIds });
    }
    await recordAudit(trx, opts.actor, {
      action: before ? 'audit_replies.update' : 'audit_replies.create',
      entity: 'audit_reply',
      entityId: row.id,
      boardId: opts.boardId,
      summary: { recommendationId: rec.id, decidedOn: row.decided_on, paragraph: row.paragraph, caseNumber: row.case_number, attachments: opts.input.attachmentIds?.length ?? null },
    });
    return rec.report_id;
  });
  return replyView(opts.db, opts.actor, reportId, opts.recommendationId, opts.boardId, today);
}
