import { definedOnly, isEmpty } from '../../db/patch.js';
import type { Database } from '../../db/database.js';

export async function listBoards(db: Database, municipalityId: string) {
  return db
    .selectFrom('board')
    .select(['id', 'name', 'kind', 'code'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function findBoard(db: Database, id: string) {
  return db.selectFrom('board').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBoardsByIds(db: Database, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('board').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

export async function findBoardByName(db: Database, municipalityId: string, name: string) {
  return db
    .selectFrom('board')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertBoard(db: Database, b: { municipality_id: string; name: string; kind: 'city_board' | 'district_board' | 'specialist_board'; code?: string | null }) {
  return db.insertInto('board').values(b).returning(['id', 'name', 'kind', 'code']).executeTakeFirstOrThrow();
}

export async function updateBoard(db: Database, id: string, patch: { name?: string; code?: string | null }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return db.selectFrom('board').select(['id', 'name', 'kind', 'code']).where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('board').set(set).where('id', '=', id).returning(['id', 'name', 'kind', 'code']).executeTakeFirstOrThrow();
}

export async function listUnits(db: Database, boardId: string) {
  return db.selectFrom('unit').select(['id', 'board_id', 'parent_id', 'name', 'kind', 'code']).where('board_id', '=', boardId).orderBy('name').execute();
}

/** Every unit of every board of the municipality, by board then name. */
export async function listUnitsOfMunicipality(db: Database, municipalityId: string) {
  return db
    .selectFrom('unit')
    .innerJoin('board', 'board.id', 'unit.board_id')
    .select(['unit.id', 'unit.board_id', 'unit.parent_id', 'unit.name', 'unit.kind', 'unit.code'])
    .where('board.municipality_id', '=', municipalityId)
    .orderBy('unit.board_id')
    .orderBy('unit.name')
    .execute();
}

export async function findUnit(db: Database, id: string) {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByName(db: Database, boardId: string, parentId: string | null, name: string) {
  let q = db.selectFrom('unit').selectAll().where('board_id', '=', boardId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null);
  return q.executeTakeFirst();
}

export async function insertUnit(
  db: Database,
  u: { board_id: string; parent_id: string | null; name: string; kind: 'administration' | 'department' | 'unit'; code?: string | null },
) {
  return db.insertInto('unit').values(u).returning(['id', 'board_id', 'parent_id', 'name', 'kind', 'code']).executeTakeFirstOrThrow();
}

export async function updateUnit(db: Database, id: string, patch: { name?: string; code?: string | null }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return db.selectFrom('unit').select(['id', 'board_id', 'parent_id', 'name', 'kind', 'code']).where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('unit').set(set).where('id', '=', id).returning(['id', 'board_id', 'parent_id', 'name', 'kind', 'code']).executeTakeFirstOrThrow();
}
