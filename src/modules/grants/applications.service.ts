/**
 * Grant and premises applications (föreningsbidrag, lokalupplåtelse): received by a board, vetted
 * against the municipality's democracy criteria and decided (src/domain/grants/vetting.ts), paid
 * out (grants only), and followed up the year after. Free text (the purpose, the criteria
 * comments, the follow-up) passes the personal-data guard; the organisation's name is an
 * organisation's, not a person's, and is stored as given.
 */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { followUpYear, vet } from '../../domain/grants/vetting.js';
import { actorUserId, canOn, inScope, reachesAny, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { getBoard } from '../orgs/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import { readScope, requireApplication } from './access.js';
import * as repo from './repo.js';
import type { ApplicationRow } from './repo.js';
import type { TCreateApplicationRequest, TFollowUpRequest, TGrantApplication, TPayoutRequest, TVettingRequest } from './schema.js';

type VettingRow = Awaited<ReturnType<typeof repo.vettingOf>>[number];

function present(row: ApplicationRow, vetting: VettingRow[]): TGrantApplication {
  return {
    id: row.id,
    boardId: row.board_id,
    boardName: row.board_name,
    organisation: row.organisation,
    partnerId: row.partner_id,
    kind: row.kind,
    amount: row.amount,
    purpose: row.purpose,
    receivedOn: row.received_on,
    status: row.status,
    decidedOn: row.decided_on,
    decidedByName: row.decided_by_name,
    vetting: vetting.filter((v) => v.application_id === row.id).map((v) => ({ key: v.criterion_key, label: v.label, result: v.result, comment: v.comment })),
    payout: row.paid_on !== null && row.paid_amount !== null ? { paidOn: row.paid_on, paidAmount: row.paid_amount } : null,
    followUp: row.follow_up_on !== null ? { followUpOn: row.follow_up_on, followUpNote: row.follow_up_note ?? '' } : null,
    followUpYear: followUpYear(row.status, row.decided_on),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function view(db: Database, id: string): Promise<TGrantApplication> {
  const row = (await repo.findApplication(db, id))!;
  return present(row, await repo.vettingOf(db, [id]));
}

/** A date that must lie between `from` (when given) and today. */
function dateProblem(field: string, day: string, today: string, from: { day: string | null; what: string } | null, what: string) {
  if (day > today) return { field, message: `${what} kan inte ligga i framtiden.` };
  if (from?.day && day < from.day) return { field, message: `${what} kan inte vara före ${from.what} (${from.day}).` };
  return null;
}

export async function listApplications(opts: { db: Database; actor: ServiceActor; boardId?: string; status?: string }): Promise<TGrantApplication[]> {
  const boards = readScope(opts.actor);
  if (opts.boardId) {
    await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
    if (!inScope(boards, opts.boardId)) throw forbidden();
  }
  if (!reachesAny(boards)) return [];
  const rows = await repo.listApplications(opts.db, opts.actor.municipalityId, opts.boardId ? [opts.boardId] : boards, opts.status);
  const vetting = await repo.vettingOf(
    opts.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, vetting));
}

export async function getApplication(opts: { db: Database; actor: ServiceActor; id: string }): Promise<TGrantApplication> {
  const row = await requireApplication(opts.db, opts.actor, opts.id, 'grant_applications.read');
  return present(row, await repo.vettingOf(opts.db, [row.id]));
}

export async function createApplication(opts: { db: Database; actor: ServiceActor; input: TCreateApplicationRequest; today?: string }): Promise<TGrantApplication> {
  const i = opts.input;
  const board = await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: i.boardId });
  if (!canOn(opts.actor, 'grant_applications.create', board.id)) throw forbidden();
  const guarded = await guardFreeText({ purpose: i.purpose }, { subject: 'ansökan', confirmNoPersonalData: i.confirmNoPersonalData });
  const id = await opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertApplication(trx, {
      board_id: board.id,
      organisation: i.organisation,
      partner_id: i.partnerId ?? null,
      kind: i.kind,
      amount: i.amount ?? null,
      purpose: i.purpose,
      received_on: dayOrToday(opts.today),
      created_by: actorUserId(opts.actor),
    });
    await recordAudit(trx, opts.actor, {
      action: 'grant_applications.create',
      entity: 'grant_application',
      entityId: row.id,
      boardId: board.id,
      summary: { organisation: i.organisation, kind: i.kind, amount: i.amount ?? null, partnerId: i.partnerId ?? null, ...confirmationSummary(guarded) },
    });
    return row.id;
  });
  return view(opts.db, id);
}

/**
 * Records the vetting and the decision. An approval with a failed or unclear criterion, or
 * without a required one passed, is refused (422) and nothing changes; a key the municipality
 * does not use is refused (422). A decision may be corrected until the payout or follow-up is
 * recorded; after that it stands (409).
 */
export async function vetApplication(opts: { db: Database; actor: ServiceActor; id: string; input: TVettingRequest; today?: string }): Promise<TGrantApplication> {
  const i = opts.input;
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, opts.actor, opts.id, 'grant_applications.vet');
    if (app.paid_on || app.follow_up_on) {
      throw conflict('Beslutet kan inte ändras när utbetalning eller uppföljning är registrerad.', 'already_paid');
    }
    const outcome = vet(await repo.listCriteria(trx, opts.actor.municipalityId), i.criteria, i.decision);
    if (!outcome.ok) throw unprocessable(outcome.code, outcome.message, outcome.problems);
    const date = dateProblem('decidedOn', i.decidedOn, today, { day: app.received_on, what: 'ansökningsdagen' }, 'Beslutsdagen');
    if (date) throw unprocessable('invalid_dates', date.message, [date]);
    const guarded = await guardFreeText(Object.fromEntries(i.criteria.map((c, n) => [`criteria.${n}.comment`, c.comment])), {
      subject: 'kommentaren',
      confirmNoPersonalData: i.confirmNoPersonalData,
    });
    await repo.updateApplication(trx, app.id, { status: i.decision, decided_on: i.decidedOn, decided_by: actorUserId(opts.actor), decided_by_name: opts.actor.name });
    await repo.replaceVetting(
      trx,
      app.id,
      outcome.record.map((r, position) => ({ application_id: app.id, criterion_key: r.key, label: r.label, result: r.result, comment: r.comment, position })),
    );
    await recordAudit(trx, opts.actor, {
      action: 'grant_applications.vet',
      entity: 'grant_application',
      entityId: app.id,
      boardId: app.board_id,
      summary: {
        decision: i.decision,
        decidedOn: i.decidedOn,
        results: Object.fromEntries(outcome.record.map((r) => [r.key, r.result])),
        ...(app.status !== 'received' && { corrected: app.status }),
        ...confirmationSummary(guarded),
      },
    });
    return view(trx, app.id);
  });
}

/** The payout of an approved grant (premises are lent, not paid out). */
export async function recordPayout(opts: { db: Database; actor: ServiceActor; id: string; input: TPayoutRequest; today?: string }): Promise<TGrantApplication> {
  const i = opts.input;
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, opts.actor, opts.id, 'grant_applications.payout');
    if (app.status !== 'approved') {
      throw unprocessable('not_approved', 'Bara en beviljad ansökan kan betalas ut. Pröva och bevilja ansökan först.');
    }
    if (app.kind !== 'grant') throw unprocessable('not_a_grant', 'En lokalupplåtelse betalas inte ut. Registrera uppföljningen i stället.');
    const date = dateProblem('paidOn', i.paidOn, today, { day: app.decided_on, what: 'beslutsdagen' }, 'Utbetalningsdagen');
    if (date) throw unprocessable('invalid_dates', date.message, [date]);
    await repo.updateApplication(trx, app.id, { paid_on: i.paidOn, paid_amount: i.paidAmount });
    await recordAudit(trx, opts.actor, {
      action: 'grant_applications.payout',
      entity: 'grant_application',
      entityId: app.id,
      boardId: app.board_id,
      summary: { paidOn: i.paidOn, paidAmount: i.paidAmount, ...(app.paid_on && { previous: { paidOn: app.paid_on, paidAmount: app.paid_amount } }) },
    });
    return view(trx, app.id);
  });
}

/** The follow-up the year after: how the grant or premises were used. Approved applications only; a grant once paid out. */
export async function recordFollowUp(opts: { db: Database; actor: ServiceActor; id: string; input: TFollowUpRequest; today?: string }): Promise<TGrantApplication> {
  const i = opts.input;
  const today = dayOrToday(opts.today);
  return opts.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, opts.actor, opts.id, 'grant_applications.follow_up');
    if (app.status !== 'approved') throw unprocessable('not_approved', 'Bara en beviljad ansökan följs upp.');
    if (app.kind === 'grant' && !app.paid_on) throw unprocessable('not_paid', 'Registrera utbetalningen innan bidraget följs upp.');
    const date = dateProblem('followUpOn', i.followUpOn, today, { day: app.decided_on, what: 'beslutsdagen' }, 'Uppföljningsdagen');
    if (date) throw unprocessable('invalid_dates', date.message, [date]);
    const guarded = await guardFreeText({ followUpNote: i.followUpNote }, { subject: 'uppföljningen', confirmNoPersonalData: i.confirmNoPersonalData });
    await repo.updateApplication(trx, app.id, { follow_up_on: i.followUpOn, follow_up_note: i.followUpNote });
    await recordAudit(trx, opts.actor, {
      action: 'grant_applications.follow_up',
      entity: 'grant_application',
      entityId: app.id,
      boardId: app.board_id,
      summary: { followUpOn: i.followUpOn, ...confirmationSummary(guarded) },
    });
    return view(trx, app.id);
  });
}
