/** Timing helpers for `npm run bench`: run a function n times and report percentiles in ms. */
export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export async function time(n: number, fn: () => Promise<unknown>, warmup = 3): Promise<Timing> {
  return (await timeTogether(n, [fn], warmup))[0];
}

/**
 * Several operations timed in turns (a, b, c, a, b, c, …) rather than one after the other: on a
 * shared, noisy machine a burst of someone else's work then slows each of them alike, so their
 * ratio is the code's, not the moment's.
 */
export async function timeTogether(n: number, fns: (() => Promise<unknown>)[], warmup = 3): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      samples[k].push(performance.now() - t0);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
    return { p50: round(at(0.5)), p95: round(at(0.95)), n };
  });
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

export function row(name: string, t: Timing, baseline?: Timing): string {
  const ratio = baseline ? `  ratio p95 ${round(t.p95 / Math.max(baseline.p95, 0.1))}× vs bare SQL p95 ${baseline.p95} ms` : '';
  return `${name.padEnd(44)} p50 ${String(t.p50).padStart(8)} ms  p95 ${String(t.p95).padStart(8)} ms  (n=${t.n})${ratio}`;
}
