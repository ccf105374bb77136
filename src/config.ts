import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment (see README "Configuration"). */
export interface Config {
  port: number;
  /** Interface to listen on (HOST): the loopback interface unless the operator says otherwise. */
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed demo data on an empty database (VARNA_DEMO; see demoByDefault). */
  demo: boolean;
  /** NODE_ENV=production. */
  production: boolean;
  /** The address users reach Värna at (VARNA_PUBLIC_URL). */
  publicUrl: string;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends regardless of activity. */
  sessionAbsoluteHours: number;
  /**
   * Set when served over HTTPS (directly or behind a TLS-terminating proxy): the session cookie is
   * `__Host-`-prefixed and Secure, and responses carry HSTS.
   */
  secureCookies: boolean;
  logLevel: string;
  /** Requests per minute per client IP: all API calls, and login attempts. */
  rateLimit: { perMinute: number; loginPerMinute: number };
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed (VARNA_TRUST_PROXY); empty: none. */
  trustProxy: string[];
  /** Append-only file outside the database that receives the audit chain's head (VARNA_AUDIT_ANCHOR). */
  auditAnchor: string | undefined;
  /** Largest attachment accepted, in bytes (VARNA_ATTACHMENT_MAX_MB, default 20). */
  attachmentMaxBytes: number;
  /** Bearer token that lets a scraper elsewhere read /metrics (VARNA_METRICS_TOKEN); unset: this machine only. */
  metricsToken?: string;
  /** Node processes serving the port (VARNA_WORKERS, a number or `auto` = one per core); 1 on the embedded database. */
  workers: number;
  /** The gate for reports and their documents (src/http/heavy-work.ts). */
  heavyWork: { concurrency: number; queue: number; entries: number };
  /** The municipality's mail server (VARNA_SMTP_URL, smtp://host:port); unset: notifications in-app only. */
  smtpUrl: string | undefined;
  /** Sender address of Värna's e-mail (VARNA_MAIL_FROM). */
  mailFrom: string;
  /** Seconds between the scans for due reminders and digests (VARNA_JOBS_INTERVAL_SECONDS, default 300); 0 runs no jobs in this process. */
  jobsIntervalSeconds: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; claim: string; allowHttp: boolean } | undefined;
}

/**
 * Demo data only on purpose (API.md, "Safe deployment"): on by default only for the README's first
 * command, `npm start` on the embedded database with NODE_ENV unset. A PostgreSQL server or
 * NODE_ENV=production never gets the demo accounts unless VARNA_DEMO=1 says so.
 */
export function demoByDefault(env: NodeJS.ProcessEnv): boolean {
  if (env.VARNA_DEMO !== undefined && env.VARNA_DEMO !== '') return env.VARNA_DEMO === '1';
  return !env.DATABASE_URL && !env.NODE_ENV;
}

/** A setting that cannot be used as given: the message says which variable and what it takes. */
export class ConfigError extends Error {}

/** The process's configuration, or a message saying which setting to fix and exit code 2 (no stack trace). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Värna cannot start: ${error.message}`);
    process.exit(2);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const oidcIssuer = env.VARNA_OIDC_ISSUER;
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`PORT must be a port number from 1 to 65535, not "${env.PORT}".`);
  const publicUrl = env.VARNA_PUBLIC_URL || `http://localhost:${port}`;
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    throw new ConfigError(`VARNA_PUBLIC_URL must be the address users open, e.g. https://varna.kommun.se, not "${publicUrl}".`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.VARNA_DATA_DIR ?? './data'),
    demo: demoByDefault(env),
    production: env.NODE_ENV === 'production',
    publicUrl,
    sessionIdleMinutes: Number(env.VARNA_SESSION_IDLE_MINUTES ?? 60),
    sessionAbsoluteHours: Number(env.VARNA_SESSION_ABSOLUTE_HOURS ?? 12),
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: { perMinute: Number(env.VARNA_RATE_LIMIT ?? 600), loginPerMinute: Number(env.VARNA_LOGIN_RATE_LIMIT ?? 20) },
    trustProxy: (env.VARNA_TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    auditAnchor: env.VARNA_AUDIT_ANCHOR ? resolve(env.VARNA_AUDIT_ANCHOR) : undefined,
    attachmentMaxBytes: Math.round((Number(env.VARNA_ATTACHMENT_MAX_MB) > 0 ? Number(env.VARNA_ATTACHMENT_MAX_MB) : 20) * 1024 * 1024),
    metricsToken: env.VARNA_METRICS_TOKEN || undefined,
    workers: env.VARNA_WORKERS === 'auto' ? availableParallelism() : whole(env.VARNA_WORKERS, 1, 1),
    heavyWork: {
      concurrency: whole(env.VARNA_REPORT_CONCURRENCY, 2, 1),
      queue: whole(env.VARNA_REPORT_QUEUE, 100, 0),
      entries: whole(env.VARNA_REPORT_CACHE_ENTRIES, 64, 0),
    },
    smtpUrl: env.VARNA_SMTP_URL || undefined,
    mailFrom: env.VARNA_MAIL_FROM || `Värna <varna@${new URL(publicUrl).hostname}>`,
    jobsIntervalSeconds: whole(env.VARNA_JOBS_INTERVAL_SECONDS, 300, 0),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.VARNA_OIDC_CLIENT_ID ?? '',
          clientSecret: env.VARNA_OIDC_CLIENT_SECRET ?? '',
          redirectUri: `${publicUrl}/api/session/oidc/callback`,
          claim: env.VARNA_OIDC_EMAIL_CLAIM ?? 'email',
          allowHttp: oidcIssuer.startsWith('http://'),
        }
      : undefined,
  };
}

/** A whole number from the environment, at least `min`; unset or not a number: `fallback`. */
function whole(value: string | undefined, fallback: number, min: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= min ? n : fallback;
}
