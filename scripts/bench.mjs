// `npm run bench`: the bench runs the code as `npm start` runs it. The server, web app and database
// template are brought up to date first (ensure-build.mjs), then bench/run.ts is bundled by esbuild
// with the server build's own options into dist/bench.js and run with node. Through tsx instead,
// every function created at run time also got a name-keeping call (tsx's keepNames), which made
// the city report's per-board loops about a sixth slower than the code users run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as ensureBuilt, serverBundle } from './ensure-build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
await ensureBuilt();
const { build } = await import('esbuild');
// In dist/, one level below the project, like dist/main.js: paths the code finds from its own
// place (package.json, web/dist) resolve the same.
const outfile = join(ROOT, 'dist/bench.js');
await build({ ...serverBundle, entryPoints: ['bench/run.ts'], outfile });
// With the node flags `npm start` gives the server (its heap settings): the report section runs the
// server on the embedded database in this process.
const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
const flags = start.match(/node ((?:--\S+ )*)dist\/main\.js/)[1].trim().split(' ').filter(Boolean);
const result = spawnSync(process.execPath, [...flags, outfile, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
