/*
 * A Kysely dialect for PGlite (embedded PostgreSQL).
 *
 * Kysely 0.28 has no PGlite dialect built in (0.29 has one, but declares Node >= 22 while Värna
 * runs on Node 20). This file is adapted from Kysely 0.29's `PGliteDialect`
 * (kysely/dist/esm/dialect/pglite/*.js), which is:
 *
 *   The MIT License (MIT)
 *   Copyright (c) 2022 Sami Koskimäki
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 *   and associated documentation files (the "Software"), to deal in the Software without
 *   restriction, including without limitation the rights to use, copy, modify, merge, publish,
 *   distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 *   Software is furnished to do so, subject to the following conditions:
 *
 *   The above copyright notice and this permission notice shall be included in all copies or
 *   substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 *   BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 *   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 *   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 *
 * Differences from the original: TypeScript; the driver serialises connection use itself with a
 * mutex (Kysely 0.29 does that in its runtime driver when `supportsMultipleConnections` is false;
 * 0.28 leaves it to the driver, like its SQLite driver); savepoints are compiled as raw SQL
 * instead of with Kysely's internal savepoint parser; no abort signals (Kysely 0.28 has none).
 */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/** PGlite has one connection, held by the migrator for the whole migration: no lock needed. */
class PGliteAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {
    // The migrator holds the only connection from acquire to release: nothing to lock.
  }
  override async releaseMigrationLock(): Promise<void> {
    // See acquireMigrationLock.
  }
}

/** Whether `db` (or a transaction of it) runs on embedded PGlite rather than a PostgreSQL server. */
export function isEmbedded(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PGliteAdapter;
}

/** Savepoint names come from Kysely's own `savepoint()` API; quote them as identifiers anyway. */
function savepointQuery(command: 'savepoint' | 'release' | 'rollback to', name: string): CompiledQuery {
  return CompiledQuery.raw(`${command} "${name.replace(/"/g, '""')}"`);
}

/** Statements marked as scripts (several statements, no parameters): PGlite runs them with `exec`. */
const SCRIPTS = new WeakSet<CompiledQuery>();

/**
 * A statement that may hold several statements separated by `;` and has no parameters. Only the
 * job queue sends such scripts; everything else keeps the extended protocol (one statement).
 */
export function scriptQuery(text: string): CompiledQuery {
  const query = CompiledQuery.raw(text);
  SCRIPTS.add(query);
  return query;
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  #transaction: Transaction | undefined;
  #commit: (() => void) | undefined;
  #rollback: ((reason?: unknown) => void) | undefined;
  #closed: Promise<unknown> | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // Several statements in one string (the job queue's own scripts) need the simple protocol, as
    // node-postgres uses for a query without parameters; PGlite's `query` is the extended one.
    if (SCRIPTS.has(compiledQuery)) {
      const results = await (this.#transaction ?? this.#pglite).exec(compiledQuery.sql, { rowMode: 'object' });
      const last = results.at(-1);
      return { numAffectedRows: last?.affectedRows != null ? BigInt(last.affectedRows) : undefined, rows: (last?.rows ?? []) as R[] };
    }
    const { affectedRows, rows } = await (this.#transaction ?? this.#pglite).query<R>(compiledQuery.sql, [...compiledQuery.parameters], {
      rowMode: 'object',
    });
    return { numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined, rows: rows ?? [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite.');
  }

  /**
   * Uses PGlite's own exclusive transaction, which locks the instance, so nothing else using the
   * same PGlite can interleave statements with this transaction.
   */
  async begin(): Promise<void> {
    let begun!: () => void;
    const hasBegun = new Promise<void>((resolve) => (begun = resolve));
    const finished = new Promise<void>((resolve, reject) => {
      this.#commit = resolve;
      this.#rollback = reject;
    });
    this.#closed = this.#pglite.transaction(async (tx) => {
      this.#transaction = tx;
      begun();
      await finished;
    });
    // A transaction that cannot even start rejects here instead of waiting forever.
    await Promise.race([hasBegun, this.#closed]);
  }

  async commit(): Promise<void> {
    this.#commit?.();
    try {
      await this.#closed;
    } finally {
      this.#reset();
    }
  }

  async rollback(): Promise<void> {
    this.#rollback?.(new Error('rollback'));
    await this.#closed?.catch(() => undefined);
    this.#reset();
  }

  #reset(): void {
    this.#commit = undefined;
    this.#rollback = undefined;
    this.#transaction = undefined;
    this.#closed = undefined;
  }
}

/** One user of the single connection at a time: a transaction holds it until commit or rollback. */
class ConnectionMutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #mutex = new ConnectionMutex();
  #connection: PGliteConnection | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async init(): Promise<void> {
    if (this.#pglite.closed) throw new Error('PGlite instance is already closed.');
    await this.#pglite.waitReady;
    this.#connection = new PGliteConnection(this.#pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection!;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery('savepoint', name));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery('rollback to', name));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery('release', name));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

/** `new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) })`; `db.destroy()` closes the PGlite instance. */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(config: { pglite: PGlite }) {
    this.#pglite = config.pglite;
  }

  createAdapter(): DialectAdapter {
    return new PGliteAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
