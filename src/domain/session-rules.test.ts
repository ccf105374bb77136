import { describe, expect, it } from 'vitest';
import { LoginThrottle, passwordProblem, sessionState, shouldTouch } from './session-rules.js';

const limits = { idleMinutes: 60, absoluteHours: 12 };
const t0 = new Date('2026-11-23T08:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe('sessionState', () => {
  it('is active right after login', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, t0, limits)).toBe('active');
  });
  it('expires after the idle time without activity', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, plus(59 * MIN), limits)).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, plus(60 * MIN), limits)).toBe('idle_expired');
  });
  it('expires after the absolute time however active the user is', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: plus(12 * 60 * MIN - 1) }, plus(12 * 60 * MIN), limits)).toBe('absolute_expired');
  });
  it('touches last-seen at most once a minute', () => {
    expect(shouldTouch({ createdAt: t0, lastSeenAt: t0 }, plus(30_000))).toBe(false);
    expect(shouldTouch({ createdAt: t0, lastSeenAt: t0 }, plus(MIN))).toBe(true);
  });
});

describe('passwordProblem', () => {
  it('refuses passwords under 15 characters and accepts 15', () => {
    expect(passwordProblem('a'.repeat(14))).toBe('too_short');
    expect(passwordProblem('a'.repeat(15))).toBeNull();
  });
  it('counts characters, not bytes (åäö are one each)', () => {
    expect(passwordProblem('åäöåäöåäöåäöåäö')).toBeNull();
  });
  it('refuses absurdly long input', () => {
    expect(passwordProblem('a'.repeat(257))).toBe('too_long');
  });
});

describe('LoginThrottle', () => {
  it('blocks after the maximum failures within the window and frees the key after it', () => {
    const th = new LoginThrottle(3, 10 * MIN);
    for (let i = 0; i < 3; i++) th.recordFailure('anna@x', t0.getTime() + i);
    expect(th.isBlocked('anna@x', t0.getTime() + 10)).toBe(true);
    expect(th.isBlocked('other@x', t0.getTime() + 10)).toBe(false);
    expect(th.isBlocked('anna@x', t0.getTime() + 10 * MIN + 5)).toBe(false);
  });
  it('forgets failures after a successful login', () => {
    const th = new LoginThrottle(2, MIN);
    th.recordFailure('k', 0);
    th.reset('k');
    th.recordFailure('k', 1);
    expect(th.isBlocked('k', 2)).toBe(false);
  });
});
