// `npm start`: build the web app, the server and the database template only when they are missing or out of date.
//
// Three builds, each current when its stamp (written after a successful build, dated when the build
// began) is newer than every one of its inputs:
// - web: web/dist, by Vite, from the web app's sources, vite.config.ts, package-lock.json,
//   tsconfig.json and the server code the web app shares through `@shared/` (src/domain/** and
//   src/modules/**, whose schema files the pages import);
// - server: dist/main.js (and its chunks), by esbuild, from src/** (tests excluded),
//   package-lock.json and tsconfig.json. The server runs as plain JavaScript, not through tsx,
//   which compiled every module on each start (about 3 of the 5 seconds to ready). The bundle
//   keeps the packages in node_modules as they are, and has a source map, so a stack trace names
//   the line in src/.
// - database: dist/database, an empty migrated PGlite data folder and the same as a tarball
//   (src/db/template.ts), from the migrations, the code that runs them and package-lock.json. An
//   empty data folder is copied from it instead of running initdb and every migration.
// Checking costs a directory walk (tens of milliseconds); building the web app costs seconds to
// half a minute, the server about one second, the template about six. `--force` builds all three anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['dist', 'node_modules', '.vite']);

export const TARGETS = {
  web: {
    what: 'the web app',
    output: 'web/dist',
    entry: 'web/dist/index.html',
    files: ['vite.config.ts', 'package-lock.json', 'tsconfig.json'],
    dirs: ['web', 'src/domain', 'src/modules'],
    skip: () => false,
    build: buildWeb,
  },
  server: {
    what: 'the server',
    // One level below the root, like src/: the code's paths relative to its own file
    // (../web/dist/, ../package.json) hold in both.
    output: 'dist',
    entry: 'dist/main.js',
    files: ['package-lock.json', 'tsconfig.json'],
    dirs: ['src'],
    skip: (name) => name.endsWith('.test.ts'),
    build: buildServer,
  },
  database: {
    what: 'the database template',
    output: 'dist/database',
    entry: 'dist/database/template.json',
    files: ['package-lock.json', 'src/db/migrate.ts', 'src/db/template.ts', 'src/db/pglite-dialect.ts'],
    dirs: ['src/db/migrations'],
    skip: (name) => name.endsWith('.test.ts'),
    build: buildDatabaseTemplate,
  },
};

/** The newest modification time (ms) among a build's inputs, and the file that has it. */
export function newestInput(root = ROOT, target = TARGETS.web) {
  let newest = { mtimeMs: 0, file: '' };
  const see = (file) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { mtimeMs, file };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name) || target.skip(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) see(path);
    }
  };
  for (const f of target.files) if (existsSync(join(root, f))) see(join(root, f));
  for (const d of target.dirs) if (existsSync(join(root, d))) walk(join(root, d));
  return newest;
}

/** Why a build is needed, or null when its output is current. */
export function staleReason(root = ROOT, target = TARGETS.web) {
  const stamp = join(root, target.output, '.build-stamp');
  if (!existsSync(join(root, target.entry))) return `${target.entry} is missing`;
  if (!existsSync(stamp)) return `${target.output} has no build stamp`;
  const built = statSync(stamp).mtimeMs;
  const newest = newestInput(root, target);
  return newest.mtimeMs > built ? `${newest.file.slice(root.length)} changed since the last build` : null;
}

/**
 * Packages stay in node_modules as they are, except the pure-JavaScript ones that load as hundreds
 * of small ES modules (kysely, zod and the type provider that must share zod's instance): resolving
 * and compiling those one file at a time was a fifth of the start-up on an existing database.
 */
const BUNDLED = /^(kysely|zod|fastify-type-provider-zod)(\/|$)/;
export const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/** How the server is bundled (the bench bundles itself the same way, scripts/bench.mjs). */
export const serverBundle = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  sourcemap: true,
  logLevel: 'warning',
};

async function buildServer() {
  const { build } = await import('esbuild');
  // The old bundle and chunks go; the database template inside dist/ is a build of its own.
  const out = join(ROOT, TARGETS.server.output);
  const template = join(ROOT, TARGETS.database.output);
  for (const entry of existsSync(out) ? readdirSync(out) : []) {
    if (join(out, entry) !== template) rmSync(join(out, entry), { recursive: true, force: true });
  }
  await build({
    ...serverBundle,
    entryPoints: ['src/main.ts'],
    outdir: TARGETS.server.output,
    // Dynamic imports stay lazy (chunks), so what only some requests need is not loaded at start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
}

/** Bundles src/db/template.ts with a two-line entry, and runs it in a process of its own. */
async function buildDatabaseTemplate() {
  const { build } = await import('esbuild');
  // Bundled beside the template's folder (buildTemplate replaces the folder itself).
  const script = join(ROOT, 'dist/build-template.js');
  await build({
    absWorkingDir: ROOT,
    stdin: { contents: "import { buildTemplate } from './src/db/template.ts';\nawait buildTemplate();\n", resolveDir: ROOT, loader: 'ts', sourcefile: 'build-template.ts' },
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const result = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('see the messages above');
}

function buildWeb() {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('see the messages above');
}

export async function main() {
  const force = process.argv.includes('--force');
  for (const target of Object.values(TARGETS)) {
    const reason = force ? 'asked to (--force)' : staleReason(ROOT, target);
    if (!reason) continue;
    console.log(`Building ${target.what}: ${reason}.`);
    const What = target.what[0].toUpperCase() + target.what.slice(1);
    const started = Date.now();
    try {
      await target.build();
    } catch (error) {
      console.error(`${What} did not build: ${error.message}`);
      process.exit(1);
    }
    // The stamp's time is the build's start: a file saved during the build makes the next start rebuild.
    const stamp = join(ROOT, target.output, '.build-stamp');
    writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
    utimesSync(stamp, new Date(started), new Date(started));
    console.log(`${What} built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
