import cluster, { type Worker } from 'node:cluster';

/**
 * Several Node processes on one port (VARNA_WORKERS): the primary has already migrated and seeded;
 * it forks the workers, replaces one that dies, and on SIGTERM/SIGINT stops them all, each finishing
 * its requests. Every worker has its own pool (10 connections) to the one PostgreSQL server; the
 * report cache is per process but keyed by the data version in the database, so it is never stale.
 */
export async function runWorkers(count: number, onReady: () => void): Promise<void> {
  let stopping = false;
  let listening = 0;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening++;
      if (listening === count) onReady();
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      console.warn(`Värna worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting a new one.`);
      fork();
    });
    return worker;
  };
  for (let i = 0; i < count; i++) fork();

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
      process.exit(0);
    });
  }
}

export const isWorker = () => cluster.isWorker;
