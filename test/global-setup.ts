import { ensureBuilt } from './helpers/server-process.js';

/** Once before all test files: the browser tests serve web/dist, the process tests run dist/main.js. */
export default function setup(): void {
  ensureBuilt();
}
