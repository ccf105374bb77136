/**
 * An empty, migrated PGlite data folder, made once by the build (scripts/ensure-build.mjs) so that
 * `npm start` on an empty data folder copies it instead of creating the cluster again: PGlite's
 * initdb takes 2–3 of the 10 seconds an empty-folder start may take, the migrations most of
 * another (issue 11). Copying the folder's 40 MB takes a tenth of a second. In-memory databases (the
 * tests') load the same folder from a tarball beside it.
 *
 * The template holds the schema and nothing else: no municipality, no account, no secret (the
 * instance secrets are created at first use, migration 0009), so every installation made from it
 * is the one initdb and the migrations would have made. It is used only when its manifest names
 * the PGlite version installed and exactly the migrations this code knows; otherwise the folder is
 * created the slow way, so a stale or foreign template can cost time but never a wrong database.
 * The copy is made beside the data folder and renamed into place, so a start that dies halfway
 * leaves no half-made database behind.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export interface TemplateManifest {
  pglite: string;
  migrations: string[];
}

const FOLDER = 'pgdata';
const TARBALL = 'template.tar';
const MANIFEST = 'template.json';

/** The project's root: the nearest folder above this module with a package.json (from src/db or dist/chunks alike). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();

/** Where the build puts the template: dist/database, beside the built server. */
export const TEMPLATE_DIR = join(ROOT, 'dist', 'database');

/** The installed PGlite's version, from its package.json (data folders are only known good for the same build). */
function pgliteVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
}

/** What a template must have been built from to be used by this code. */
export function expectedManifest(): TemplateManifest {
  return { pglite: pgliteVersion(), migrations: [...MIGRATION_NAMES] };
}

/** Whether the template in `dir` was built for this code (its PGlite and its migrations). */
function fits(dir: string): boolean {
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(manifestFile) || !existsSync(join(dir, FOLDER, 'PG_VERSION')) || !existsSync(join(dir, TARBALL))) return false;
  let manifest: TemplateManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  const expected = expectedManifest();
  return manifest.pglite === expected.pglite && JSON.stringify(manifest.migrations) === JSON.stringify(expected.migrations);
}

/**
 * Makes `dataDir` a copy of the template when it does not exist or is an empty folder, and says
 * whether it did (false: no template fit for this code, or the folder holds something already).
 */
export function copyTemplateTo(dataDir: string, dir = TEMPLATE_DIR): boolean {
  // An existing database (or anything else) in the folder is checked first: it is the usual case.
  const exists = existsSync(dataDir);
  if ((exists && readdirSync(dataDir).length > 0) || !fits(dir)) return false;
  if (exists) rmdirSync(dataDir);
  const partial = `${dataDir}.new-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(dataDir), { recursive: true });
  cpSync(join(dir, FOLDER), partial, { recursive: true });
  renameSync(partial, dataDir);
  return true;
}

/** The template as a tarball, for an in-memory database; undefined when there is none fit for this code. */
export function readTemplate(dir = TEMPLATE_DIR): Blob | undefined {
  return fits(dir) ? new Blob([readFileSync(join(dir, TARBALL))]) : undefined;
}

/** Creates the cluster in `dir`, migrates it, and writes it as a folder and as a tarball with their manifest. */
export async function buildTemplate(dir = TEMPLATE_DIR): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(join(dir, FOLDER));
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db);
    // Everything on disk, nothing left to replay from the write-ahead log when a copy starts.
    await pglite.exec('checkpoint');
    const packed = await pglite.dumpDataDir('none');
    writeFileSync(join(dir, TARBALL), Buffer.from(await packed.arrayBuffer()));
  } finally {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  }
  // Last: a build that failed halfway leaves no manifest, so nothing uses it.
  writeFileSync(join(dir, MANIFEST), JSON.stringify(expectedManifest(), null, 2) + '\n');
}
