import type { Database } from '../../db/database.js';
import { canOn, type Actor } from '../../domain/policy/index.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import * as repo from './repo.js';
import { presentBoard, presentUnit } from './presenters.js';
import type { TCreateBoardRequest, TCreateUnitRequest } from './schema.js';

export async function listBoards(opts: { db: Database; actor: Actor }) {
  return (await repo.listBoards(opts.db, opts.actor.municipalityId)).map(presentBoard);
}

/** Every unit of the municipality in one answer (pickers across boards), like listBoards readable by all. */
export async function listAllUnits(opts: { db: Database; actor: Actor }) {
  return (await repo.listUnitsOfMunicipality(opts.db, opts.actor.municipalityId)).map(presentUnit);
}

/** A board of the actor's municipality, or 404: ids from another municipality do not exist for them. */
export async function getBoard(opts: { db: Database; municipalityId: string; boardId: string }) {
  const board = await repo.findBoard(opts.db, opts.boardId);
  if (!board || board.municipality_id !== opts.municipalityId) throw notFound('Nämnden');
  return board;
}

export async function createBoard(opts: { db: Database; actor: AuditActor & { municipalityId: string }; input: TCreateBoardRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    if (await repo.findBoardByName(trx, opts.actor.municipalityId, opts.input.name)) {
      throw conflict(`Det finns redan en nämnd som heter ${opts.input.name}.`, 'duplicate');
    }
    const board = await repo.insertBoard(trx, { municipality_id: opts.actor.municipalityId, ...opts.input });
    await recordAudit(trx, opts.actor, {
      action: 'boards.create',
      entity: 'board',
      entityId: board.id,
      boardId: board.id,
      summary: { name: board.name, kind: board.kind },
    });
    return presentBoard(board);
  });
}

export async function updateBoard(opts: { db: Database; actor: Actor; boardId: string; input: { name?: string; code?: string | null } }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await getBoard({ db: trx, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
    if (!canOn(opts.actor, 'boards.update', before.id)) throw forbidden();
    if (opts.input.name && opts.input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findBoardByName(trx, opts.actor.municipalityId, opts.input.name)) {
        throw conflict(`Det finns redan en nämnd som heter ${opts.input.name}.`, 'duplicate');
      }
    }
    const board = await repo.updateBoard(trx, opts.boardId, opts.input);
    await recordAudit(trx, opts.actor, {
      action: 'boards.update',
      entity: 'board',
      entityId: board.id,
      boardId: board.id,
      summary: { from: { name: before.name, code: before.code }, to: { name: board.name, code: board.code } },
    });
    return presentBoard(board);
  });
}

export async function listUnits(opts: { db: Database; actor: Actor; boardId: string }) {
  await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  return (await repo.listUnits(opts.db, opts.boardId)).map(presentUnit);
}

export async function createUnit(opts: {
  db: Database;
  actor: AuditActor & { municipalityId: string };
  boardId: string;
  input: TCreateUnitRequest;
}) {
  return opts.db.transaction().execute(async (trx) => {
    // An admin granted for one board adds units to that board only (the demo seed acts for the system).
    if ('roles' in opts.actor) {
      await getBoard({ db: trx, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
      if (!canOn(opts.actor, 'units.create', opts.boardId)) throw forbidden();
    }
    return createUnitIn({ ...opts, trx });
  });
}

/** createUnit inside a transaction the caller already holds (e.g. a headcount import creating units). */
export async function createUnitIn(opts: {
  trx: Database;
  actor: AuditActor & { municipalityId: string };
  boardId: string;
  input: TCreateUnitRequest;
}) {
  const trx = opts.trx;
  await getBoard({ db: trx, municipalityId: opts.actor.municipalityId, boardId: opts.boardId });
  const parentId = opts.input.parentId ?? null;
  if (parentId) {
    const parent = await repo.findUnit(trx, parentId);
    if (!parent || parent.board_id !== opts.boardId) {
      throw unprocessable('invalid_parent', 'Den överordnade enheten hör inte till nämnden.', [
        { field: 'parentId', message: 'Välj en enhet i samma nämnd.' },
      ]);
    }
  }
  if (await repo.findUnitByName(trx, opts.boardId, parentId, opts.input.name)) {
    throw conflict(`Det finns redan en enhet som heter ${opts.input.name} på den nivån.`, 'duplicate');
  }
  const unit = await repo.insertUnit(trx, {
    board_id: opts.boardId,
    parent_id: parentId,
    name: opts.input.name,
    kind: opts.input.kind,
    code: opts.input.code ?? null,
  });
  await recordAudit(trx, opts.actor, {
    action: 'units.create',
    entity: 'unit',
    entityId: unit.id,
    boardId: opts.boardId,
    summary: { name: unit.name, kind: unit.kind, parentId },
  });
  return presentUnit(unit);
}

export async function renameUnit(opts: { db: Database; actor: Actor; unitId: string; input: { name?: string; code?: string | null } }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await repo.findUnit(trx, opts.unitId);
    if (!before) throw notFound('Enheten');
    await getBoard({ db: trx, municipalityId: opts.actor.municipalityId, boardId: before.board_id });
    if (!canOn(opts.actor, 'units.update', before.board_id)) throw forbidden();
    const unit = await repo.updateUnit(trx, opts.unitId, opts.input);
    await recordAudit(trx, opts.actor, {
      action: 'units.update',
      entity: 'unit',
      entityId: unit.id,
      boardId: unit.board_id,
      summary: { from: { name: before.name, code: before.code }, to: { name: unit.name, code: unit.code } },
    });
    return presentUnit(unit);
  });
}
