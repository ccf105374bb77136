/** Session lifetime and login throttling: pure rules, the clock is passed in. */

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}
export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired';

export function sessionState(s: SessionTimes, now: Date, limits: SessionLimits): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= limits.absoluteHours * 3_600_000) return 'absolute_expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return 'idle_expired';
  return 'active';
}

/** Touching last_seen_at on every request costs a write; once a minute is precise enough. */
export function shouldTouch(s: SessionTimes, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= 60_000;
}

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

/** NIST SP 800-63B-4: length is what counts for a single-factor password; no composition rules. */
export function passwordProblem(password: string): 'too_short' | 'too_long' | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}

/**
 * Failed-login throttle. The failures are rows in the database (auth/repo.ts), so they hold across
 * restarts and across several Värna processes on one PostgreSQL server. Three counts, each over the
 * last `windowMs`:
 *
 * - **account and address together**: after `pair.maxFailures` failures for one account from one
 *   address, that address may not try that account again until the oldest failure leaves the window;
 * - **address**: after `ip.maxFailures` failures from one address, whatever the accounts, it may not
 *   try any account;
 * - **account from anywhere**: never refused (an attacker elsewhere must not be able to lock the real
 *   user out), but each attempt after `account.freeFailures` failures waits a growing delay before
 *   the password is even checked, which slows guessing spread over many addresses.
 *
 * The client address is the one Fastify derives: the socket's, or X-Forwarded-For only from proxies
 * listed in VARNA_TRUST_PROXY.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  pair: { maxFailures: 5 },
  ip: { maxFailures: 30 },
  account: { freeFailures: 5, baseDelayMs: 250, maxDelayMs: 8_000 },
} as const;

export function isLoginThrottled(recent: { pair: number; ip: number }): boolean {
  return recent.pair >= LOGIN_THROTTLE.pair.maxFailures || recent.ip >= LOGIN_THROTTLE.ip.maxFailures;
}

/** How long an attempt on an account waits, given the account's recent failures from any address. */
export function loginDelayMs(accountFailures: number): number {
  const { freeFailures, baseDelayMs, maxDelayMs } = LOGIN_THROTTLE.account;
  if (accountFailures < freeFailures) return 0;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(accountFailures - freeFailures, 16));
}
