import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseKind } from '../../src/db/database.js';
import { createServerDatabase } from './databases.js';

/** A fresh, empty database of `kind` for the CLI: the environment that points at it, and a cleanup. */
export async function emptyDatabase(kind: DatabaseKind): Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openDatabase>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'varna-cli-'));
    return { env: { VARNA_DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = await createServerDatabase('varna_test_cli');
  return { env: { DATABASE_URL: server.url }, open: () => openDatabase({ databaseUrl: server.url }), drop: server.drop };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run varna -- …args` as an operator runs it, with `input` on standard input. */
export function varna(env: Record<string, string>, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli.ts', ...args], { env: { ...process.env, NODE_ENV: 'production', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

