import { describe, expect, it } from 'vitest';
import { isLoginThrottled, loginDelayMs, passwordProblem, sessionState, shouldTouch } from './session-rules.js';

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

describe('isLoginThrottled', () => {
  it('refuses an address from its fifth failure on one account, or its thirtieth on any, not before', () => {
    expect(isLoginThrottled({ pair: 4, ip: 29 })).toBe(false);
    expect(isLoginThrottled({ pair: 5, ip: 5 })).toBe(true);
    expect(isLoginThrottled({ pair: 0, ip: 30 })).toBe(true);
  });
});

describe('loginDelayMs', () => {
  it('does not slow an account with few failures', () => {
    expect(loginDelayMs(0)).toBe(0);
    expect(loginDelayMs(4)).toBe(0);
  });
  it('doubles the wait with every further failure from anywhere, up to a ceiling: a delay, never a lock', () => {
    expect(loginDelayMs(5)).toBe(250);
    expect(loginDelayMs(6)).toBe(500);
    expect(loginDelayMs(8)).toBe(2000);
    expect(loginDelayMs(10)).toBe(8000);
    expect(loginDelayMs(10_000)).toBe(8000);
  });
});
