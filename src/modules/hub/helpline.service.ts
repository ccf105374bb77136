/**
 * The helpline log (lotsfunktion): each contact anonymous — date, who called, topic, environment,
 * where they were referred, a short guarded note. Counts are read like the situation picture:
 * exact inside the owning board, small counts suppressed outside it. The entries themselves (the
 * list, deleting one made by mistake) are the owning board's coordinators' only; the city's own
 * contacts (no board) are the central coordinator's.
 */
import type { Database } from '../../db/database.js';
import { currentYearInSweden, dayOrToday } from '../../domain/calendar.js';
import { countContacts, suppressHelpline, type CallerType, type CountableContact, type Environment, type HelplineTopic } from '../../domain/hub/helpline.js';
import { actorUserId, canEverywhere, canOn, scopeOf, type Actor, type ServiceActor } from '../../domain/policy/index.js';
import { suppressionLegendSv } from '../../domain/suppression.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { getBoard } from '../orgs/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import { isInsideBoard, suppressionThreshold } from '../situation/access.js';
import * as repo from './repo.js';
import type { THelplineContact, THelplineRequest, THelplineSummary } from './schema.js';

const CITY_ROW = 'Stadens lotsfunktion (ingen nämnd)';

/** Owns the entries of `boardId`: its own local coordinator; the city's own (null) a coordinator for the whole municipality. */
export function ownsEntries(actor: ServiceActor, boardId: string | null): boolean {
  if (boardId === null) return canEverywhere(actor, 'helpline.list');
  return actor.roles.some((g) => g.role === 'local_coordinator' && g.boardId === boardId);
}

/** Reads the board's counts exactly (src/modules/situation/access.ts `isInsideBoard`); the city's own row: the central coordinator for the whole city. */
function knowsRow(actor: ServiceActor, boardId: string | null): boolean {
  return boardId === null ? canEverywhere(actor, 'helpline.list') : isInsideBoard(actor as Actor, boardId);
}

export async function createContact(opts: { db: Database; actor: ServiceActor; input: THelplineRequest; today?: string }): Promise<THelplineContact> {
  const i = opts.input;
  const boardId = i.boardId ?? null;
  if (boardId) await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId });
  if (boardId ? !canOn(opts.actor, 'helpline.create', boardId) : !canEverywhere(opts.actor, 'helpline.create')) {
    if (boardId) throw forbidden();
    throw unprocessable('board_required', 'Välj vilken nämnd kontakten gäller. Stadens egna kontakter utan nämnd förs av den centrala samordnaren.', [{ field: 'boardId', message: 'Välj nämnd.' }]);
  }
  if (i.contactedOn > dayOrToday(opts.today)) {
    throw unprocessable('invalid_dates', 'Datumet kan inte ligga i framtiden. Registrera kontakten när den har ägt rum.', [{ field: 'contactedOn', message: 'Datumet kan inte ligga i framtiden.' }]);
  }
  const guarded = await guardFreeText({ referredTo: i.referredTo, note: i.note }, { subject: 'anteckningen', confirmNoPersonalData: i.confirmNoPersonalData });
  const id = await opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertContact(trx, {
      municipality_id: opts.actor.municipalityId,
      board_id: boardId,
      contacted_on: i.contactedOn,
      caller_type: i.callerType,
      topic: i.topic,
      environment: i.environment,
      referred_to: i.referredTo || null,
      note: i.note || null,
      created_by: actorUserId(opts.actor),
    });
    await recordAudit(trx, opts.actor, {
      action: 'helpline.create',
      entity: 'helpline_contact',
      entityId: row.id,
      boardId,
      summary: { contactedOn: i.contactedOn, callerType: i.callerType, topic: i.topic, environment: i.environment, note: !!i.note, ...confirmationSummary(guarded) },
    });
    return row.id;
  });
  const year = Number(i.contactedOn.slice(0, 4));
  const rows = await repo.contactsOfYear(opts.db, opts.actor.municipalityId, year, { boardIds: boardId ? [boardId] : [], cityOwn: !boardId });
  return present(rows.find((r) => r.id === id)!);
}

function present(r: Awaited<ReturnType<typeof repo.contactsOfYear>>[number]): THelplineContact {
  return {
    id: r.id,
    boardId: r.board_id,
    boardName: r.board_name,
    contactedOn: String(r.contacted_on),
    callerType: r.caller_type as CallerType,
    topic: r.topic as HelplineTopic,
    environment: r.environment as Environment,
    referredTo: r.referred_to,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The entries of a year the actor owns (optionally one board's): the board's coordinators' working list. */
export async function listContacts(opts: { db: Database; actor: ServiceActor; boardId?: string; year?: number }): Promise<THelplineContact[]> {
  const year = opts.year ?? currentYearInSweden();
  if (opts.boardId) {
    await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
    if (!ownsEntries(opts.actor, opts.boardId)) throw forbidden();
  }
  const own = opts.boardId ? [opts.boardId] : opts.actor.roles.filter((g) => g.role === 'local_coordinator' && g.boardId).map((g) => g.boardId as string);
  const rows = await repo.contactsOfYear(opts.db, opts.actor.municipalityId, year, { boardIds: own, cityOwn: !opts.boardId && ownsEntries(opts.actor, null) });
  return rows.map(present);
}

export async function deleteContact(opts: { db: Database; actor: ServiceActor; id: string }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    const row = await repo.findContact(trx, opts.id);
    if (!row || row.municipality_id !== opts.actor.municipalityId) throw notFound('Kontakten');
    if (!ownsEntries(opts.actor, row.board_id)) throw row.board_id && canOn(opts.actor, 'helpline.delete', row.board_id) ? forbidden() : notFound('Kontakten');
    await repo.deleteContact(trx, row.id);
    await recordAudit(trx, opts.actor, {
      action: 'helpline.delete',
      entity: 'helpline_contact',
      entityId: row.id,
      boardId: row.board_id,
      summary: { contactedOn: String(row.contacted_on), callerType: row.caller_type, topic: row.topic, environment: row.environment },
    });
  });
}

/** Counts by month, caller type and environment per board the actor reads; suppressed outside the owner. */
export async function helplineSummary(opts: { db: Database; actor: ServiceActor; year?: number }): Promise<THelplineSummary> {
  const year = opts.year ?? currentYearInSweden();
  const scope = scopeOf(opts.actor, 'helpline.summary');
  const threshold = await suppressionThreshold(opts.db, opts.actor.municipalityId);
  const boards = await repo.boardsOf(opts.db, opts.actor.municipalityId, scope);
  const cityOwn = scope === 'all';
  const contacts = await repo.contactsOfYear(opts.db, opts.actor.municipalityId, year, { boardIds: scope, cityOwn });
  const countable: CountableContact[] = contacts.map((c) => ({ boardId: c.board_id, contactedOn: String(c.contacted_on), callerType: c.caller_type as CallerType, environment: c.environment as Environment }));
  const rowIds: (string | null)[] = [...boards.map((b) => b.id), ...(cityOwn ? [null] : [])];
  const known = new Set(rowIds.filter((id) => knowsRow(opts.actor, id)));
  const { rows, totals } = suppressHelpline(countContacts(rowIds, countable), known, threshold);
  const names = new Map<string | null, string>([...boards.map((b) => [b.id, b.name] as const), [null, CITY_ROW]]);
  return {
    year,
    threshold,
    legend: suppressionLegendSv(threshold),
    boards: rows.map((r) => ({ ...r, boardName: names.get(r.boardId) ?? '', suppressed: !known.has(r.boardId) })),
    totals: { ...totals, boardName: 'Totalt', suppressed: rowIds.some((id) => !known.has(id)) },
  };
}
