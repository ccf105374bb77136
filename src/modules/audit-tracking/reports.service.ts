/** Use cases on audit reports and recommendations: the auditor registers, everyone in reach reads. */
import type { Database } from '../../db/database.js';
import { tallyReplies } from '../../domain/audit-tracking/status.js';
import { actorUserId, inScope, reachesAny, type ServiceActor } from '../../domain/policy/index.js';
import { dayOrToday } from '../../domain/calendar.js';
import { forbidden, notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { setAttachments } from '../attachments/service.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/service.js';
import { mayAddRecommendations, mayRegisterReports, readScope } from './access.js';
import * as repo from './repo.js';
import type { TAuditReport, TAuditSummary, TCreateAuditReportRequest, TCreateRecommendationRequest, TUpdateAuditReportRequest } from './schema.js';
import { reportViews } from './views.js';

export const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function datesProblem(issuedOn: string, replyDue: string): FieldError[] {
  return replyDue < issuedOn ? [{ field: 'replyDue', message: 'Sista dag för yttrande kan inte vara före rapportens datum.' }] : [];
}

/** The report as the actor sees it, or 404 when it is outside their municipality or reach. */
export async function getAuditReport(opts: { db: Database; actor: ServiceActor; id: string; today?: string }): Promise<TAuditReport> {
  const row = await repo.findReport(opts.db, opts.id);
  if (!row || row.municipality_id !== opts.actor.municipalityId) throw notFound('Revisionsrapporten');
  const boards = readScope(opts.actor);
  const [view] = await reportViews(opts.db, opts.actor, [row], { boards, today: dayOrToday(opts.today) });
  if (boards !== 'all' && view.recommendations.length === 0) throw notFound('Revisionsrapporten');
  return view;
}

/** Reports addressed to boards in the actor's reach (or to `boardId`), newest first. */
export async function listAuditReports(opts: { db: Database; actor: ServiceActor; boardId?: string; today?: string }): Promise<TAuditReport[]> {
  const boards = readScope(opts.actor);
  if (opts.boardId) {
    await orgs.getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
    if (!inScope(boards, opts.boardId)) throw forbidden();
  }
  if (!reachesAny(boards)) return [];
  const rows = await repo.listReports(opts.db, opts.actor.municipalityId, opts.boardId ? [opts.boardId] : boards);
  return reportViews(opts.db, opts.actor, rows, { boards, boardId: opts.boardId, today: dayOrToday(opts.today) });
}

export async function createAuditReport(opts: { db: Database; actor: ServiceActor; input: TCreateAuditReportRequest; today?: string }): Promise<TAuditReport> {
  if (!mayRegisterReports(opts.actor)) throw forbidden();
  const i = opts.input;
  const problems = datesProblem(i.issuedOn, i.replyDue);
  if (problems.length) throw unprocessable('invalid_dates', problems[0].message, problems);
  const id = await opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertReport(trx, {
      municipality_id: opts.actor.municipalityId,
      title: i.title,
      number: orNull(i.number),
      case_number: orNull(i.caseNumber),
      issued_on: i.issuedOn,
      reply_due: i.replyDue,
      scope: orNull(i.scope),
      created_by: actorUserId(opts.actor),
    });
    if (i.attachmentIds?.length && 'userId' in opts.actor) await setAttachments({ trx, actor: opts.actor, owner: { kind: 'audit_report', id: row.id }, ids: i.attachmentIds });
    await recordAudit(trx, opts.actor, {
      action: 'audit_reports.create',
      entity: 'audit_report',
      entityId: row.id,
      summary: { number: row.number, issuedOn: row.issued_on, replyDue: row.reply_due, attachments: i.attachmentIds?.length ?? 0 },
    });
    return row.id;
  });
  return getAuditReport({ db: opts.db, actor: opts.actor, id, today: opts.today });
}

export async function updateAuditReport(opts: { db: Database; actor: ServiceActor; id: string; input: TUpdateAuditReportRequest; today?: string }): Promise<TAuditReport> {
  if (!mayRegisterReports(opts.actor)) throw forbidden();
  await opts.db.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, opts.id);
    if (!row || row.municipality_id !== opts.actor.municipalityId) throw notFound('Revisionsrapporten');
    const i = opts.input;
    const issuedOn = i.issuedOn ?? row.issued_on;
    const replyDue = i.replyDue ?? row.reply_due;
    const problems = datesProblem(issuedOn, replyDue);
    if (problems.length) throw unprocessable('invalid_dates', problems[0].message, problems);
    await repo.updateReport(trx, row.id, {
      title: i.title ?? row.title,
      number: i.number === undefined ? row.number : orNull(i.number),
      case_number: i.caseNumber === undefined ? row.case_number : orNull(i.caseNumber),
      issued_on: issuedOn,
      reply_due: replyDue,
      scope: i.scope === undefined ? row.scope : orNull(i.scope),
    });
    if (i.attachmentIds && 'userId' in opts.actor) await setAttachments({ trx, actor: opts.actor, owner: { kind: 'audit_report', id: row.id }, ids: i.attachmentIds });
    await recordAudit(trx, opts.actor, {
      action: 'audit_reports.update',
      entity: 'audit_report',
      entityId: row.id,
      summary: { fields: Object.keys(i), ...(i.replyDue ? { replyDue: { from: row.reply_due, to: replyDue } } : {}) },
    });
  });
  return getAuditReport({ db: opts.db, actor: opts.actor, id: opts.id, today: opts.today });
}

/** A recommendation addressed to one or more boards of the municipality (the city board included). */
export async function addRecommendation(opts: { db: Database; actor: ServiceActor; reportId: string; input: TCreateRecommendationRequest; today?: string }) {
  if (!mayAddRecommendations(opts.actor)) throw forbidden();
  const boardIds = [...new Set(opts.input.boardIds)];
  const id = await opts.db.transaction().execute(async (trx) => {
    const report = await repo.findReport(trx, opts.reportId);
    if (!report || report.municipality_id !== opts.actor.municipalityId) throw notFound('Revisionsrapporten');
    const known = new Set((await repo.municipalityBoards(trx, opts.actor.municipalityId, boardIds)).map((b) => b.id));
    const problems = opts.input.boardIds.flatMap((b, n) => (known.has(b) ? [] : [{ field: `boardIds.${n}`, message: 'Nämnden finns inte. Välj bland stadens nämnder.' }]));
    if (problems.length) throw unprocessable('unknown_board', problems[0].message, problems);
    const row = await repo.insertRecommendation(trx, { report_id: report.id, position: await repo.nextRecommendationPosition(trx, report.id), text: opts.input.text }, boardIds);
    await repo.updateReport(trx, report.id, {});
    await recordAudit(trx, opts.actor, { action: 'audit_recommendations.create', entity: 'audit_recommendation', entityId: row.id, summary: { reportId: report.id, boardIds } });
    return row.id;
  });
  const report = await getAuditReport({ db: opts.db, actor: opts.actor, id: opts.reportId, today: opts.today });
  return report.recommendations.find((c) => c.id === id)!;
}

/** Start-page counts: replies awaiting, overdue replies and measures, per board in the actor's reach. */
export async function auditSummary(opts: { db: Database; actor: ServiceActor; today?: string }): Promise<TAuditSummary> {
  const reports = await listAuditReports(opts);
  const replies = reports.flatMap((r) => r.recommendations.flatMap((c) => c.replies));
  const perBoard = new Map<string, { boardId: string; boardName: string; awaiting: number; overdue: number }>();
  for (const r of replies) {
    const b = perBoard.get(r.boardId) ?? { boardId: r.boardId, boardName: r.boardName, awaiting: 0, overdue: 0 };
    if (r.status === 'awaiting_reply') b.awaiting++;
    if (r.overdue) b.overdue++;
    perBoard.set(r.boardId, b);
  }
  return {
    tally: tallyReplies(replies),
    boards: [...perBoard.values()].filter((b) => b.awaiting || b.overdue).sort((a, b) => b.overdue - a.overdue || new Intl.Collator('sv').compare(a.boardName, b.boardName)),
  };
}
