/**
 * The read model: audit reports as API.md shows them — each recommendation with one reply per
 * addressed board the reader may see, each reply with its status, overdue flag, measures and
 * assessments. Every list, the report page, the reports' audits section and the Word reply are
 * built here, so they never disagree.
 */
import type { Database } from '../../db/database.js';
import { compareBoards } from '../../domain/board-order.js';
import {
  effectiveMeasureStatus,
  isMeasureOverdue,
  isReplyOverdue,
  isWaiting,
  replyStatus,
  tallyReplies,
  type MeasureFacts,
  type MeasureStatus,
} from '../../domain/audit-tracking/status.js';
import type { FollowUpStatus } from '../../domain/followup/status.js';
import { type BoardScope, inScope, type ServiceActor } from '../../domain/policy/index.js';
import { attachmentsOf } from '../attachments/service.js';
import { mayAddRecommendations, mayAssess, mayRegisterReports, mayReply } from './access.js';
import * as repo from './repo.js';
import type { TAuditReport, TMeasure, TReply } from './schema.js';

const iso = (d: Date | string) => new Date(d).toISOString();

type FollowUpRow = Awaited<ReturnType<typeof repo.latestFollowUps>>[number];

function ownEvent(row: { status: MeasureStatus; status_at: Date | string | null }) {
  return row.status_at ? { status: row.status, at: iso(row.status_at) } : null;
}
function activityEvent(f: FollowUpRow | undefined) {
  return f ? { status: f.status as FollowUpStatus, at: iso(f.reported_at) } : null;
}

/** Measures as API.md shows them, with their effective status, waiting and overdue flags. */
export async function measureViews(db: Database, rows: repo.MeasureRow[], today: string): Promise<TMeasure[]> {
  const heads = await repo.measureHeads(db, [...new Set(rows.map((r) => r.waiting_for_measure_id).filter((x): x is string => !!x))]);
  const activityIds = [...new Set([...rows.map((r) => r.activity_id), ...heads.map((h) => h.activity_id)].filter((x): x is string => !!x))];
  const [followUps, updates] = await Promise.all([repo.latestFollowUps(db, activityIds), repo.updatesOf(db, rows.map((r) => r.id))]);
  const latest = new Map(followUps.map((f) => [f.activity_id, f]));
  const headById = new Map(
    heads.map((h) => [h.id, { ...h, effective: effectiveMeasureStatus(ownEvent(h), activityEvent(h.activity_id ? latest.get(h.activity_id) : undefined)).status }]),
  );
  return rows.map((r) => {
    const f = r.activity_id ? latest.get(r.activity_id) : undefined;
    const effective = effectiveMeasureStatus(ownEvent(r), activityEvent(f));
    const head = r.waiting_for_measure_id ? headById.get(r.waiting_for_measure_id) : undefined;
    const facts: MeasureFacts = { status: effective.status, dueOn: r.due_on, waitingFor: r.waiting_for ?? (head ? head.title : null), waitingForStatus: head?.effective ?? null };
    return {
      id: r.id,
      recommendationId: r.recommendation_id,
      boardId: r.board_id,
      title: r.title,
      responsible: r.responsible,
      dueOn: r.due_on,
      status: effective.status,
      statusSource: effective.source,
      waiting: isWaiting(facts),
      waitingFor: r.waiting_for,
      waitingForMeasure: head ? { id: head.id, boardId: head.board_id, boardName: head.board_name, title: head.title, status: head.effective } : null,
      overdue: isMeasureOverdue(facts, today),
      activity:
        r.activity_id && r.activity_plan_id
          ? {
              id: r.activity_id,
              planId: r.activity_plan_id,
              year: Number(r.activity_year),
              title: r.activity_title ?? '',
              removed: !!r.activity_deleted_at,
              latestFollowUp: f ? { period: `${f.year}-${f.period}`, status: f.status, reportedAt: iso(f.reported_at) } : null,
            }
          : null,
      history: updates.filter((u) => u.measure_id === r.id).map((u) => ({ status: u.status, comment: u.comment, period: u.period, actorName: u.actor_name, at: iso(u.at) })),
      createdAt: iso(r.created_at),
    };
  });
}

export interface ViewOptions {
  /** Boards whose replies the reader sees. */
  boards: BoardScope;
  /** Only this board's recommendations and replies (GET /api/audit-reports?boardId=). */
  boardId?: string;
  today: string;
}

export async function reportViews(db: Database, actor: ServiceActor, reports: repo.ReportRow[], opts: ViewOptions): Promise<TAuditReport[]> {
  if (!reports.length) return [];
  const visible = (boardId: string) => inScope(opts.boards, boardId) && (!opts.boardId || boardId === opts.boardId);
  const allRecs = await repo.recommendationsOf(db, reports.map((r) => r.id));
  const addressed = await repo.addressedBoards(db, allRecs.map((r) => r.id));
  const recs = allRecs.filter((r) => opts.boards === 'all' && !opts.boardId ? true : addressed.some((a) => a.recommendation_id === r.id && visible(a.board_id)));
  const recIds = recs.map((r) => r.id);
  const [replies, measureRows, assessments, reportFiles] = await Promise.all([
    repo.repliesOf(db, recIds),
    repo.measuresOf(db, { recommendationIds: recIds }),
    repo.assessmentsOf(db, recIds),
    attachmentsOf(db, 'audit_report', reports.map((r) => r.id)),
  ]);
  const replyFiles = await attachmentsOf(db, 'audit_reply', replies.map((r) => r.id));
  const measures = await measureViews(db, measureRows, opts.today);
  const mayWriteReports = mayRegisterReports(actor);
  const mayAddRecs = mayAddRecommendations(actor);

  return reports.map((report) => {
    const recommendations = recs
      .filter((c) => c.report_id === report.id)
      .map((c) => {
        const boards = addressed
          .filter((a) => a.recommendation_id === c.id)
          .sort((a, b) => compareBoards({ kind: a.board_kind, name: a.board_name }, { kind: b.board_kind, name: b.board_name }));
        const shown: TReply[] = boards
          .filter((b) => visible(b.board_id))
          .map((b) => {
            const reply = replies.find((r) => r.recommendation_id === c.id && r.board_id === b.board_id);
            const own = measures.filter((m) => m.recommendationId === c.id && m.boardId === b.board_id);
            const facts = own.map((m) => ({ status: m.status, dueOn: m.dueOn, waitingFor: m.waiting ? (m.waitingFor ?? m.waitingForMeasure?.title ?? '') : null }));
            return {
              boardId: b.board_id,
              boardName: b.board_name,
              status: replyStatus({ replied: !!reply, measures: own.map((m) => m.status) }),
              overdue: isReplyOverdue({ replied: !!reply, replyDue: report.reply_due, measures: facts }, opts.today),
              replied: !!reply,
              text: reply?.text ?? null,
              decidedOn: reply?.decided_on ?? null,
              paragraph: reply?.paragraph ?? null,
              caseNumber: reply?.case_number ?? null,
              updatedAt: reply ? iso(reply.updated_at) : null,
              updatedByName: reply?.updated_by_name ?? null,
              attachments: reply ? (replyFiles.get(reply.id) ?? []) : [],
              measures: own,
              assessments: assessments
                .filter((a) => a.recommendation_id === c.id && a.board_id === b.board_id)
                .map((a) => ({ id: a.id, result: a.result, comment: a.comment, assessedOn: a.assessed_on, assessorName: a.assessor_name, createdAt: iso(a.created_at) })),
              can: { reply: mayReply(actor, b.board_id), assess: mayAssess(actor, b.board_id) },
            };
          });
        return { id: c.id, position: c.position, text: c.text, boardIds: boards.map((b) => b.board_id), replies: shown };
      });
    return {
      id: report.id,
      title: report.title,
      number: report.number,
      caseNumber: report.case_number,
      issuedOn: report.issued_on,
      replyDue: report.reply_due,
      scope: report.scope,
      attachments: reportFiles.get(report.id) ?? [],
      createdAt: iso(report.created_at),
      recommendations,
      tally: tallyReplies(recommendations.flatMap((c) => c.replies)),
      can: { update: mayWriteReports, addRecommendation: mayAddRecs },
    };
  });
}
