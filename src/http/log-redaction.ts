import type { FastifyRequest } from 'fastify';

/**
 * What the request log may say about a URL. Some URLs carry secrets: a survey link's token is the
 * only thing that lets its holder answer (`/enkat/<token>` in the browser, `/api/public/surveys/<token>`
 * from the page), and the OpenID Connect callback carries an authorization code and state. Those
 * are replaced before anything is logged; so is any other path segment that looks like a random
 * token (long base64url), in case a later route adds one. UUIDs (record ids) are not secrets and stay.
 */
const TOKEN_PATHS = [/^(\/api\/public\/surveys\/)[^/?#]+/, /^(\/enkat\/)[^/?#]+/];
const SECRET_PARAMS = new Set(['code', 'state', 'token', 'session_state', 'id_token', 'access_token', 'refresh_token', 'password']);
const TOKEN_LIKE = /^[A-Za-z0-9_-]{32,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  for (const re of TOKEN_PATHS) path = path.replace(re, `$1${REDACTED}`);
  path = path
    .split('/')
    .map((segment) => (TOKEN_LIKE.test(segment) && !UUID.test(segment) ? REDACTED : segment))
    .join('/');
  if (q === -1) return path;
  const params = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as sent.
      }
      if (eq === -1) return pair;
      return SECRET_PARAMS.has(decoded.toLowerCase()) || TOKEN_LIKE.test(pair.slice(eq + 1)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${params}`;
}

/** Fastify's request serializer with the URL redacted; headers (cookies, CSRF token) and bodies are never logged. */
export function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
