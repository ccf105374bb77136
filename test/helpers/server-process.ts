/** Värna as a separate process, started the way `npm start` starts it, for tests of the process itself. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The node flags `npm start` gives the server (package.json's start script is their one source). */
export function serverNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
  return start.match(/node ((?:--\S+ )*)dist\/main\.js/)![1].trim().split(' ').filter(Boolean);
}

/**
 * `node dist/main.js` as `npm start` runs it (after its build check, which the test set-up ran),
 * with exactly this environment. `detached` puts it in its own process group, so a signal to the
 * group reaches all of it (as the OOM killer or a power cut would).
 */
export function startServer(env: Record<string, string>, opts: { detached?: boolean } = {}): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const base = { ...process.env };
  for (const name of ['NODE_ENV', 'VARNA_DEMO', 'HOST', 'DATABASE_URL', 'VARNA_DATA_DIR', 'VARNA_TRUST_PROXY', 'VARNA_PUBLIC_URL']) delete base[name];
  const child = spawn(process.execPath, [...serverNodeFlags(), 'dist/main.js'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.detached });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('Värna is running') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out.slice(-2000)}`)));
  });
  return { child, output: () => out, ready };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}


/** Builds the web app and the server when out of date (scripts/ensure-build.mjs, as `npm start` does). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
}
