/**
 * The audits section of the board and city reports (API.md: "Board and city reports carry an
 * audits section"): every reply to recommendations of audit reports issued up to the end of the
 * report's year, with its status and measures, as the reader may see them.
 */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { tallyReplies } from '../../domain/audit-tracking/status.js';
import { inScope, reachesAny, type ServiceActor } from '../../domain/policy/index.js';
import { readScope } from './access.js';
import * as repo from './repo.js';

import type { TAuditsSection } from './section.schema.js';
import { reportViews } from './views.js';

export async function auditsSection(opts: { db: Database; actor: ServiceActor; boardId: string | null; year: number; today?: string }): Promise<TAuditsSection> {
  const today = dayOrToday(opts.today);
  const scope = readScope(opts.actor);
  const empty: TAuditsSection = { available: false, tally: tallyReplies([]), replies: [], measures: [] };
  if (!reachesAny(scope) || (opts.boardId && !inScope(scope, opts.boardId))) return empty;
  const rows = (await repo.listReports(opts.db, opts.actor.municipalityId, opts.boardId ? [opts.boardId] : scope)).filter((r) => r.issued_on <= `${opts.year}-12-31`);
  const reports = await reportViews(opts.db, opts.actor, rows, { boards: scope, boardId: opts.boardId ?? undefined, today });
  const replies = reports.flatMap((r) =>
    r.recommendations.flatMap((c) =>
      c.replies.map((p) => ({ report: r, rec: c, reply: p })),
    ),
  );
  return {
    available: replies.length > 0,
    tally: tallyReplies(replies.map((x) => x.reply)),
    replies: replies.map(({ report, rec, reply }) => ({
      reportId: report.id,
      reportTitle: report.title,
      reportNumber: report.number,
      issuedOn: report.issuedOn,
      replyDue: report.replyDue,
      recommendationId: rec.id,
      recommendation: rec.text,
      boardId: reply.boardId,
      boardName: reply.boardName,
      status: reply.status,
      overdue: reply.overdue,
      decidedOn: reply.decidedOn,
      measures: reply.measures.length,
      measuresDone: reply.measures.filter((m) => m.status === 'done' || m.status === 'cancelled').length,
      measuresOverdue: reply.measures.filter((m) => m.overdue).length,
      measuresWaiting: reply.measures.filter((m) => m.waiting).length,
      assessment: reply.assessments.at(-1)?.result ?? null,
    })),
    measures: replies.flatMap(({ report, reply }) =>
      reply.measures.map((m) => ({
        reportTitle: report.number ? `${report.number} ${report.title}` : report.title,
        boardId: reply.boardId,
        boardName: reply.boardName,
        title: m.title,
        responsible: m.responsible,
        dueOn: m.dueOn,
        status: m.status,
        waiting: m.waiting,
        overdue: m.overdue,
        activity: m.activity && !m.activity.removed ? `${m.activity.year}: ${m.activity.title}` : null,
        waitingFor: m.waitingFor ?? (m.waitingForMeasure ? `${m.waitingForMeasure.boardName}: ${m.waitingForMeasure.title}` : null),
      })),
    ),
  };
}
