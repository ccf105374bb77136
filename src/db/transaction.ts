import type { Database } from './database.js';

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (a use case of one
 * capability that calls another's inside its own transaction), else a new one. Kysely cannot
 * nest transactions, and a request must write everything or nothing.
 */
export function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
