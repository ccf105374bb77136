// `npm start`: build the web app only when it is missing or out of date.
//
// The build is current when web/dist/.build-stamp (written after a successful build) is newer than
// every input of the build: the web app's sources, vite.config.ts, package-lock.json, tsconfig.json
// and the server code the web app shares through `@shared/` (src/domain/** and src/modules/**, whose
// schema files the pages import). Checking costs a directory walk (tens of milliseconds); a build costs
// half a minute on a busy machine. `--force` builds anyway. `npm test` still builds every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'web', 'dist', '.build-stamp');
const INPUT_FILES = ['vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const INPUT_DIRS = ['web', 'src/domain', 'src/modules'];
const SKIP = new Set(['dist', 'node_modules', '.vite']);

/** The newest modification time (ms) among the build's inputs, and the file that has it. */
export function newestInput(root = ROOT) {
  let newest = { mtimeMs: 0, file: '' };
  const see = (file) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { mtimeMs, file };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) see(path);
    }
  };
  for (const f of INPUT_FILES) if (existsSync(join(root, f))) see(join(root, f));
  for (const d of INPUT_DIRS) if (existsSync(join(root, d))) walk(join(root, d));
  return newest;
}

/** Why a build is needed, or null when web/dist is current. */
export function staleReason(root = ROOT) {
  const stamp = join(root, 'web', 'dist', '.build-stamp');
  if (!existsSync(join(root, 'web', 'dist', 'index.html'))) return 'web/dist is missing';
  if (!existsSync(stamp)) return 'web/dist has no build stamp';
  const built = statSync(stamp).mtimeMs;
  const newest = newestInput(root);
  return newest.mtimeMs > built ? `${newest.file.slice(root.length)} changed since the last build` : null;
}

function main() {
  const reason = process.argv.includes('--force') ? 'asked to (--force)' : staleReason();
  if (!reason) return;
  console.log(`Building the web app: ${reason}.`);
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app did not build; see the messages above.');
    process.exit(result.status ?? 1);
  }
  // The stamp's time is the build's start: a file saved during the build makes the next start rebuild.
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, new Date(started), new Date(started));
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
