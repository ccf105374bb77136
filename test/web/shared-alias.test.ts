import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The web app imports the server's code through one alias, `@shared/…` → `src/…` (vite.config.ts,
 * tsconfig.json), and only its pure part: src/domain/** and the modules' schema files (schema.ts,
 * <part>.schema.ts), and
 * whatever those import in turn. Server I/O (services, repositories, the database) must never
 * reach the browser bundle.
 */
const ROOT = resolve('.');
const PURE = [/^src\/domain\/.+\.ts$/, /^src\/modules\/[a-z-]+\/([a-z-]+\.)?schema\.ts$/];
const PACKAGES = [/^zod(\/.*)?$/];

const specifiers = (code: string) => [...code.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1]);

function webFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? webFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** `src/…` path of a module the server's code imports ('./x.js' is ./x.ts on disk). */
function resolveIn(from: string, spec: string): string {
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  const file = [`${base}.ts`, join(base, 'index.ts')].find(existsSync) ?? `${base}.ts`;
  return relative(ROOT, file);
}

/** Every rule an `@shared/` import (and what it imports, transitively) breaks, as readable lines. */
export function violations(entries: { file: string; spec: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, via: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!PURE.some((r) => r.test(file))) return void out.push(`${via} reaches ${file}, which is not src/domain/** or a src/modules/*/ schema file`);
    if (!existsSync(file)) return void out.push(`${via} reaches ${file}, which does not exist`);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolveIn(file, spec), `${via} → ${file}`);
      else if (!PACKAGES.some((r) => r.test(spec))) out.push(`${via} → ${file} imports the package ${spec}`);
    }
  };
  for (const { file, spec } of entries) visit(resolveIn(join(ROOT, 'src', 'x.ts'), `./${spec.slice('@shared/'.length)}`), `${file} (${spec})`);
  return out;
}

describe('[WEB] the @shared alias', () => {
  const entries = webFiles('web/src').flatMap((file) => specifiers(readFileSync(file, 'utf8')).filter((s) => s.startsWith('@shared/')).map((spec) => ({ file, spec })));

  it('is used by the web app (the rule below checks something)', () => {
    expect(entries.length).toBeGreaterThan(5);
  });

  it('reaches only src/domain/** and the modules’ schema files, and through them no package but zod', () => {
    expect(violations(entries)).toEqual([]);
  });

  it('refuses a service, a repository or the database', () => {
    expect(violations([{ file: 'web/src/x.tsx', spec: '@shared/modules/orgs/service' }])).toEqual([
      'web/src/x.tsx (@shared/modules/orgs/service) reaches src/modules/orgs/service.ts, which is not src/domain/** or a src/modules/*/ schema file',
    ]);
    expect(violations([{ file: 'web/src/x.tsx', spec: '@shared/db/database' }])).toHaveLength(1);
  });
});
