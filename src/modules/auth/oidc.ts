import * as client from 'openid-client';
import type { Config } from '../../config.js';

type OidcSettings = NonNullable<Config['oidc']>;

let discovered: { key: string; config: client.Configuration } | undefined;

/** Discovers the issuer once per process (and again if the settings change, as in tests). */
async function configuration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (discovered?.key === key) return discovered.config;
  const config = await client.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
    execute: s.allowHttp ? [client.allowInsecureRequests] : [],
  });
  discovered = { key, config };
  return config;
}

export async function authorizationRequest(s: OidcSettings) {
  const config = await configuration(s);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url: url.href, verifier, state };
}

/** Exchanges the callback's code and returns the configured claim (e-mail by default). */
export async function completeAuthorization(s: OidcSettings, callbackUrl: URL, verifier: string, state: string): Promise<string | undefined> {
  const config = await configuration(s);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state });
  const claims = tokens.claims();
  const value = claims?.[s.claim];
  return typeof value === 'string' ? value : undefined;
}
