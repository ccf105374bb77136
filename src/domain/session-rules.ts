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
 * Failed-login throttle: after `maxFailures` failures within the window, further attempts for the
 * same account (or from the same IP address) are refused until the oldest failure leaves it.
 * The failures themselves are stored in the database (auth/repo.ts), so they hold across restarts
 * and across several Värna processes on one PostgreSQL server.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  account: { maxFailures: 5 },
  ip: { maxFailures: 30 },
} as const;

export function isLoginThrottled(recent: { account: number; ip: number }): boolean {
  return recent.account >= LOGIN_THROTTLE.account.maxFailures || recent.ip >= LOGIN_THROTTLE.ip.maxFailures;
}
