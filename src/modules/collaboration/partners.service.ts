/**
 * The partner register: organisations by type, the boards that work with them, and function
 * contacts (a role and a function mailbox, never a private person's details). The contacts'
 * roles and the note pass the personal-data guard; names are organisations', stored as given.
 */
import type { Database } from '../../db/database.js';
import { partnerTypeLabel, type PartnerType } from '../../domain/collaboration/model.js';
import { actorUserId, inScope, scopeOf, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import { writesPartner } from './access.js';
import * as repo from './repo.js';
import type { PartnerRow } from './repo.js';
import type { TCreatePartnerRequest, TPartner, TUpdatePartnerRequest } from './schema.js';

type Usage = Awaited<ReturnType<typeof repo.partnerUsage>>;

function present(row: PartnerRow, usage: Usage): TPartner {
  return {
    id: row.id,
    name: row.name,
    type: row.type as PartnerType,
    typeLabel: partnerTypeLabel(row.type),
    boards: row.boards,
    contacts: row.contacts,
    note: row.note,
    archived: row.archived_at !== null,
    usedBy: usage.get(row.id) ?? { activities: 0, forums: 0, agreements: 0 },
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function listPartners(opts: {
  db: Database;
  actor: ServiceActor;
  query: { type?: PartnerType; boardId?: string; q?: string; archived?: 'true' | 'false' };
}): Promise<TPartner[]> {
  const scope = scopeOf(opts.actor, 'partners.list');
  if (opts.query.boardId && !inScope(scope, opts.query.boardId)) throw forbidden();
  const rows = await repo.listPartners(opts.db, opts.actor.municipalityId, {
    scope,
    type: opts.query.type,
    boardId: opts.query.boardId,
    q: opts.query.q || undefined,
    archived: opts.query.archived === undefined ? false : opts.query.archived === 'true',
  });
  const usage = await repo.partnerUsage(opts.db, opts.actor.municipalityId);
  return rows.map((r) => present(r, usage));
}

async function view(db: Database, actor: ServiceActor, id: string): Promise<TPartner> {
  const row = (await repo.findPartner(db, actor.municipalityId, id))!;
  return present(row, await repo.partnerUsage(db, actor.municipalityId));
}

/** Boards given must be the municipality's; the writer must write on each, or be municipality-wide for a partner of no board. */
async function checkBoards(db: Database, actor: ServiceActor, boardIds: string[]) {
  if (!boardIds.length) return;
  const known = await db.selectFrom('board').select('id').where('municipality_id', '=', actor.municipalityId).where('id', 'in', boardIds).execute();
  if (known.length !== boardIds.length) {
    throw unprocessable('invalid_reference', 'En nämnd finns inte. Välj nämnder ur listan.', [{ field: 'boardIds', message: 'Välj nämnder som finns.' }]);
  }
}

const refuseWithoutRights = (boardIds: string[]) =>
  boardIds.length
    ? forbidden()
    : unprocessable('board_required', 'Välj vilken nämnd som samverkar med organisationen. Bara den centrala samordnaren för stadens gemensamma register.', [
        { field: 'boardIds', message: 'Välj minst en nämnd.' },
      ]);

async function guardTexts(input: { contacts?: { role: string }[]; note?: string | null; confirmNoPersonalData?: boolean }) {
  return guardFreeText(Object.fromEntries([...(input.contacts ?? []).map((c, n) => [`contacts.${n}.role`, c.role]), ['note', input.note]]), {
    subject: 'registret',
    confirmNoPersonalData: input.confirmNoPersonalData,
  });
}

export async function createPartner(opts: { db: Database; actor: ServiceActor; input: TCreatePartnerRequest }): Promise<TPartner> {
  const i = opts.input;
  const boardIds = [...new Set(i.boardIds ?? [])];
  await checkBoards(opts.db, opts.actor, boardIds);
  if (!writesPartner(opts.actor, boardIds)) throw refuseWithoutRights(boardIds);
  const guarded = await guardTexts(i);
  const id = await opts.db.transaction().execute(async (trx) => {
    if (await repo.partnerNameTaken(trx, opts.actor.municipalityId, i.name)) {
      throw conflict(`${i.name} finns redan i registret. Lägg till nämnden på den befintliga organisationen i stället.`, 'duplicate_partner');
    }
    const row = await repo.insertPartner(trx, {
      municipality_id: opts.actor.municipalityId,
      name: i.name,
      type: i.type,
      contacts: i.contacts ?? [],
      note: i.note || null,
      created_by: actorUserId(opts.actor),
    });
    await repo.setPartnerBoards(trx, row.id, boardIds);
    await recordAudit(trx, opts.actor, {
      action: 'partners.create',
      entity: 'partner',
      entityId: row.id,
      boardId: boardIds.length === 1 ? boardIds[0]! : null,
      summary: { name: i.name, type: i.type, boardIds, contacts: (i.contacts ?? []).length, ...confirmationSummary(guarded) },
    });
    return row.id;
  });
  return view(opts.db, opts.actor, id);
}

export async function updatePartner(opts: { db: Database; actor: ServiceActor; id: string; input: TUpdatePartnerRequest }): Promise<TPartner> {
  const i = opts.input;
  const before = await repo.findPartner(opts.db, opts.actor.municipalityId, opts.id);
  const readable = before && (scopeOf(opts.actor, 'partners.list') === 'all' || before.boards.length === 0 || before.boards.some((b) => inScope(scopeOf(opts.actor, 'partners.list'), b.id)));
  if (!before || !readable) throw notFound('Organisationen');
  const beforeBoards = before.boards.map((b) => b.id);
  const afterBoards = i.boardIds ? [...new Set(i.boardIds)] : beforeBoards;
  await checkBoards(opts.db, opts.actor, afterBoards);
  // Changing a partner touches every board it is and will be registered on.
  if (!writesPartner(opts.actor, [...new Set([...beforeBoards, ...afterBoards])])) throw forbidden();
  if (afterBoards.length === 0 && beforeBoards.length > 0 && !writesPartner(opts.actor, [])) throw refuseWithoutRights([]);
  const guarded = await guardTexts(i);
  await opts.db.transaction().execute(async (trx) => {
    if (i.name && (await repo.partnerNameTaken(trx, opts.actor.municipalityId, i.name, before.id))) {
      throw conflict(`${i.name} finns redan i registret.`, 'duplicate_partner');
    }
    await repo.updatePartner(trx, before.id, { name: i.name, type: i.type, contacts: i.contacts, note: i.note === undefined ? undefined : i.note || null, archived: i.archived });
    if (i.boardIds) await repo.setPartnerBoards(trx, before.id, afterBoards);
    await recordAudit(trx, opts.actor, {
      action: 'partners.update',
      entity: 'partner',
      entityId: before.id,
      boardId: afterBoards.length === 1 ? afterBoards[0]! : null,
      summary: {
        fields: Object.keys(i).filter((k) => k !== 'confirmNoPersonalData' && i[k as keyof typeof i] !== undefined),
        ...(i.boardIds && { boardIds: afterBoards }),
        ...(i.archived !== undefined && { archived: i.archived }),
        ...confirmationSummary(guarded),
      },
    });
  });
  return view(opts.db, opts.actor, before.id);
}
