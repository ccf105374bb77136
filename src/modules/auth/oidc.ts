import type * as client from 'openid-client';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { decideOidcLogin, isVerifiedClaim, type RefusalReason } from '../../domain/oidc-identity.js';
import { recordAudit } from '../audit/service.js';
import { findByEmail } from '../users/repo.js';
import * as identities from './identity-repo.js';

type OidcSettings = NonNullable<Config['oidc']>;

/** The OpenID Connect client, loaded with the first sign-in through it, not at start. */
const openidClient = () => import('openid-client');

let discovered: { key: string; config: client.Configuration } | undefined;

/** Discovers the issuer once per process (and again if the settings change, as in tests). */
async function configuration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (discovered?.key === key) return discovered.config;
  const client = await openidClient();
  const config = await client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
    execute: s.allowHttp ? [client.allowInsecureRequests] : [],
  });
  discovered = { key, config };
  return config;
}

/** What the browser keeps between the redirect and the callback (in a signed, short-lived cookie). */
interface Pending {
  state: string;
  verifier: string;
  nonce: string;
}

// All three are base64url, so a dot separates them unambiguously.
const encodePending = (p: Pending) => `${p.state}.${p.verifier}.${p.nonce}`;

function decodePending(value: string): Pending | undefined {
  const [state, verifier, nonce, ...rest] = value.split('.');
  if (!state || !verifier || !nonce || rest.length > 0) return undefined;
  return { state, verifier, nonce };
}

/** The provider's URL to send the browser to, and the value to keep in the signed state cookie. */
export async function authorizationRequest(s: OidcSettings): Promise<{ url: string; pending: string }> {
  const config = await configuration(s);
  const client = await openidClient();
  const pending = { state: client.randomState(), verifier: client.randomPKCECodeVerifier(), nonce: client.randomNonce() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending: encodePending(pending) };
}

interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

/**
 * Exchanges the callback's code, checking state, PKCE and the ID token's nonce, and returns who the
 * provider says logged in. The e-mail claim (the configured one) and `email_verified` come from the
 * ID token, or from the userinfo endpoint when the provider leaves them out of the token.
 */
async function completeAuthorization(s: OidcSettings, callbackUrl: URL, p: Pending): Promise<ProviderIdentity> {
  const config = await configuration(s);
  const client = await openidClient();
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: p.verifier,
    expectedState: p.state,
    expectedNonce: p.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims()!;
  let claims: Record<string, unknown> = idToken;
  if ((claims[s.claim] === undefined || claims.email_verified === undefined) && tokens.access_token) {
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    claims = { ...userinfo, ...idToken };
  }
  const email = claims[s.claim];
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email: typeof email === 'string' && email.trim() !== '' ? email.trim() : undefined,
    emailVerified: isVerifiedClaim(claims.email_verified),
  };
}

/** The `fel` parameter of /logga-in that the login page turns into a message. */
export type OidcLoginError = 'oidc' | 'oidc-konto' | 'oidc-epost' | 'oidc-bunden';

const errorFor: Record<RefusalReason, OidcLoginError> = {
  no_account: 'oidc-konto',
  inactive: 'oidc-konto',
  unverified_email: 'oidc-epost',
  bound_to_other_subject: 'oidc-bunden',
};

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * Completes an OpenID Connect login: checks the callback against the pending request, then finds
 * the account by the provider's (issuer, subject) binding, or, at first login, by a verified
 * e-mail claim and binds it. Bindings and refusals that concern an account are audited; the
 * session itself is started (and audited) by the caller. Protocol failures (state, PKCE, nonce,
 * a code used twice) come back as `oidc`.
 */
export async function logInWithOidc(opts: {
  db: Database;
  settings: OidcSettings;
  callbackUrl: URL;
  pending: string;
  log: Log;
}): Promise<{ ok: true; userId: string } | { ok: false; error: OidcLoginError }> {
  const { db, log } = opts;
  const pending = decodePending(opts.pending);
  if (!pending) return { ok: false, error: 'oidc' };
  let who: ProviderIdentity;
  try {
    who = await completeAuthorization(opts.settings, opts.callbackUrl, pending);
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'OIDC callback failed');
    return { ok: false, error: 'oidc' };
  }

  const bound = await identities.findBoundUser(db, who.issuer, who.subject);
  const byEmail = !bound && who.email ? await findByEmail(db, who.email) : undefined;
  const decision = decideOidcLogin({
    bound: bound ? { userId: bound.id, active: bound.active } : null,
    emailVerified: who.emailVerified,
    byEmail: byEmail
      ? { userId: byEmail.id, active: byEmail.active, boundSubject: await identities.boundSubjectOf(db, byEmail.id, who.issuer) }
      : null,
  });
  const account = bound ?? byEmail;
  const now = new Date();

  if (decision.kind === 'refuse') {
    log.warn({ reason: decision.reason, issuer: who.issuer }, 'OIDC login refused');
    if (account) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, { system: 'oidc', municipalityId: account.municipality_id }, {
          action: 'session.oidc_refused',
          entity: 'user',
          entityId: account.id,
          summary: { reason: decision.reason, issuer: who.issuer },
        }),
      );
    }
    return { ok: false, error: errorFor[decision.reason] };
  }

  if (decision.kind === 'login') {
    await identities.touchIdentity(db, who.issuer, who.subject, now);
    return { ok: true, userId: decision.userId };
  }

  const user = account!;
  const won = await db.transaction().execute(async (trx) => {
    if (!(await identities.insertIdentity(trx, { userId: user.id, issuer: who.issuer, subject: who.subject, now }))) return false;
    await recordAudit(trx, { system: 'oidc', municipalityId: user.municipality_id }, {
      action: 'session.oidc_bind',
      entity: 'user',
      entityId: user.id,
      summary: { issuer: who.issuer, subject: who.subject },
    });
    return true;
  });
  if (!won) {
    // Another login bound this subject or this account at the same moment: let the binding decide next time.
    log.warn({ issuer: who.issuer }, 'OIDC binding lost a race');
    return { ok: false, error: 'oidc' };
  }
  return { ok: true, userId: user.id };
}
