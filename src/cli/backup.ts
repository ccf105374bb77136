/**
 * Backup and restore of Värna's database, attachments included (they are rows of
 * `attachment_content`), for `npm run varna -- backup FILE` and `restore FILE` (API.md,
 * "Operations"; docs/operations.md, "Backup and restore").
 *
 * - **Embedded database** (VARNA_DATA_DIR): PGlite's own dump of its data directory, a gzipped tar
 *   taken after a checkpoint. PGlite is one process: back up with the server stopped (the data
 *   directory is locked while it runs). Restore unpacks it into an empty data directory.
 * - **PostgreSQL server** (DATABASE_URL): `pg_dump --format=custom`, a consistent snapshot taken in
 *   one transaction while Värna runs; restore is `pg_restore` into an empty database. The tools
 *   come with PostgreSQL's client package (`VARNA_PG_BIN` names their folder when they are not
 *   on PATH).
 *
 * The file says which kind it is (PGDMP or gzip magic bytes), so a restore never feeds one kind
 * to the other. After a restore the migrations run, so an older backup opens in a newer Värna.
 */
import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export type BackupKind = 'embedded' | 'postgres';

export class BackupError extends Error {}

/** What a backup file holds, from its first bytes. */
export function backupKindOf(bytes: Uint8Array): BackupKind | null {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'embedded';
  return null;
}

export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`Det finns ingen databas i ${dataDir} (VARNA_DATA_DIR).`);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (e) {
    throw new BackupError(`Databasen i ${dataDir} kunde inte öppnas – kör Värna fortfarande? Stoppa servern och försök igen. (${(e as Error).message})`);
  }
  try {
    await db.exec('checkpoint');
    const dump = await db.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    await db.close();
  }
}

export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  const bytes = readBackup(file, 'embedded');
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} är inte tom. Återställ till en tom mapp (flytta den gamla först), så skrivs ingenting över.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { loadDataDir: new Blob([bytes]) });
  await db.close();
}

export async function backupServer(databaseUrl: string, file: string): Promise<void> {
  await run(tool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${databaseUrl}`]);
}

export async function restoreServer(databaseUrl: string, file: string): Promise<void> {
  readBackup(file, 'postgres');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'");
    if (rows[0].n > 0) throw new BackupError('Databasen i DATABASE_URL är inte tom. Återställ till en ny, tom databas (createdb), så skrivs ingenting över.');
  } finally {
    await client.end();
  }
  await run(tool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
}

function readBackup(file: string, expected: BackupKind): Buffer<ArrayBuffer> {
  if (!existsSync(file)) throw new BackupError(`Filen ${file} finns inte.`);
  const bytes = readFileSync(file) as Buffer<ArrayBuffer>;
  const kind = backupKindOf(bytes);
  if (kind === null) throw new BackupError(`${file} är ingen säkerhetskopia från Värna.`);
  if (kind !== expected) {
    throw new BackupError(
      kind === 'postgres'
        ? `${file} är en kopia av en PostgreSQL-server: återställ den med DATABASE_URL satt.`
        : `${file} är en kopia av den inbyggda databasen: återställ den utan DATABASE_URL, med VARNA_DATA_DIR.`,
    );
  }
  return bytes;
}

const tool = (name: string) => (process.env.VARNA_PG_BIN ? join(process.env.VARNA_PG_BIN, name) : name);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new BackupError(e.code === 'ENOENT' ? `${command} finns inte. Installera PostgreSQL:s klientprogram eller ange deras mapp i VARNA_PG_BIN.` : e.message)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} avslutades med kod ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`))));
  });
}
