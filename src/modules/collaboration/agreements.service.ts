/**
 * Police collaboration agreements (samverkansöverenskommelser), central (no board) or local:
 * parties from the partner register, validity, a review date, and the plan activities that
 * carry them out. Those coming up for review are flagged ahead of time (domain/collaboration).
 */
import type { Database } from '../../db/database.js';
import { reviewState, type PartnerType } from '../../domain/collaboration/model.js';
import { dayOrToday } from '../../domain/calendar.js';
import { actorUserId, inScope, scopeOf, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { getBoard } from '../orgs/service.js';
import { checkActivities, checkPartners, refuseProblems, requireRecord, writesRecord } from './access.js';
import * as repo from './repo.js';
import type { AgreementRow } from './repo.js';
import type { TAgreement, TCreateAgreementRequest, TUpdateAgreementRequest } from './schema.js';

async function present(db: Database, actor: ServiceActor, rows: AgreementRow[], today: string): Promise<TAgreement[]> {
  const ids = rows.map((r) => r.id);
  const [members, activities] = await Promise.all([repo.agreementMembers(db, ids), repo.agreementActivities(db, ids)]);
  return rows.map((r) => {
    const validFrom = String(r.valid_from);
    const validTo = r.valid_to ? String(r.valid_to) : null;
    const reviewOn = String(r.review_on);
    return {
      id: r.id,
      title: r.title,
      level: r.board_id ? 'local' : 'central',
      boardId: r.board_id,
      boardName: r.board_name,
      partners: members.filter((m) => m.owner_id === r.id).map((m) => ({ id: m.id, name: m.name, type: m.type as PartnerType })),
      validFrom,
      validTo,
      reviewOn,
      reviewState: reviewState({ reviewOn, validTo }, today),
      activities: activities.filter((a) => a.agreement_id === r.id).map((a) => ({ id: a.id, title: a.title, planYear: a.plan_year })),
      note: r.note,
      canEdit: writesRecord(actor, 'agreements.update', r.board_id),
    };
  });
}

/** The agreements the actor reads; `dueBefore`: only those whose review date falls on or before that day (overdue ones included). */
export async function listAgreements(opts: { db: Database; actor: ServiceActor; boardId?: string; dueBefore?: string; today?: string }): Promise<TAgreement[]> {
  const scope = scopeOf(opts.actor, 'agreements.list');
  if (opts.boardId && !inScope(scope, opts.boardId)) throw forbidden();
  const rows = await repo.listAgreements(opts.db, opts.actor.municipalityId, { scope, boardId: opts.boardId, dueBefore: opts.dueBefore });
  const today = dayOrToday(opts.today);
  // An agreement that has ended is not due for review.
  const live = opts.dueBefore ? rows.filter((r) => !r.valid_to || String(r.valid_to) >= today) : rows;
  return present(opts.db, opts.actor, live, today);
}

function dateProblems(d: { validFrom: string; validTo: string | null; reviewOn: string }): FieldError[] {
  const problems: FieldError[] = [];
  if (d.validTo && d.validTo < d.validFrom) problems.push({ field: 'validTo', message: 'Giltig till kan inte vara före giltig från.' });
  if (d.reviewOn < d.validFrom) problems.push({ field: 'reviewOn', message: 'Revideringsdagen kan inte vara före giltig från.' });
  return problems;
}

async function view(db: Database, actor: ServiceActor, id: string): Promise<TAgreement> {
  const rows = await repo.listAgreements(db, actor.municipalityId, { scope: 'all', id });
  return (await present(db, actor, rows, dayOrToday()))[0]!;
}

export async function createAgreement(opts: { db: Database; actor: ServiceActor; input: TCreateAgreementRequest }): Promise<TAgreement> {
  const i = opts.input;
  const boardId = i.boardId ?? null;
  if (boardId) await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId });
  if (!writesRecord(opts.actor, 'agreements.create', boardId)) {
    if (boardId) throw forbidden();
    throw unprocessable('board_required', 'Välj nämnden för en lokal överenskommelse. Den centrala överenskommelsen registreras av den centrala samordnaren.', [
      { field: 'boardId', message: 'Välj nämnd.' },
    ]);
  }
  const dates = dateProblems({ validFrom: i.validFrom, validTo: i.validTo ?? null, reviewOn: i.reviewOn });
  if (dates.length) throw unprocessable('invalid_dates', dates[0]!.message, dates);
  const partnerIds = [...new Set(i.partnerIds)];
  const activityIds = [...new Set(i.activityIds ?? [])];
  const id = await opts.db.transaction().execute(async (trx) => {
    refuseProblems(
      [...(await checkPartners(trx, opts.actor, partnerIds, boardId)), ...(await checkActivities(trx, opts.actor, activityIds, boardId))],
      'Överenskommelsen kunde inte sparas. Rätta fälten och försök igen.',
    );
    const row = await repo.insertAgreement(trx, {
      municipality_id: opts.actor.municipalityId,
      board_id: boardId,
      title: i.title,
      valid_from: i.validFrom,
      valid_to: i.validTo ?? null,
      review_on: i.reviewOn,
      note: i.note || null,
      created_by: actorUserId(opts.actor),
    });
    await repo.setAgreementMembers(trx, row.id, partnerIds);
    await repo.setAgreementActivities(trx, row.id, activityIds);
    await recordAudit(trx, opts.actor, {
      action: 'agreements.create',
      entity: 'agreement',
      entityId: row.id,
      boardId,
      summary: { title: i.title, validFrom: i.validFrom, validTo: i.validTo ?? null, reviewOn: i.reviewOn, partnerIds, activityIds },
    });
    return row.id;
  });
  return view(opts.db, opts.actor, id);
}

export async function updateAgreement(opts: { db: Database; actor: ServiceActor; id: string; input: TUpdateAgreementRequest }): Promise<TAgreement> {
  const i = opts.input;
  await opts.db.transaction().execute(async (trx) => {
    const before = requireRecord(opts.actor, await repo.findAgreement(trx, opts.id), 'Överenskommelsen', 'agreements.list', 'agreements.update');
    const dates = dateProblems({
      validFrom: i.validFrom ?? String(before.valid_from),
      validTo: i.validTo !== undefined ? i.validTo : before.valid_to ? String(before.valid_to) : null,
      reviewOn: i.reviewOn ?? String(before.review_on),
    });
    if (dates.length) throw unprocessable('invalid_dates', dates[0]!.message, dates);
    refuseProblems(
      [...(await checkPartners(trx, opts.actor, i.partnerIds ?? [], before.board_id)), ...(await checkActivities(trx, opts.actor, i.activityIds ?? [], before.board_id))],
      'Överenskommelsen kunde inte sparas. Rätta fälten och försök igen.',
    );
    await repo.updateAgreement(trx, before.id, {
      title: i.title,
      valid_from: i.validFrom,
      valid_to: i.validTo,
      review_on: i.reviewOn,
      note: i.note === undefined ? undefined : i.note || null,
    });
    if (i.partnerIds) await repo.setAgreementMembers(trx, before.id, [...new Set(i.partnerIds)]);
    if (i.activityIds) await repo.setAgreementActivities(trx, before.id, [...new Set(i.activityIds)]);
    await recordAudit(trx, opts.actor, {
      action: 'agreements.update',
      entity: 'agreement',
      entityId: before.id,
      boardId: before.board_id,
      summary: {
        fields: Object.keys(i).filter((k) => i[k as keyof typeof i] !== undefined),
        ...(i.reviewOn && { reviewOn: { from: String(before.review_on), to: i.reviewOn } }),
      },
    });
  });
  return view(opts.db, opts.actor, opts.id);
}
