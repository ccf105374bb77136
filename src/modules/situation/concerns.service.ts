import type { Database } from '../../db/database.js';
import { can, inScope, scopeOf, type Actor } from '../../domain/policy/index.js';
import { isIsoDate, todayInSweden } from '../../domain/situation/categories.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { boardInMunicipality } from './access.js';
import * as repo from './concerns.repo.js';
import { confirmationSummary, guardFreeText } from './guard.js';
import { presentConcern, presentListItem, presentReceipt } from './presenters.js';
import type { TCreateConcernRequest } from './schema.js';

function checkOccurredOn(date: string) {
  const problem = !isIsoDate(date)
    ? 'Ange ett datum som finns, som ÅÅÅÅ-MM-DD.'
    : date > todayInSweden()
      ? 'Datumet kan inte vara i framtiden.'
      : date < '2000-01-01'
        ? 'Ange ett datum från år 2000.'
        : null;
  if (problem) throw unprocessable('invalid_date', problem, [{ field: 'occurredOn', message: problem }]);
}

/**
 * Files a de-identified concern or incident report; refused with 422 when any text holds personal
 * data, held back (422) when it looks like a name unless the writer confirmed.
 */
export async function createConcern(opts: { db: Database; actor: Actor; input: TCreateConcernRequest }) {
  const { db, actor, input } = opts;
  const board = await boardInMunicipality(db, actor, input.boardId);
  if (!can(actor, 'concerns.create', { boardId: board.id })) throw forbidden();
  const guarded = await guardFreeText(
    { description: input.description, actionTaken: input.actionTaken, area: input.area },
    {
      message: 'Rapporten innehåller personuppgifter. Ta bort dem och skicka igen – ingen får gå att identifiera i en orosrapport.',
      confirmNoPersonalData: input.confirmNoPersonalData,
    },
  );
  checkOccurredOn(input.occurredOn);
  if (input.reportingUnitId) {
    const unit = await orgs.findUnit(db, input.reportingUnitId);
    if (!unit || unit.board_id !== board.id) {
      throw unprocessable('unknown_unit', 'Enheten hör inte till nämnden.', [{ field: 'reportingUnitId', message: 'Välj en enhet i nämnden.' }]);
    }
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertConcern(trx, {
      board_id: board.id,
      occurred_on: input.occurredOn,
      type: input.type,
      environment: input.environment,
      area: input.area || null,
      reporting_unit_id: input.reportingUnitId ?? null,
      description: input.description,
      action_taken: input.actionTaken || null,
      forwarded_to_social_services: input.forwardedToSocialServices ?? false,
      forwarded_to_police: input.forwardedToPolice ?? false,
      filed_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'concerns.create',
      entity: 'concern_report',
      entityId: row.id,
      boardId: board.id,
      // Categories only: the texts never go into the log.
      summary: {
        occurredOn: row.occurred_on,
        type: row.type,
        environment: row.environment,
        forwardedToSocialServices: row.forwarded_to_social_services,
        forwardedToPolice: row.forwarded_to_police,
        ...confirmationSummary(guarded),
      },
    });
    return presentReceipt(row);
  });
}

async function scopeFor(db: Database, actor: Actor, boardId?: string) {
  const scope = scopeOf(actor, 'concerns.list');
  if (boardId) {
    await boardInMunicipality(db, actor, boardId);
    if (!inScope(scope, boardId)) throw forbidden();
  }
  return scope;
}

/** The coordinator's list, without texts: listing is not reading. */
export async function listConcerns(opts: { db: Database; actor: Actor; boardId?: string; status: 'open' | 'closed' | 'all'; year?: number }) {
  const scope = await scopeFor(opts.db, opts.actor, opts.boardId);
  const rows = await repo.listConcerns(opts.db, {
    municipalityId: opts.actor.municipalityId,
    boards: scope,
    userId: opts.actor.userId,
    boardId: opts.boardId,
    status: opts.status === 'all' ? undefined : opts.status,
    year: opts.year,
  });
  return rows.map(presentListItem);
}

/** Open reports the actor has not opened, per board. */
export async function inbox(opts: { db: Database; actor: Actor }) {
  const rows = await repo.unreadPerBoard(opts.db, { municipalityId: opts.actor.municipalityId, boards: scopeOf(opts.actor, 'concerns.inbox'), userId: opts.actor.userId });
  const boards = rows.map((r) => ({ boardId: r.board_id, boardName: r.board_name, unread: Number(r.n) }));
  return { unread: boards.reduce((a, b) => a + b.unread, 0), boards };
}

async function getForCoordinator(db: Database, actor: Actor, id: string, action: 'concerns.read' | 'concerns.classify' | 'concerns.note' | 'concerns.close') {
  const c = await repo.findConcern(db, id);
  if (!c || c.municipality_id !== actor.municipalityId) throw notFound('Rapporten');
  if (!can(actor, action, { boardId: c.board_id })) throw forbidden();
  return c;
}

/** Reads one report with its texts. Every read is written to the audit log. */
export async function readConcern(opts: { db: Database; actor: Actor; id: string }) {
  return opts.db.transaction().execute(async (trx) => {
    const c = await getForCoordinator(trx, opts.actor, opts.id, 'concerns.read');
    await repo.markRead(trx, c.id, opts.actor.userId);
    await recordAudit(trx, opts.actor, {
      action: 'concerns.read',
      entity: 'concern_report',
      entityId: c.id,
      boardId: c.board_id,
      summary: { type: c.type, environment: c.environment },
    });
    return presentConcern(c, await repo.notesOf(trx, c.id), false);
  });
}

function refuseClosed(c: { status: string }) {
  if (c.status === 'closed') throw conflict('Rapporten är avslutad och kan inte ändras.', 'closed');
}

/** A report is closed only once its relevance is judged: the city's counts of VBE-related reports rest on it. */
function refuseUnclassified(c: { relevance: string | null }) {
  if (!c.relevance) {
    throw unprocessable('unclassified', 'Klassa rapporten innan du avslutar den.', [
      { field: 'relevance', message: 'Välj en bedömning och spara klassningen innan du avslutar rapporten.' },
    ]);
  }
}

async function listItem(db: Database, actor: Actor, id: string) {
  const [row] = await repo.listConcerns(db, { municipalityId: actor.municipalityId, boards: 'all', userId: actor.userId, id });
  return presentListItem(row);
}

export async function classifyConcern(opts: { db: Database; actor: Actor; id: string; input: { type: string; environment: string; relevance: string } }) {
  return opts.db.transaction().execute(async (trx) => {
    const c = await getForCoordinator(trx, opts.actor, opts.id, 'concerns.classify');
    refuseClosed(c);
    await repo.classify(trx, c.id, { ...opts.input, classified_by: opts.actor.userId });
    await recordAudit(trx, opts.actor, {
      action: 'concerns.classify',
      entity: 'concern_report',
      entityId: c.id,
      boardId: c.board_id,
      summary: { from: { type: c.type, environment: c.environment, relevance: c.relevance }, to: opts.input },
    });
    return listItem(trx, opts.actor, c.id);
  });
}

export async function addConcernNote(opts: { db: Database; actor: Actor; id: string; body: string; confirmNoPersonalData?: boolean }) {
  return opts.db.transaction().execute(async (trx) => {
    const c = await getForCoordinator(trx, opts.actor, opts.id, 'concerns.note');
    refuseClosed(c);
    const guarded = await guardFreeText({ body: opts.body }, { subject: 'anteckningen', confirmNoPersonalData: opts.confirmNoPersonalData });
    const note = await repo.insertNote(trx, { concern_id: c.id, author_id: opts.actor.userId, body: opts.body });
    await recordAudit(trx, opts.actor, {
      action: 'concerns.note',
      entity: 'concern_report',
      entityId: c.id,
      boardId: c.board_id,
      summary: { noteId: note.id, ...confirmationSummary(guarded) },
    });
    return { id: note.id, body: note.body, authorName: opts.actor.name, createdAt: new Date(note.created_at).toISOString() };
  });
}

export async function closeConcern(opts: { db: Database; actor: Actor; id: string; comment?: string | null; confirmNoPersonalData?: boolean }) {
  return opts.db.transaction().execute(async (trx) => {
    const c = await getForCoordinator(trx, opts.actor, opts.id, 'concerns.close');
    refuseClosed(c);
    refuseUnclassified(c);
    const guarded = await guardFreeText({ comment: opts.comment }, { subject: 'kommentaren', confirmNoPersonalData: opts.confirmNoPersonalData });
    if (opts.comment) await repo.insertNote(trx, { concern_id: c.id, author_id: opts.actor.userId, body: opts.comment });
    await repo.close(trx, c.id, opts.actor.userId);
    await recordAudit(trx, opts.actor, {
      action: 'concerns.close',
      entity: 'concern_report',
      entityId: c.id,
      boardId: c.board_id,
      summary: { withComment: !!opts.comment, ...confirmationSummary(guarded) },
    });
    return listItem(trx, opts.actor, c.id);
  });
}
