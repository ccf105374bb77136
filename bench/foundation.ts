import { sql } from 'kysely';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildServer } from '../src/server.js';
import { freePort, startServer, stop } from '../test/helpers/server-process.js';
import { row, round, time } from './stats.js';

/**
 * `npm start` as a user runs it, to "Värna is running": the build check (scripts/ensure-build.mjs;
 * bench/run.ts built what was out of date), then the process, on an empty data folder and again on
 * the database that start left. Targets (issue #11): ≤ 10 s empty, ≤ 3 s existing.
 */
async function npmStart(): Promise<{ lines: string[]; figures: StartFigure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'varna-bench-start-'));
  const out: string[] = [];
  const figures: StartFigure[] = [];
  try {
    for (const label of ['empty data folder', 'existing database']) {
      const t0 = performance.now();
      const check = spawnSync('node', ['scripts/ensure-build.mjs'], { encoding: 'utf8' });
      if (check.status !== 0 || check.stdout.includes('Building')) throw new Error(`the build check rebuilt or failed: ${check.stdout}${check.stderr}`);
      const tChecked = performance.now();
      const server = startServer({ VARNA_DATA_DIR: dir, PORT: String(await freePort()), VARNA_DEMO: '1', LOG_LEVEL: 'warn' });
      try {
        await server.ready;
      } finally {
        await stop(server.child);
      }
      const ms = performance.now() - t0;
      const target = label === 'empty data folder' ? 10_000 : 3_000;
      out.push(`npm start, ${label}: ${round(ms)} ms to ready (build check ${round(tChecked - t0)} ms) (target ≤ ${target / 1000} s) ${ms <= target ? 'met' : 'MISSED'}`);
      figures.push({ name: `npm start to ready, ${label}`, ms: round(ms), target: `≤ ${target} ms`, met: ms <= target });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { lines: out, figures };
}

export interface StartFigure {
  name: string;
  ms: number;
  target: string;
  met: boolean;
}

/** Start-up from an empty data folder, and the hot paths every page uses. */
export async function benchFoundation(): Promise<{ lines: string[]; figures: StartFigure[] }> {
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'varna-bench-'));
  try {
    const t0 = performance.now();
    const database = await openDatabase({ dataDir: dir, fromTemplate: true });
    await migrateToLatest(database.db);
    const tMigrated = performance.now();
    await seedDemo(database.db);
    const tSeeded = performance.now();
    const config = { ...loadConfig({}), rateLimit: { perMinute: 1e9, loginPerMinute: 1e9 } };
    const app = await buildServer({ config, database, logger: false });
    await app.ready();
    const tReady = performance.now();
    out.push(
      `start-up from an empty data folder: ${round(tReady - t0)} ms (data folder from the build's template + migrations ${round(tMigrated - t0)} ms, demo seed ${round(tSeeded - tMigrated)} ms, server ${round(tReady - tSeeded)} ms)`,
    );

    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'central@stockholm.example', password: 'varna-demo-losenord' } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    out.push(row('POST /api/session (Argon2id verify)', await time(30, () => app.inject({ method: 'POST', url: '/api/session', payload: { email: 'central@stockholm.example', password: 'varna-demo-losenord' } }))));
    const boardsSql = await time(200, () => sql`select id, name, kind, code from board order by kind, name`.execute(database.db));
    out.push(row('GET /api/boards', await time(200, () => app.inject({ method: 'GET', url: '/api/boards', headers: { cookie } })), boardsSql));
    out.push(row('GET /api/audit?limit=50', await time(100, () => app.inject({ method: 'GET', url: '/api/audit?limit=50', headers: { cookie } }))));
    await app.close();
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const start = await npmStart();
  out.push(...start.lines);
  return { lines: out, figures: start.figures };
}
