import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { capabilities, type Actor } from '../../domain/policy/index.js';
import { sessionCookieName } from '../../http/session-cookie.js';
import { notFound } from '../../http/errors.js';
import { updateOwnSettings } from '../users/service.js';
import { findProfile, type Profile } from './repo.js';
import { authorizationRequest, logInWithOidc } from './oidc.js';
import { ZLoginOptions, ZLoginRequest, ZMe, ZUpdateMeRequest, type TMe } from './schema.js';
import * as service from './service.js';

const OIDC_COOKIE = 'varna_oidc';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.secureCookies };
  // `__Host-varna_session` over HTTPS (Secure, Path=/, no Domain), `varna_session` over http.
  const sessionCookie = sessionCookieName(app.config.secureCookies);

  /** `read`: the profile read with the session (GET /api/me, which every page asks for on load). */
  async function presentMe(actor: Actor, csrfToken: string, read?: Profile | null): Promise<TMe> {
    const profile = read ?? (await findProfile(app.db, actor.municipalityId, actor.userId));
    if (!profile) throw notFound('Användaren');
    const boardName = new Map(profile.boards.map((b) => [b.id, b.name]));
    return {
      user: {
        id: profile.id,
        email: profile.email,
        name: profile.name,
        language: profile.language,
        unitId: profile.unit_id,
        roles: actor.roles.map((r) => ({ role: r.role, boardId: r.boardId, boardName: r.boardId ? (boardName.get(r.boardId) ?? null) : null })),
      },
      municipality: { id: profile.municipality_id, name: profile.municipality_name },
      can: capabilities(actor),
      csrfToken,
    };
  }

  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(sessionCookie, token, { ...cookieOptions, maxAge: app.config.sessionAbsoluteHours * 3600 });
  }

  app.get('/api/session/options', {
    config: { action: 'session.create' },
    schema: { tags: ['session'], summary: 'Which ways to log in are enabled', response: { 200: ZLoginOptions } },
    handler: async () => ({ oidc: !!app.config.oidc }),
  });

  app.post('/api/session', {
    config: { action: 'session.create', rateLimit: { max: app.config.rateLimit.loginPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['session'], summary: 'Log in with e-mail and password', body: ZLoginRequest, response: { 200: ZMe } },
    handler: async (req, reply) => {
      const s = await service.logIn({ db: app.db, email: req.body.email, password: req.body.password, ip: req.ip });
      setSessionCookie(reply, s.token);
      return presentMe(s.actor, s.csrfToken);
    },
  });

  app.delete('/api/session', {
    config: { action: 'session.delete' },
    schema: { tags: ['session'], summary: 'Log out', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.logOut({ db: app.db, actor: req.actor!, sessionId: req.sessionId! });
      reply.clearCookie(sessionCookie, cookieOptions);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/me', {
    config: { action: 'session.read' },
    schema: { tags: ['session'], summary: 'The logged-in user, roles and CSRF token', response: { 200: ZMe } },
    handler: (req) => presentMe(req.actor!, req.csrfToken!, req.profile),
  });

  app.patch('/api/me', {
    config: { action: 'me.update' },
    schema: { tags: ['session'], summary: 'Change own settings (language)', body: ZUpdateMeRequest, response: { 200: ZMe } },
    handler: async (req) => {
      await updateOwnSettings({ db: app.db, actor: req.actor!, language: req.body.language });
      return presentMe(req.actor!, req.csrfToken!);
    },
  });

  app.get('/api/session/oidc', {
    config: { action: 'session.oidc' },
    schema: { tags: ['session'], summary: 'Start OpenID Connect login (redirects to the identity provider)', hide: false },
    handler: async (_req, reply) => {
      if (!app.config.oidc) return reply.redirect('/logga-in?fel=oidc');
      const r = await authorizationRequest(app.config.oidc);
      reply.setCookie(OIDC_COOKIE, r.pending, { ...cookieOptions, maxAge: 600, signed: true });
      return reply.redirect(r.url);
    },
  });

  app.get('/api/session/oidc/callback', {
    config: { action: 'session.oidc' },
    schema: { tags: ['session'], summary: 'OpenID Connect callback', querystring: z.record(z.string(), z.string()) },
    handler: async (req, reply) => {
      const oidc = app.config.oidc;
      const raw = req.cookies[OIDC_COOKIE];
      const unsigned = raw ? req.unsignCookie(raw) : undefined;
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      if (!oidc || !unsigned?.valid || !unsigned.value) return reply.redirect('/logga-in?fel=oidc');
      const callbackUrl = new URL(req.url, oidc.redirectUri);
      try {
        const outcome = await logInWithOidc({ db: app.db, settings: oidc, callbackUrl, pending: unsigned.value, log: req.log });
        if (!outcome.ok) return reply.redirect(`/logga-in?fel=${outcome.error}`);
        const s = await service.startSession({ db: app.db, userId: outcome.userId, method: 'oidc' });
        setSessionCookie(reply, s.token);
        return reply.redirect('/');
      } catch (err) {
        req.log.warn({ err: (err as Error).message }, 'OIDC callback failed');
        return reply.redirect('/logga-in?fel=oidc');
      }
    },
  });
};
