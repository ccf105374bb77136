import { createHash, createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import type { Actor, BoardKind, Role } from '../../domain/policy/index.js';
import { isLoginThrottled, LOGIN_THROTTLE, loginDelayMs, sessionState, shouldTouch, type SessionLimits } from '../../domain/session-rules.js';
import { AppError, unauthenticated } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as users from '../users/repo.js';
import * as repo from './repo.js';
import { verifyPassword } from './passwords.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

// Throttle keys are HMACs under a secret kept in the database (migration 0009): the table of
// failures holds no e-mail or IP address, nor a plain hash of one that could be reversed by trying
// every address. One secret per installation, shared by every process on the same database.
const THROTTLE_SECRET = 'auth.login_throttle';
const throttleSecrets = new WeakMap<Database, Promise<string>>();

function throttleSecret(db: Database): Promise<string> {
  let secret = throttleSecrets.get(db);
  if (!secret) {
    secret = repo.getOrCreateSecret(db, THROTTLE_SECRET, randomBytes(32).toString('base64url'));
    secret.catch(() => throttleSecrets.delete(db));
    throttleSecrets.set(db, secret);
  }
  return secret;
}

/** The hashed keys of the throttle's three counts (session-rules.ts): account, address, both. */
export async function loginThrottleKeys(db: Database, email: string, ip: string) {
  const secret = await throttleSecret(db);
  const key = (s: string) => createHmac('sha256', secret).update(s).digest('hex');
  return { account: key(`account:${email}`), ip: key(`ip:${ip}`), pair: key(`pair:${email}\n${ip}`) };
}

const tooMany = () =>
  new AppError(429, 'rate_limited', 'För många misslyckade inloggningar härifrån. Vänta en kvart och försök igen, eller be en administratör om hjälp.');
const badLogin = () => new AppError(401, 'invalid_credentials', 'Fel e-postadress eller lösenord.');

export interface NewSession {
  token: string;
  csrfToken: string;
  actor: Actor;
}

async function loadActor(db: Database, user: { id: string; email: string; name: string; municipality_id: string }): Promise<Actor> {
  // Each grant carries its board's kind: the policy's city-board viewer rule needs it and stays pure.
  const roles = await users.grantsOf(db, user.id);
  return { userId: user.id, email: user.email, name: user.name, municipalityId: user.municipality_id, roles };
}

/** Starts a session for an already authenticated user (password or OpenID Connect). */
export async function startSession(opts: { db: Database; userId: string; method: 'password' | 'oidc' }): Promise<NewSession> {
  const user = await users.findById(opts.db, opts.userId);
  if (!user || !user.active) throw badLogin();
  const token = newToken();
  const csrfToken = newToken();
  const actor = await loadActor(opts.db, user);
  await opts.db.transaction().execute(async (trx) => {
    const s = await repo.insertSession(trx, { token_hash: sha256(token), csrf_token: csrfToken, user_id: user.id, now: new Date() });
    await recordAudit(trx, actor, { action: 'session.create', entity: 'session', entityId: s.id, summary: { method: opts.method } });
  });
  return { token, csrfToken, actor };
}

export async function logIn(opts: { db: Database; email: string; password: string; ip: string }): Promise<NewSession> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  const email = opts.email.trim().toLowerCase();
  const keys = await loginThrottleKeys(opts.db, email, opts.ip);
  const recent = await repo.countLoginFailures(opts.db, [keys.account, keys.ip, keys.pair], windowStart);
  const count = (key: string) => recent.get(key) ?? 0;
  // This address has failed too often, on this account or on any: refused. Other addresses, the
  // real user's among them, are not.
  if (isLoginThrottled({ pair: count(keys.pair), ip: count(keys.ip) })) throw tooMany();
  // Failures on this account from anywhere slow every attempt on it, before the password is checked,
  // whatever the outcome: a delay an attacker cannot turn into a lock-out.
  const delay = loginDelayMs(count(keys.account));
  if (delay > 0) await sleep(delay);
  const user = await users.findByEmail(opts.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, opts.password);
  if (!user || !ok || !user.active) {
    await repo.recordLoginFailure(opts.db, [keys.account, keys.ip, keys.pair], now, windowStart);
    throw badLogin();
  }
  await repo.clearLoginFailures(opts.db, [keys.account, keys.pair]);
  return startSession({ db: opts.db, userId: user.id, method: 'password' });
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  /** What GET /api/me shows, read in the same query. */
  profile: repo.Profile;
}

/** The session behind a cookie token, or null when unknown, expired or the account is inactive. */
export async function resolveSession(opts: { db: Database; token: string; limits: SessionLimits; now?: Date }): Promise<ResolvedSession | null> {
  const now = opts.now ?? new Date();
  const row = await repo.findSessionByTokenHash(opts.db, sha256(opts.token));
  if (!row) return null;
  const times = { createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at) };
  if (!row.active || sessionState(times, now, opts.limits) !== 'active') {
    await repo.deleteSession(opts.db, row.id);
    return null;
  }
  if (shouldTouch(times, now)) await repo.touchSession(opts.db, row.id, now);
  const roles = row.grants.map((g) => ({ role: g.role as Role, boardId: g.board_id, boardKind: (g.kind as BoardKind | null) ?? null }));
  const actor: Actor = { userId: row.user_id, email: row.email, name: row.name, municipalityId: row.municipality_id, roles };
  const profile: repo.Profile = {
    id: row.user_id,
    email: row.email,
    name: row.name,
    language: row.language,
    unit_id: row.unit_id,
    municipality_id: row.municipality_id,
    municipality_name: row.municipality_name,
    boards: row.grants.flatMap((g) => (g.board_id && g.board_name !== null && g.board_municipality_id === row.municipality_id ? [{ id: g.board_id, name: g.board_name }] : [])),
  };
  return { sessionId: row.id, csrfToken: row.csrf_token, actor, profile };
}

export async function logOut(opts: { db: Database; actor: Actor; sessionId: string }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, opts.sessionId);
    await recordAudit(trx, opts.actor, { action: 'session.delete', entity: 'session', entityId: opts.sessionId, summary: {} });
  });
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}
