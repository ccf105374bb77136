import { definedOnly, isEmpty } from '../../db/patch.js';
import type { Database } from '../../db/database.js';
import type { BoardKind, RoleGrant, Role } from '../../domain/policy/index.js';

export async function findByEmail(db: Database, email: string) {
  return db.selectFrom('app_user').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export async function findById(db: Database, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Database, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_role').select(['user_id', 'role', 'board_id']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push({ role: r.role as Role, boardId: r.board_id });
    map.set(r.user_id, list);
  }
  return map;
}

/** One user's grants with each grant's board kind, for the session's actor (the policy reads the kind, src/domain/policy/scope.ts). */
export async function grantsOf(db: Database, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_role')
    .leftJoin('board', 'board.id', 'user_role.board_id')
    .select(['user_role.role', 'user_role.board_id', 'board.kind'])
    .where('user_role.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, boardId: r.board_id, boardKind: (r.kind as BoardKind | null) ?? null }));
}

export async function listInMunicipality(db: Database, municipalityId: string) {
  return db.selectFrom('app_user').selectAll().where('municipality_id', '=', municipalityId).orderBy('name').execute();
}

export async function insertUser(
  db: Database,
  u: { municipality_id: string; email: string; name: string; password_hash: string | null; unit_id?: string | null },
) {
  return db.insertInto('app_user').values(u).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Database, id: string, patch: { name?: string; active?: boolean; unit_id?: string | null; language?: string }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('app_user').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setPasswordHash(db: Database, id: string, hash: string) {
  await db.updateTable('app_user').set({ password_hash: hash }).where('id', '=', id).execute();
}

export async function replaceRoles(db: Database, userId: string, roles: RoleGrant[]) {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length) {
    await db.insertInto('user_role').values(roles.map((r) => ({ user_id: userId, role: r.role, board_id: r.boardId }))).execute();
  }
}
