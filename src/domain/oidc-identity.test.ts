import { describe, expect, it } from 'vitest';
import { decideOidcLogin, isVerifiedClaim, type IdentityFacts } from './oidc-identity.js';

const erik = { userId: 'erik', active: true };
const facts = (f: Partial<IdentityFacts>): IdentityFacts => ({ bound: null, emailVerified: true, byEmail: null, ...f });

describe('decideOidcLogin', () => {
  it.each<[string, Partial<IdentityFacts>, ReturnType<typeof decideOidcLogin>]>([
    ['first login with a verified e-mail binds the account', { byEmail: { ...erik, boundSubject: null } }, { kind: 'bind', userId: 'erik' }],
    ['a bound subject logs in, whatever the e-mail now says', { bound: erik, emailVerified: false, byEmail: { userId: 'central', active: true, boundSubject: null } }, { kind: 'login', userId: 'erik' }],
    ['a bound but deactivated account is refused', { bound: { userId: 'erik', active: false } }, { kind: 'refuse', reason: 'inactive', userId: 'erik' }],
    ['an unverified e-mail never finds an account', { emailVerified: false, byEmail: { ...erik, boundSubject: null } }, { kind: 'refuse', reason: 'unverified_email', userId: 'erik' }],
    ['an unverified e-mail matching nothing', { emailVerified: false }, { kind: 'refuse', reason: 'unverified_email', userId: null }],
    ['a verified e-mail matching no account', {}, { kind: 'refuse', reason: 'no_account', userId: null }],
    ['a verified e-mail of a deactivated account', { byEmail: { userId: 'erik', active: false, boundSubject: null } }, { kind: 'refuse', reason: 'inactive', userId: 'erik' }],
    ['another subject with the e-mail of an account bound to someone else', { byEmail: { ...erik, boundSubject: 'sub-1' } }, { kind: 'refuse', reason: 'bound_to_other_subject', userId: 'erik' }],
  ])('%s', (_name, f, expected) => {
    expect(decideOidcLogin(facts(f))).toEqual(expected);
  });
});

describe('isVerifiedClaim', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [undefined, false],
    [null, false],
    [1, false],
    ['yes', false],
  ])('%j → %s', (value, expected) => {
    expect(isVerifiedClaim(value)).toBe(expected);
  });
});
