import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { freePort, startServer } from '../helpers/server-process.js';

/**
 * Graceful shutdown (issue #18): on SIGTERM Värna stops taking new connections, finishes the
 * requests in flight, closes the database cleanly and exits 0.
 */
describe('[OPERATIONS] graceful shutdown on SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'varna-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes a request already being received, stores it, exits 0 and leaves a database that opens again', async () => {
    const port = await freePort();
    const server = startServer({ VARNA_DATA_DIR: dir, PORT: String(port), VARNA_DEMO: '1', LOG_LEVEL: 'warn' });
    await server.ready;
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eav@stockholm.example', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = (await login.json()).csrfToken as string;
    const boards = (await (await fetch(`${base}/api/boards`, { headers: { cookie } })).json()) as { id: string; name: string }[];
    const boardId = boards.find((b) => b.name === 'Enskede-Årsta-Vantör')!.id;
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));

    // A concern report whose body arrives in two parts: the server has the request when SIGTERM comes.
    const body = JSON.stringify({ boardId, occurredOn: '2026-03-02', type: 'graffiti', environment: 'white_power', description: 'Klistermärken vid busshållplatsen, inskickad under avstängning' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${base}/api/concerns`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 300);
    });
    const res = await answer;
    expect(res.status, res.text).toBe(201);
    const id = JSON.parse(res.text).id as string;

    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(await reopened.db.selectFrom('concern_report').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });
    } finally {
      await reopened.close();
    }
  }, 180_000);
});
