import { pendingMigrations } from '../../db/migrate.js';
import { ping, type Database } from '../../db/database.js';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: { message: string; pendingMigrations?: string[] }; /** for the log only */ cause?: string };

/**
 * Whether this process should get traffic: the database answers within `timeoutMs` and has every
 * migration this code expects. A load balancer sends requests elsewhere while this says no.
 */
export async function readiness(db: Database, timeoutMs = 3000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([ping(db), timeout]);
    const pending = await Promise.race([pendingMigrations(db), timeout]);
    if (pending.length) {
      return { ready: false, reason: { message: `Databasen saknar ${pending.length} migrering(ar); starta om Värna så körs de.`, pendingMigrations: pending } };
    }
    return { ready: true };
  } catch (err) {
    // The answer is public: the database's own error (addresses, names) goes to the log only.
    return { ready: false, reason: { message: 'Databasen svarar inte.' }, cause: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
