// `npm run bench`: prints p50/p95 per operation and, where an endpoint aggregates, the ratio against
// the bare SQL it runs on. Timing goals live here, never in the test suite.
import { benchFoundation } from './foundation.js';

const sections: [string, () => Promise<string[]>][] = [['Foundation', benchFoundation]];

for (const [name, run] of sections) {
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
