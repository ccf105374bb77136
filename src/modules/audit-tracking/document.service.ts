/** The board's reply to an audit report as a Word memo (tjänsteutlåtande), from the same read model as the pages. */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { replyOutline, type ReplyDocumentInput } from '../../documents/audit-reply/model.js';
import { notFound } from '../../http/errors.js';
import * as orgs from '../orgs/service.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import * as repo from './repo.js';
import { getAuditReport } from './reports.service.js';

export async function replyDocumentInput(opts: { db: Database; actor: ServiceActor; reportId: string; boardId: string; today?: string }): Promise<ReplyDocumentInput> {
  const today = dayOrToday(opts.today);
  const board = await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  const report = await getAuditReport({ db: opts.db, actor: opts.actor, id: opts.reportId, today });
  const recs = report.recommendations.flatMap((c) => {
    const reply = c.replies.find((r) => r.boardId === board.id);
    return reply ? [{ c, reply }] : [];
  });
  if (!recs.length) throw notFound('Svaret');
  const ctx = await repo.documentContext(opts.db, opts.actor.municipalityId, board.id);
  const written = recs.map((x) => x.reply).filter((r) => r.replied);
  const latest = [...written].sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '')).at(-1);
  const decided = [...written].filter((r) => r.decidedOn).sort((a, b) => a.decidedOn!.localeCompare(b.decidedOn!)).at(-1);
  return {
    municipality: ctx.municipality,
    boardName: board.name,
    administration: ctx.administration ?? board.name,
    date: today,
    caseNumber: written.find((r) => r.caseNumber)?.caseNumber ?? null,
    handler: latest?.updatedByName ?? null,
    report: { title: report.title, number: report.number, issuedOn: report.issuedOn, replyDue: report.replyDue, scope: report.scope, attachments: report.attachments.map((a) => a.name) },
    decision: decided ? { decidedOn: decided.decidedOn!, paragraph: decided.paragraph } : null,
    recommendations: recs.map(({ c, reply }, i) => ({
      position: i + 1,
      text: c.text,
      reply: reply.text,
      measures: reply.measures.map((m) => ({
        title: m.title,
        responsible: m.responsible,
        dueOn: m.dueOn,
        status: m.status,
        waiting: m.waiting,
        waitingFor: m.waitingFor ?? (m.waitingForMeasure ? `${m.waitingForMeasure.boardName}: ${m.waitingForMeasure.title}` : null),
        activity: m.activity && !m.activity.removed ? `handlingsplanen ${m.activity.year}: ${m.activity.title}` : null,
      })),
    })),
  };
}

export async function replyDocument(opts: { db: Database; actor: ServiceActor; reportId: string; boardId: string; today?: string }) {
  const input = await replyDocumentInput(opts);
  return { fileName: replyOutline(input).fileName, bytes: await (await import('../../documents/audit-reply/docx.js')).renderReplyDocx(input) };
}
