import type { Database } from '../../db/database.js';
import type { Actor, RoleGrant } from '../../domain/policy/index.js';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../domain/session-rules.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteSessionsOfUser } from '../auth/repo.js';
import * as orgs from '../orgs/repo.js';
import * as repo from './repo.js';
import type { TCreateUserRequest, TUpdateUserRequest, TUser } from './schema.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export function presentUser(u: UserRow, roles: RoleGrant[]): TUser {
  return { id: u.id, email: u.email, name: u.name, active: u.active, unitId: u.unit_id, language: u.language, roles };
}

function checkPassword(password: string, field = 'password') {
  if (passwordProblem(password) === 'too_short') {
    throw unprocessable('weak_password', `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`, [
      { field, message: `Minst ${PASSWORD_MIN_LENGTH} tecken. En fras av flera ord är lätt att minnas.` },
    ]);
  }
}

async function normaliseRoles(db: Database, municipalityId: string, roles: { role: RoleGrant['role']; boardId?: string | null }[]) {
  const grants = roles.map((r) => ({ role: r.role, boardId: r.boardId ?? null }));
  const boardIds = [...new Set(grants.map((g) => g.boardId).filter((b): b is string => !!b))];
  const found = await orgs.findBoardsByIds(db, municipalityId, boardIds);
  const missing = boardIds.filter((id) => !found.some((b) => b.id === id));
  if (missing.length) {
    throw unprocessable('unknown_board', 'En roll gäller en nämnd som inte finns.', [
      { field: 'roles', message: `Nämnden finns inte: ${missing.join(', ')}` },
    ]);
  }
  const key = (g: RoleGrant) => `${g.role}:${g.boardId}`;
  return [...new Map(grants.map((g) => [key(g), g])).values()];
}

async function checkUnit(db: Database, municipalityId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const unit = await orgs.findUnit(db, unitId);
  const board = unit && (await orgs.findBoard(db, unit.board_id));
  if (!board || board.municipality_id !== municipalityId) {
    throw unprocessable('unknown_unit', 'Enheten finns inte.', [{ field: 'unitId', message: 'Välj en enhet som finns.' }]);
  }
}

export async function listUsers(opts: { db: Database; actor: Actor }) {
  const rows = await repo.listInMunicipality(opts.db, opts.actor.municipalityId);
  const roles = await repo.rolesOf(opts.db, rows.map((r) => r.id));
  return rows.map((u) => presentUser(u, roles.get(u.id) ?? []));
}

async function getUser(db: Database, municipalityId: string, id: string) {
  const user = await repo.findById(db, id);
  if (!user || user.municipality_id !== municipalityId) throw notFound('Användaren');
  return user;
}

export async function createUser(opts: { db: Database; actor: AuditActor & { municipalityId: string }; input: TCreateUserRequest }) {
  checkPassword(opts.input.password);
  const passwordHash = await hashPassword(opts.input.password);
  return opts.db.transaction().execute(async (trx) => {
    if (await repo.findByEmail(trx, opts.input.email)) {
      throw conflict('Det finns redan ett konto med den e-postadressen.', 'duplicate');
    }
    const roles = await normaliseRoles(trx, opts.actor.municipalityId, opts.input.roles);
    await checkUnit(trx, opts.actor.municipalityId, opts.input.unitId);
    const user = await repo.insertUser(trx, {
      municipality_id: opts.actor.municipalityId,
      email: opts.input.email.toLowerCase(),
      name: opts.input.name,
      password_hash: passwordHash,
      unit_id: opts.input.unitId ?? null,
    });
    await repo.replaceRoles(trx, user.id, roles);
    await recordAudit(trx, opts.actor, {
      action: 'users.create',
      entity: 'user',
      entityId: user.id,
      summary: { email: user.email, roles },
    });
    return presentUser(user, roles);
  });
}

export async function updateUser(opts: { db: Database; actor: Actor; userId: string; input: TUpdateUserRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await getUser(trx, opts.actor.municipalityId, opts.userId);
    const beforeRoles = (await repo.rolesOf(trx, [before.id])).get(before.id) ?? [];
    if (opts.userId === opts.actor.userId && opts.input.active === false) {
      throw conflict('Du kan inte inaktivera ditt eget konto.', 'self_deactivation');
    }
    await checkUnit(trx, opts.actor.municipalityId, opts.input.unitId);
    const user = await repo.updateUser(trx, before.id, {
      name: opts.input.name,
      active: opts.input.active,
      unit_id: opts.input.unitId,
    });
    let roles = beforeRoles;
    if (opts.input.roles) {
      roles = await normaliseRoles(trx, opts.actor.municipalityId, opts.input.roles);
      await repo.replaceRoles(trx, user.id, roles);
    }
    // A deactivated account is logged out everywhere at once.
    if (opts.input.active === false) await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, opts.actor, {
      action: 'users.update',
      entity: 'user',
      entityId: user.id,
      summary: {
        email: user.email,
        ...(opts.input.name !== undefined && { name: { from: before.name, to: user.name } }),
        ...(opts.input.active !== undefined && { active: { from: before.active, to: user.active } }),
        ...(opts.input.unitId !== undefined && { unitId: { from: before.unit_id, to: user.unit_id } }),
        ...(opts.input.roles && { roles: { from: beforeRoles, to: roles } }),
      },
    });
    return presentUser(user, roles);
  });
}

export async function resetPassword(opts: { db: Database; actor: Actor; userId: string; password: string }) {
  checkPassword(opts.password);
  const hash = await hashPassword(opts.password);
  await opts.db.transaction().execute(async (trx) => {
    const user = await getUser(trx, opts.actor.municipalityId, opts.userId);
    await repo.setPasswordHash(trx, user.id, hash);
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, opts.actor, { action: 'users.reset_password', entity: 'user', entityId: user.id, summary: { email: user.email } });
  });
}

export async function updateOwnSettings(opts: { db: Database; actor: Actor; language?: 'sv' | 'en' }) {
  return opts.db.transaction().execute(async (trx) => {
    const user = await repo.updateUser(trx, opts.actor.userId, { language: opts.language });
    await recordAudit(trx, opts.actor, { action: 'me.update', entity: 'user', entityId: user.id, summary: { language: opts.language } });
    return presentUser(user, opts.actor.roles);
  });
}

export async function getOwnProfile(opts: { db: Database; actor: Actor }) {
  const user = await getUser(opts.db, opts.actor.municipalityId, opts.actor.userId);
  return presentUser(user, opts.actor.roles);
}
