// `npm run bench [section…] [-- --json FILE]`: prints p50/p95 per operation and, where an endpoint
// aggregates, the ratio against the bare SQL it runs on; `--json FILE` also writes every section's
// lines and figures (with their targets) so a script can compare runs. Timing goals live here,
// never in the test suite.
import { writeFileSync } from 'node:fs';
import { benchCoverage } from './coverage.js';
import { benchFoundation } from './foundation.js';
import { benchLoad } from './load.js';
import { benchPages } from './pages.js';
import { benchTrainingImport } from './training-import.js';
import { benchReports } from './reports.js';
import { round } from './stats.js';
import { ensureBuilt } from '../test/helpers/server-process.js';

interface SectionResult {
  lines: string[];
  figures?: unknown[];
}

/** One figure as API.md's "Operations" gives it: what, how much, in what, against what target. */
interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
}

/** Each section's own figures in the one shape `--json` writes. */
function standardFigures(section: string, figures: unknown[] = []): BenchFigure[] {
  return figures.flatMap((raw): BenchFigure[] => {
    const f = raw as Record<string, unknown> & { name: string; target?: string; met?: boolean };
    const target = f.target ?? 'none';
    const met = f.met ?? true;
    if (typeof f.value === 'number') return [{ section, name: f.name, value: f.value, unit: String(f.unit ?? ''), target, met }];
    if (typeof f.ms === 'number') return [{ section, name: f.name, value: f.ms, unit: 'ms', target, met }];
    if (typeof f.requestsPerSecond === 'number') {
      return [
        { section, name: `${f.name}: p97.5 latency`, value: Number(f.p97_5), unit: 'ms', target, met },
        { section, name: `${f.name}: p99 latency`, value: Number(f.p99), unit: 'ms', target: 'none', met: true },
        { section, name: `${f.name}: throughput`, value: f.requestsPerSecond, unit: 'req/s', target: 'none', met: true },
        { section, name: `${f.name}: errors and non-2xx`, value: Number(f.errors) + Number(f.non2xx), unit: 'count', target: '0', met: Number(f.errors) + Number(f.non2xx) === 0 },
      ];
    }
    return [];
  });
}

async function benchTraining(): Promise<SectionResult> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await benchTrainingImport());
  runs.sort((a, b) => a - b);
  return {
    lines: [`participant import, 100,000 rows (one transaction, PGlite): median ${round(runs[1])} ms of 3 runs (target < 5000 ms)`],
    figures: [{ name: 'participant import 100,000 rows, median of 3', ms: round(runs[1]), target: '< 5000 ms', met: runs[1] < 5000 }],
  };
}

const sections: [string, () => Promise<SectionResult>][] = [
  ['Foundation', benchFoundation],
  ['Training', benchTraining],
  ['Reports', benchReports],
  ['Coverage', benchCoverage],
  ['Load', benchLoad],
  ['Pages', benchPages],
];

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) throw new Error('--json needs a file name: npm run bench -- --json bench.json');
const only = args.filter((_, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1)).map((s) => s.toLowerCase());
// The start-up, load and page sections run the built server and web app, as `npm start` does.
ensureBuilt();
const results: Record<string, SectionResult> = {};
for (const [name, run] of sections) {
  if (only.length && !only.includes(name.toLowerCase())) continue;
  console.log(`\n## ${name}`);
  const result = await run();
  results[name] = result;
  for (const line of result.lines) console.log(line);
}
if (jsonFile) {
  const figures = Object.entries(results).flatMap(([name, r]) => standardFigures(name, r.figures));
  writeFileSync(jsonFile, JSON.stringify({ at: new Date().toISOString(), node: process.version, figures, sections: results }, null, 2));
  console.log(`\nfigures written to ${jsonFile}`);
}
process.exit(0);
