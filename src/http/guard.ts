import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { can, isAction, refusalOf, RULES, type Action } from '../domain/policy/index.js';
import { resolveSession } from '../modules/auth/service.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { sessionCookieName } from './session-cookie.js';

export { SESSION_COOKIE } from './session-cookie.js';

/** Every /api route with the action it declared: the role-matrix test walks this list. */
export interface RouteAction {
  method: string;
  url: string;
  action: Action;
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The request path every /api route goes through, in this order:
 * rate limit (plugin) → session and CSRF (onRequest) → role policy (preValidation) → validate
 * (schema) → handler, which runs the use case in one transaction.
 * A route without a known `config.action` cannot be registered.
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('profile', null);

  app.decorate('routeActions', [] as RouteAction[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), action: 'docs.read' };
    const action = route.config?.action;
    if (!action || !isAction(action)) {
      throw new Error(`Route ${route.method} ${route.url} has no policy action (config.action); see src/domain/policy`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeActions.push({ method, url: route.url, action });
    }
  });

  app.addHook('onRequest', async (request) => {
    // Static files and the web app's shell need no session: no database lookup for them.
    const action = request.routeOptions.config?.action;
    if (!action) return;
    const token = request.cookies[sessionCookieName(app.config.secureCookies)];
    if (token) {
      const session = await resolveSession({
        db: app.db,
        token,
        limits: { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours },
      });
      if (session) {
        request.actor = session.actor;
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.profile = session.profile;
      }
    }
    if (RULES[action] !== 'public' && !request.actor) throw unauthenticated();
    if (request.actor && !SAFE_METHODS.has(request.method) && action !== 'session.create') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
        throw new AppError(403, 'csrf', 'Säkerhetstoken saknas eller är fel. Ladda om sidan och försök igen.');
      }
    }
  });

  // Before schema validation, so a user without the right learns nothing about the payload rules:
  // does the actor's role allow the action at all? Checks on a specific board's resource happen
  // in the service with the same policy module.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const action = request.routeOptions.config?.action;
    if (action && !can(request.actor, action)) {
      const why = refusalOf(request.actor, action);
      throw why ? new AppError(403, 'forbidden', why) : forbidden();
    }
  });
}
