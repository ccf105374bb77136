import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { memoryRateLimitStore, postgresRateLimitStore } from './http/rate-limit-store.js';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import { registerInMemoryCompression } from './http/compress-in-memory.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import './http/types.js';
import { registerErrorHandler } from './http/error-handler.js';
import { AppError } from './http/errors.js';
import { registerGuard } from './http/guard.js';
import { registerInvalidTextCheck } from './http/invalid-text.js';
import { registerMetrics } from './http/metrics.js';
import { createHeavyWork } from './http/heavy-work.js';
import { serializeRequest } from './http/log-redaction.js';
import { sessionCookieName } from './http/session-cookie.js';
import { accessibilityCheckerHashes } from './http/csp.js';
import { webShell } from './http/web-shell.js';
import { VERSION } from './version.js';
import { getInstance } from './modules/system/service.js';
import { systemRoutes } from './modules/system/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { situationRoutes } from './modules/situation/routes.js';
import { trainingRoutes } from './modules/training/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { planExportRoutes } from './modules/plans/export-routes.js';
import { followupRoutes } from './modules/followup/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { attachmentRoutes } from './modules/attachments/routes.js';
import { auditTrackingRoutes } from './modules/audit-tracking/routes.js';
import { overviewRoutes } from './modules/overview/routes.js';
import { grantRoutes } from './modules/grants/routes.js';
import { collaborationRoutes } from './modules/collaboration/routes.js';
import { hubRoutes } from './modules/hub/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';

// Validation messages the client sees are Swedish, like the rest of the UI.
z.config(z.locales.sv());

/** Capabilities, each a Fastify plugin from src/modules/<capability>/routes.ts. */
const MODULES = [systemRoutes, authRoutes, orgRoutes, userRoutes, auditRoutes, situationRoutes, planRoutes, planExportRoutes, trainingRoutes, followupRoutes, reportRoutes, attachmentRoutes, auditTrackingRoutes, overviewRoutes, grantRoutes, collaborationRoutes, hubRoutes, notificationRoutes];

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function buildServer(opts: {
  config: Config;
  database: DatabaseHandle;
  /** false: no log. Default: JSON lines on stdout; `logStream` sends them elsewhere (tests read them). */
  logger?: boolean;
  logStream?: Writable;
}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: JSON_BODY_LIMIT,
    // Addresses the router refuses before any route runs (a malformed escape, a path segment over
    // 100 characters) get the same JSON error shape as everything else.
    frameworkErrors: (error, _req, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void (reply as FastifyReply)
        .status(tooLong ? 414 : 400)
        .send({ error: { code: tooLong ? 'uri_too_long' : 'bad_url', message: tooLong ? 'En del av adressen är för lång.' : 'Adressen är felaktig. Kontrollera länken.' } });
    },
    // The client's address (rate limits, login throttle) is the socket's; X-Forwarded-For is believed
    // only when it comes from a reverse proxy the operator listed in VARNA_TRUST_PROXY.
    trustProxy: opts.config.trustProxy.length ? opts.config.trustProxy : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.logLevel,
            ...(opts.logStream && { stream: opts.logStream }),
            // Secrets never reach the log: survey tokens and OIDC codes in URLs are replaced
            // (log-redaction.ts), headers and bodies are not logged, and these paths are redacted
            // in case an error log carries them.
            serializers: { req: serializeRequest },
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
              'req.body.password',
              'body.password',
            ],
          },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', opts.database.db);
  app.decorate('dbKind', opts.database.kind);
  app.decorate('config', opts.config);
  app.decorate('heavyWork', createHeavyWork(opts.config.heavyWork));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...accessibilityCheckerHashes()],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Over HTTPS browsers are told to use nothing else for a year (HSTS).
    strictTransportSecurity: opts.config.secureCookies ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });
  // Text (JSON, HTML, scripts, styles, CSV) brotli- or gzip-compressed when the client accepts it;
  // images and office files are left alone (not compressible, see mime-db).
  // Small answers already in memory are compressed in one call before the plugin sees them.
  registerInMemoryCompression(app);
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
  // Signs the short-lived OIDC state cookie only; a restart just means logging in again.
  await app.register(cookie, { secret: randomBytes(32).toString('hex') });
  // Routes with their own limit (login) say so in `config.rateLimit`; every other request, anonymous
  // or not, API or static, is counted per client address by the hook below.
  // On a PostgreSQL server the counts live in the database, shared by every process; a failure to
  // count lets the request through rather than refusing everyone while the database recovers. The
  // embedded database's one process counts in memory (src/http/rate-limit-store.ts).
  const counts = opts.database.kind === 'postgres' ? postgresRateLimitStore(opts.database.db) : memoryRateLimitStore();
  app.addHook('onClose', async () => counts.stop());
  await app.register(rateLimit, { global: false, max: opts.config.rateLimit.perMinute, timeWindow: '1 minute', skipOnError: true, store: counts.Store as never });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Värna API', version: VERSION, description: 'The HTTP API of Värna. Paths in shared/API.md are stable.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(opts.config.secureCookies) } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandler(app);
  registerMetrics(app, { database: opts.database, token: opts.config.metricsToken });
  registerRequestRateLimit(app, opts.config.rateLimit.perMinute);
  registerGuard(app);
  registerInvalidTextCheck(app);
  for (const mod of MODULES) await app.register(mod);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      // Vite names everything under /assets/ by its content hash: cached for a year and never
      // revalidated. Anything else (index.html, the favicon) is revalidated on every use, so a new
      // build reaches users at their next page load.
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path.slice(WEB_DIST.length - 1)) ? IMMUTABLE : 'no-cache'),
    });
    const shell = webShell(WEB_DIST + 'index.html', async () => (await getInstance({ db: opts.database.db })).demo);
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const path = req.url.split('?')[0];
      if (path.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Sidan eller resursen finns inte.' } });
      if (/\.[a-z0-9]+$/i.test(path) && existsSync(WEB_DIST + path.slice(1))) return reply.sendFile(path.slice(1));
      // The web app routes in the browser; every other path gets its shell.
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await shell());
    });
  }
  return app;
}

/**
 * The per-address limit on all requests. An app-level hook registered before the guard, so it runs
 * before the session lookup: requests without a session (or with a forged one) are counted too,
 * and a flood is refused before it costs a database query. (The plugin's own per-route hooks run
 * after app-level hooks, so a request the guard refused with 401 was never counted.)
 */
function registerRequestRateLimit(app: FastifyInstance, perMinute: number): void {
  const check = app.createRateLimit({ max: perMinute, timeWindow: 60_000 });
  app.addHook('onRequest', async (request, reply) => {
    const verdict = await check(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    reply.header('retry-after', String(verdict.ttlInSeconds));
    throw new AppError(429, 'rate_limited', 'För många förfrågningar. Vänta en stund och försök igen.');
  });
}
