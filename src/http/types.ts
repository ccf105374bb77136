import type { Action, Actor } from '../domain/policy/index.js';
import type { Database } from '../db/database.js';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs. Required on every /api route. */
    action?: Action;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** The session's user as GET /api/me shows them (read with the session). */
    profile: import('../modules/auth/repo.js').Profile | null;
  }
  interface FastifyInstance {
    db: Database;
    config: Config;
    dbKind: import('../db/database.js').DatabaseKind;
    routeActions: import('./guard.js').RouteAction[];
    heavyWork: import('./heavy-work.js').HeavyWork;
  }
}
