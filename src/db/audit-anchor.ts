/**
 * Writes the audit chain's head to the anchor file (VARNA_AUDIT_ANCHOR) after every commit that
 * appended to the audit log, and only then: a rolled-back write never reaches the anchor.
 *
 * Kysely has no after-commit hook, so this wraps the dialect's driver. A connection that runs an
 * `insert into "audit_log"` is marked; when its transaction commits, the head (the last seq and its
 * hash, read back on the same connection) is appended to the file. An insert outside a transaction
 * commits by itself and is anchored right away. The head is read from the database rather than
 * remembered from the insert, so a savepoint rolled back after an insert cannot put a head in the
 * anchor that the log never had. When the driver starts, the current head is anchored too, so
 * entries written by a process without the anchor (a CLI run) are covered from the next start.
 *
 * The file is opened for appending only; each head is one short line written with one write(2),
 * which O_APPEND keeps whole even when several processes share the file. It is flushed to disk
 * (fdatasync) shortly after a burst of writes and when the database is closed.
 */
import { closeSync, fdatasyncSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { formatAnchorLine, parseAnchor } from '../domain/audit-chain.js';

const APPENDS_TO_LOG = /^\s*insert\s+into\s+"?audit_log"?[\s(]/i;
const HEAD = CompiledQuery.raw('select seq, hash from audit_log order by seq desc limit 1');
const SYNC_DELAY_MS = 200;
type Head = { seq: number | string | bigint; hash: string };

class AnchorFile {
  #fd: number | undefined;
  #last = '';
  #syncTimer: NodeJS.Timeout | undefined;

  /** Opens the file at once, so a path that cannot be written stops the start instead of a later write. */
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.#fd = openSync(path, 'a', 0o640);
  }

  /** The highest head recorded so far (0 for a new or empty file), read once at start. */
  recordedHead(): number {
    if (fstatSync(this.#fd!).size === 0) return 0;
    const parsed = parseAnchor(readFileSync(this.path, 'utf8'));
    return parsed.ok ? parsed.heads.reduce((max, h) => Math.max(max, h.seq), 0) : 0;
  }

  append(seq: number, hash: string): void {
    const key = `${seq} ${hash}`;
    if (key === this.#last || this.#fd === undefined) return;
    writeSync(this.#fd, formatAnchorLine({ seq, hash }, new Date()));
    this.#last = key;
    this.#syncTimer ??= setTimeout(() => this.sync(), SYNC_DELAY_MS).unref();
  }

  sync(): void {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = undefined;
    if (this.#fd !== undefined) fdatasyncSync(this.#fd);
  }

  close(): void {
    this.sync();
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}

/**
 * Anchors the head read on `connection`. The audit write has committed by now, so a failure here
 * (disk full, file removed) must not turn it into an error for the user: it is logged for the
 * operator instead, and `audit verify` can then only vouch for the log up to the last anchored head.
 */
async function anchorHead(connection: DatabaseConnection, file: AnchorFile): Promise<void> {
  try {
    const { rows } = (await connection.executeQuery(HEAD)) as QueryResult<Head>;
    if (rows[0]) file.append(Number(rows[0].seq), rows[0].hash);
  } catch (err) {
    console.error(`Audit anchor ${file.path}: the chain's head could not be recorded: ${(err as Error).message}`);
  }
}

class AnchoredConnection implements DatabaseConnection {
  inTransaction = false;
  appended = false;

  constructor(
    readonly inner: DatabaseConnection,
    readonly file: AnchorFile,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if (APPENDS_TO_LOG.test(query.sql)) {
      if (this.inTransaction) this.appended = true;
      else await anchorHead(this.inner, this.file);
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (c: DatabaseConnection) => (c as AnchoredConnection).inner;

class AnchoredDriver implements Driver {
  constructor(
    readonly inner: Driver,
    readonly file: AnchorFile,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
    const connection = await this.inner.acquireConnection();
    let head: Head | undefined;
    try {
      head = ((await connection.executeQuery(HEAD)) as QueryResult<Head>).rows[0];
    } catch {
      // No audit_log table yet: a new database, migrated next. Its first entry is anchored then.
    } finally {
      await this.inner.releaseConnection(connection);
    }
    // Said at start, before the head is recorded: `audit verify` gives the verdict, this is a hint.
    const recorded = this.file.recordedHead();
    if (head && Number(head.seq) < recorded) {
      console.error(`Audit log ends at entry ${head.seq} but the anchor ${this.file.path} recorded entries up to ${recorded}: entries were removed. Run \`npm run varna -- audit verify\`.`);
    } else if (head && recorded === 0) {
      console.warn(`Audit anchor ${this.file.path} is new while the log has ${head.seq} entries: cutting off the end can be shown from now on, not before.`);
    }
    if (head) this.file.append(Number(head.seq), head.hash);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new AnchoredConnection(await this.inner.acquireConnection(), this.file);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(unwrap(connection), settings);
    const c = connection as AnchoredConnection;
    c.inTransaction = true;
    c.appended = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(unwrap(connection));
    const c = connection as AnchoredConnection;
    c.inTransaction = false;
    if (c.appended) {
      c.appended = false;
      await anchorHead(c.inner, this.file);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as AnchoredConnection;
    c.inTransaction = false;
    c.appended = false;
    await this.inner.rollbackTransaction(unwrap(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint!(unwrap(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint!(unwrap(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint!(unwrap(connection), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(unwrap(connection));
  }

  async destroy(): Promise<void> {
    try {
      await this.inner.destroy();
    } finally {
      this.file.close();
    }
  }
}

/** `dialect`, with the audit chain's head appended to `anchorPath` after each committed audit write. */
export function withAuditAnchor(dialect: Dialect, anchorPath: string | undefined): Dialect {
  if (!anchorPath) return dialect;
  const file = new AnchorFile(anchorPath);
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new AnchoredDriver(dialect.createDriver(), file),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
