/**
 * Which Värna account an OpenID Connect login belongs to: pure rules, the look-ups are passed in.
 *
 * The provider's issuer and subject (`iss`, `sub`) are the only identity it promises never to
 * reassign; an e-mail address can change or be handed to someone else. So a login is bound to an
 * account by (issuer, subject). The e-mail claim is used only for the first login, and only when
 * the provider says the address is verified, to find the account to bind. After that the binding
 * decides alone: an e-mail change at the provider does not move the login to another account, and
 * another subject presenting the bound account's e-mail is refused.
 */

export interface AccountRef {
  userId: string;
  active: boolean;
}

export interface IdentityFacts {
  /** The account already bound to this issuer and subject, if any. */
  bound: AccountRef | null;
  /** Whether the provider says the e-mail claim is verified (`email_verified`). */
  emailVerified: boolean;
  /** The account whose e-mail equals the claim, if any, and the subject it is bound to under this issuer. */
  byEmail: (AccountRef & { boundSubject: string | null }) | null;
}

export type RefusalReason = 'no_account' | 'inactive' | 'unverified_email' | 'bound_to_other_subject';

export type IdentityDecision =
  | { kind: 'login'; userId: string }
  | { kind: 'bind'; userId: string }
  | { kind: 'refuse'; reason: RefusalReason; userId: string | null };

export function decideOidcLogin(f: IdentityFacts): IdentityDecision {
  if (f.bound) return f.bound.active ? { kind: 'login', userId: f.bound.userId } : { kind: 'refuse', reason: 'inactive', userId: f.bound.userId };
  const account = f.byEmail;
  // Checked before the account is looked at, so an unverified claim learns nothing about accounts.
  if (!f.emailVerified) return { kind: 'refuse', reason: 'unverified_email', userId: account?.userId ?? null };
  if (!account) return { kind: 'refuse', reason: 'no_account', userId: null };
  if (!account.active) return { kind: 'refuse', reason: 'inactive', userId: account.userId };
  if (account.boundSubject !== null) return { kind: 'refuse', reason: 'bound_to_other_subject', userId: account.userId };
  return { kind: 'bind', userId: account.userId };
}

/**
 * `email_verified` as providers send it: a JSON boolean per the specification; a few send the
 * string "true". Anything else, a missing claim included, is not verified.
 */
export function isVerifiedClaim(value: unknown): boolean {
  return value === true || value === 'true';
}
