/**
 * A board's public "where to turn" page (PRODUCT.md §8): read without login, so every response is
 * built field by field from what is published — the board's name, its text and function contacts,
 * and the ids and years of its approved plans. Drafts, reviews, comments and who wrote what never
 * leave the database through here.
 */
import type { Database } from '../../db/database.js';
import { ALWAYS_SHOWN_CONTACTS, looksPersonal } from '../../domain/hub/public-info.js';
import { actorUserId, canOn, type ServiceActor, type SystemActor } from '../../domain/policy/index.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import * as plans from '../plans/service.js';
import type { PlanForExport } from '../plans/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import * as repo from './repo.js';
import type { TApprovedPlansBoard, TPublicBoard, TPublicInfoRequest } from './schema.js';

export const publicPlanUrl = (planId: string) => `/api/public/plans/${planId}/pdf`;

/** A board of any municipality, for a reader without a session: 404 for an unknown id. */
async function publicBoard(db: Database, boardId: string) {
  const board = await orgs.findBoard(db, boardId);
  if (!board) throw notFound('Nämnden');
  return board;
}

export async function listPublicBoards(opts: { db: Database; municipalityId: string }) {
  const municipality = await repo.municipalityName(opts.db, opts.municipalityId);
  if (!municipality) throw notFound('Kommunen');
  const boards = await repo.boardsWithInfo(opts.db, opts.municipalityId);
  return { municipality, boards: boards.map((b) => ({ id: b.id, name: b.name, hasInfo: b.info !== null })) };
}

export async function getPublicBoard(opts: { db: Database; boardId: string }): Promise<TPublicBoard> {
  const board = await publicBoard(opts.db, opts.boardId);
  const [info, approved, municipality] = await Promise.all([
    repo.findPublicInfo(opts.db, board.id),
    repo.approvedPlans(opts.db, board.id),
    repo.municipalityName(opts.db, board.municipality_id),
  ]);
  return {
    id: board.id,
    name: board.name,
    municipality: municipality ?? '',
    text: info?.text ?? null,
    contacts: (info?.contacts ?? []).map((c) => ({ label: c.label, ...(c.email && { email: c.email }), ...(c.phone && { phone: c.phone }) })),
    alwaysShown: ALWAYS_SHOWN_CONTACTS.map((c) => ({ ...c })),
    plans: approved.map((p) => ({ id: p.id, year: p.year, url: publicPlanUrl(p.id) })),
    updatedAt: info ? new Date(info.updated_at).toISOString() : null,
  };
}

/** Every board's approved plans for staff (public documents, the same PDFs as the public page): never a draft. */
export async function listApprovedPlans(opts: { db: Database; actor: ServiceActor }): Promise<TApprovedPlansBoard[]> {
  const rows = await repo.approvedPlansOfMunicipality(opts.db, opts.actor.municipalityId);
  const boards = new Map<string, TApprovedPlansBoard>();
  for (const r of rows) {
    const b = boards.get(r.board_id) ?? { boardId: r.board_id, boardName: r.board_name, plans: [] };
    b.plans.push({ id: r.id, year: r.year, url: publicPlanUrl(r.id) });
    boards.set(r.board_id, b);
  }
  return [...boards.values()];
}

/** The export model of an approved plan, read as the public; 404 for any other plan (drafts are not public documents). */
export async function publicPlanForExport(opts: { db: Database; planId: string }): Promise<PlanForExport> {
  const row = await repo.planStatus(opts.db, opts.planId);
  if (!row || row.status !== 'approved') throw notFound('Planen');
  const reader: SystemActor = { system: 'public', name: 'Allmänheten', municipalityId: row.municipality_id, roles: [{ role: 'viewer', boardId: row.board_id }] };
  return plans.getPlanForExport({ db: opts.db, actor: reader, planId: row.id });
}

/** Sets the board's public text and contacts (the board's local coordinator, the central coordinator). */
export async function savePublicInfo(opts: { db: Database; actor: ServiceActor; boardId: string; input: TPublicInfoRequest }): Promise<TPublicBoard> {
  const i = opts.input;
  const board = await orgs.findBoard(opts.db, opts.boardId);
  if (!board || board.municipality_id !== opts.actor.municipalityId) throw notFound('Nämnden');
  if (!canOn(opts.actor, 'public_info.update', board.id)) throw forbidden();
  const personal = i.contacts.map((c, n) => ({ c, n })).filter(({ c }) => c.email && looksPersonal(c.email));
  if (personal.length && !i.confirmNoPersonalData) {
    throw unprocessable(
      'personal_data_possible',
      'En e-postadress ser ut att vara en persons egen. Sidan är offentlig: ange en funktionsbrevlåda, eller bekräfta att adressen är en funktions och skicka igen.',
      personal.map(({ n }) => ({ field: `contacts.${n}.email`, message: 'Ange en funktionsbrevlåda, t.ex. vbe.stadsdel@stad.se.' })),
    );
  }
  // The text is published: no personal data, and names held back unless confirmed. Numbers and addresses belong in the contacts.
  const guarded = await guardFreeText(Object.fromEntries([['text', i.text], ...i.contacts.map((c, n) => [`contacts.${n}.label`, c.label])]), {
    subject: 'den offentliga texten',
    message: 'Texten innehåller personuppgifter. Sidan är offentlig: skriv telefonnummer och e-post som kontakter och ta bort allt som pekar ut en person.',
    confirmNoPersonalData: i.confirmNoPersonalData,
  });
  const contacts = i.contacts.map((c) => ({ label: c.label, ...(c.email && { email: c.email }), ...(c.phone && { phone: c.phone }) }));
  await opts.db.transaction().execute(async (trx) => {
    await repo.upsertPublicInfo(trx, { board_id: board.id, text: i.text, contacts, updated_by: actorUserId(opts.actor) });
    await recordAudit(trx, opts.actor, {
      action: 'public_info.update',
      entity: 'board_public_info',
      entityId: board.id,
      boardId: board.id,
      summary: { contacts: contacts.length, length: i.text.length, personalLookingMailboxesConfirmed: personal.length, ...confirmationSummary(guarded) },
    });
  });
  return getPublicBoard({ db: opts.db, boardId: board.id });
}
