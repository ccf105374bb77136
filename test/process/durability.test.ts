import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { createServerDatabase, testDatabaseKinds } from '../helpers/databases.js';
import { freePort, startServer } from '../helpers/server-process.js';

/**
 * Durability (issue #18): every write that answered 2xx survives `kill -9` of the server, on both
 * databases. Writers keep creating records until the whole process group is killed without
 * warning; a new server on the same database must hold every record that was acknowledged.
 */
const kinds = await testDatabaseKinds();

/** Värna in its own process group, so that SIGKILL reaches all of it at once. */
const startGroup = (env: Record<string, string>) => startServer({ LOG_LEVEL: 'warn', ...env }, { detached: true });

async function login(base: string) {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'skarholmen@stockholm.example', password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: (await res.json()).csrfToken as string };
}

describe.each(kinds)('[OPERATIONS] no acknowledged write lost on kill -9 (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'varna-crash-'));
  let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.drop();
  });

  it('keeps every partner that answered 201 before the process group was killed mid-write', async () => {
    server = kind === 'postgres' ? await createServerDatabase('varna_test_crash') : undefined;
    const env: Record<string, string> = server ? { DATABASE_URL: server.url } : { VARNA_DATA_DIR: dir };
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = startGroup({ ...env, VARNA_DEMO: '1', PORT: String(port) });
    await first.ready;
    const { cookie, csrf } = await login(base);
    const boards = (await (await fetch(`${base}/api/boards`, { headers: { cookie } })).json()) as { id: string; name: string }[];
    const boardId = boards.find((b) => b.name === 'Skärholmen')!.id;

    const acknowledged: string[] = [];
    let attempted = 0;
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const name = `Förening ${w}-${i} före krasch`;
        attempted++;
        try {
          const res = await fetch(`${base}/api/partners`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ name, type: 'association', boardIds: [boardId] }),
          });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 1500));
    killed = true;
    process.kill(-first.child.pid!, 'SIGKILL');
    await Promise.all(writers);
    await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
    expect(acknowledged.length).toBeGreaterThan(5);

    const second = startGroup({ ...env, PORT: String(port) });
    try {
      await second.ready;
      const again = await login(base);
      const stored = (await (await fetch(`${base}/api/partners?boardId=${boardId}`, { headers: { cookie: again.cookie } })).json()) as { name: string }[];
      const names = new Set(stored.map((p) => p.name));
      const lost = acknowledged.filter((n) => !names.has(n));
      console.log(`kill -9 on ${kind}: ${attempted} writes attempted, ${acknowledged.length} acknowledged, ${lost.length} lost`);
      expect(lost).toEqual([]);
    } finally {
      process.kill(-second.child.pid!, 'SIGTERM');
      await new Promise((r) => (second.child.exitCode !== null || second.child.signalCode !== null ? r(null) : second.child.once('exit', r)));
    }
  }, 300_000);
});
