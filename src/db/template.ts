/**
 * An empty, migrated PGlite data folder, packed once by the build (scripts/ensure-build.mjs) so that
 * `npm start` on an empty data folder unpacks it instead of creating the cluster again: PGlite's
 * initdb takes 2–3 of the 10 seconds an empty-folder start may take, the migrations most of
 * another (issue 11). Unpacking takes about half a second.
 *
 * The template holds the schema and nothing else: no municipality, no account, no secret (the
 * instance secrets are created at first use, migration 0009), so every installation made from it
 * is the one initdb and the migrations would have made. It is used only when its manifest names
 * the PGlite version installed and exactly the migrations this code knows; otherwise the folder is
 * created the slow way, so a stale or foreign template can cost time but never a wrong database.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const TARBALL = 'template.tar.gz';
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

/** Where the build puts the template: dist/database, beside the built server. */
export const TEMPLATE_DIR = join(projectRoot(), 'dist', 'database');

/** The installed PGlite's version, from its package.json (data folders are only known good for the same build). */
function pgliteVersion(root = projectRoot()): string {
  return JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
}

/** What a template must have been built from to be used by this code. */
export function expectedManifest(): TemplateManifest {
  return { pglite: pgliteVersion(), migrations: [...MIGRATION_NAMES] };
}

/** The packed data folder to start a new embedded database from, or undefined when there is none fit for this code. */
export function readTemplate(dir = TEMPLATE_DIR): Blob | undefined {
  const manifestFile = join(dir, MANIFEST);
  const tarball = join(dir, TARBALL);
  if (!existsSync(manifestFile) || !existsSync(tarball)) return undefined;
  let manifest: TemplateManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined;
  }
  const expected = expectedManifest();
  const fits = manifest.pglite === expected.pglite && JSON.stringify(manifest.migrations) === JSON.stringify(expected.migrations);
  return fits ? new Blob([readFileSync(tarball)]) : undefined;
}

/** Creates the cluster in memory, migrates it, and writes the packed folder and its manifest to `dir`. */
export async function buildTemplate(dir = TEMPLATE_DIR): Promise<void> {
  const pglite = await PGlite.create();
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db);
    // Everything on disk, nothing left to replay from the write-ahead log when the copy starts.
    await pglite.exec('checkpoint');
    const packed = await pglite.dumpDataDir('gzip');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, TARBALL), Buffer.from(await packed.arrayBuffer()));
    writeFileSync(join(dir, MANIFEST), JSON.stringify(expectedManifest(), null, 2) + '\n');
  } finally {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  }
}
