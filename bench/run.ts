// `npm run bench`: prints p50/p95 per operation and, where an endpoint aggregates, the ratio against
// the bare SQL it runs on. Timing goals live here, never in the test suite.
import { benchFoundation } from './foundation.js';
import { benchTrainingImport } from './training-import.js';
import { benchReports } from './reports.js';
import { round } from './stats.js';

async function benchTraining(): Promise<string[]> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await benchTrainingImport());
  runs.sort((a, b) => a - b);
  return [`participant import, 100,000 rows (one transaction, PGlite): median ${round(runs[1])} ms of 3 runs (target < 5000 ms)`];
}

const sections: [string, () => Promise<string[]>][] = [
  ['Foundation', benchFoundation],
  ['Training', benchTraining],
  ['Reports', benchReports],
];

const only = process.argv.slice(2).map((s) => s.toLowerCase());
for (const [name, run] of sections) {
  if (only.length && !only.includes(name.toLowerCase())) continue;
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
