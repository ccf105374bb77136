/** Värna as a separate process, started the way `npm start` starts it, for tests of the process itself. */
import { spawn, type ChildProcess } from 'node:child_process';
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

/** `tsx src/main.ts` as `npm start` runs it (after its web build), with exactly this environment. */
export function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const base = { ...process.env };
  for (const name of ['NODE_ENV', 'VARNA_DEMO', 'HOST', 'DATABASE_URL', 'VARNA_DATA_DIR', 'VARNA_TRUST_PROXY', 'VARNA_PUBLIC_URL']) delete base[name];
  const child = spawn('node_modules/.bin/tsx', ['src/main.ts'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

