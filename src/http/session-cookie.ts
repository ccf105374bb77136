/**
 * The session cookie's name, in one place: every reader and writer (guard, login/logout routes,
 * OpenAPI description, tests) asks here.
 *
 * Over HTTPS the name carries the `__Host-` prefix: browsers accept such a cookie only when it is
 * Secure, has Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page on the same
 * host can set or shadow it. Over plain http (the demo on localhost) the prefix would make browsers
 * drop the cookie, so it stays `varna_session`.
 */
export const SESSION_COOKIE = 'varna_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
