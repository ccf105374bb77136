import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/ensure-build.mjs is plain JavaScript run by `npm start`; loaded by path so tsc needs no types.
const script = '../../scripts/ensure-build.mjs';
type Target = { output: string };
const { staleReason, TARGETS } = (await import(script)) as { staleReason: (root: string, target?: Target) => string | null; TARGETS: { web: Target; server: Target; database: Target } };

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): void {
  root = mkdtempSync(join(tmpdir(), 'varna-build-')) + '/';
  for (const dir of ['web/src', 'web/dist', 'src/domain/policy', 'src/modules/plans', 'src/db/migrations', 'dist/database']) mkdirSync(join(root, dir), { recursive: true });
  const old = new Date(Date.now() - 60_000);
  for (const f of ['web/src/App.tsx', 'src/domain/policy/index.ts', 'src/modules/plans/schema.ts', 'src/modules/plans/plans.test.ts', 'src/db/schema.ts', 'src/db/migrate.ts', 'src/db/migrations/0001_first.ts', 'vite.config.ts', 'package-lock.json']) {
    writeFileSync(join(root, f), 'x');
    utimesSync(join(root, f), old, old);
  }
  writeFileSync(join(root, 'web/dist/index.html'), '<!doctype html>');
  writeFileSync(join(root, 'web/dist/.build-stamp'), 'built');
  writeFileSync(join(root, 'dist/main.js'), '');
  writeFileSync(join(root, 'dist/.build-stamp'), 'built');
  writeFileSync(join(root, 'dist/database/template.json'), '{}');
  writeFileSync(join(root, 'dist/database/.build-stamp'), 'built');
}

const touch = (f: string) => utimesSync(join(root, f), new Date(), new Date());

describe('npm start builds the web app only when it is out of date', () => {
  it('starts without a build when nothing changed since the stamp, even if server-only code changed', () => {
    project();
    touch('src/db/schema.ts');
    expect(staleReason(root)).toBeNull();
  });

  it('builds when web/dist or its stamp is missing', () => {
    project();
    rmSync(join(root, 'web/dist/.build-stamp'));
    expect(staleReason(root)).toMatch(/no build stamp/);
    rmSync(join(root, 'web/dist'), { recursive: true });
    expect(staleReason(root)).toMatch(/web\/dist\/index.html is missing/);
  });

  it.each(['web/src/App.tsx', 'src/domain/policy/index.ts', 'src/modules/plans/schema.ts', 'vite.config.ts', 'package-lock.json'])(
    'builds when %s is newer than the last build',
    (file) => {
      project();
      utimesSync(join(root, 'web/dist/.build-stamp'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
      touch(file);
      expect(staleReason(root)).toBe(`${file} changed since the last build`);
    },
  );
});

describe('npm start builds the server only when it is out of date', () => {
  it('starts the built server when only the web app or a test changed', () => {
    project();
    for (const f of ['web/src/App.tsx', 'vite.config.ts', 'src/modules/plans/plans.test.ts']) touch(f);
    expect(staleReason(root, TARGETS.server)).toBeNull();
  });

  it('builds when dist/main.js or its stamp is missing', () => {
    project();
    rmSync(join(root, 'dist/.build-stamp'));
    expect(staleReason(root, TARGETS.server)).toMatch(/dist has no build stamp/);
    rmSync(join(root, 'dist/main.js'));
    expect(staleReason(root, TARGETS.server)).toMatch(/dist\/main.js is missing/);
  });

  it.each(['src/db/schema.ts', 'src/modules/plans/schema.ts', 'package-lock.json'])('builds when %s is newer than the last build', (file) => {
    project();
    utimesSync(join(root, 'dist/.build-stamp'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    touch(file);
    expect(staleReason(root, TARGETS.server)).toBe(`${file} changed since the last build`);
  });
});

describe('npm start builds the database template only when the migrations or PGlite changed', () => {
  it('starts from the built template when other server code changed', () => {
    project();
    for (const f of ['src/db/schema.ts', 'src/modules/plans/schema.ts', 'web/src/App.tsx']) touch(f);
    expect(staleReason(root, TARGETS.database)).toBeNull();
  });

  it('builds when the template or its stamp is missing', () => {
    project();
    rmSync(join(root, 'dist/database/.build-stamp'));
    expect(staleReason(root, TARGETS.database)).toMatch(/dist\/database has no build stamp/);
    rmSync(join(root, 'dist/database/template.json'));
    expect(staleReason(root, TARGETS.database)).toMatch(/template.json is missing/);
  });

  it.each(['src/db/migrations/0001_first.ts', 'src/db/migrate.ts', 'package-lock.json'])('builds when %s is newer than the last build', (file) => {
    project();
    utimesSync(join(root, 'dist/database/.build-stamp'), new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    touch(file);
    expect(staleReason(root, TARGETS.database)).toBe(`${file} changed since the last build`);
  });
});
