import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, pattern) : pattern.test(f) ? [p] : [];
  });
}

/** Core texts plus every capability's texts.<lang>.json, as the web app merges them. */
function texts(lang: 'sv' | 'en'): Tree {
  const core = JSON.parse(readFileSync(`web/src/i18n/${lang}.json`, 'utf8'));
  const parts = files('web/src/pages', new RegExp(`^texts\\.${lang}\\.json$`)).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const all: Tree = { ...core };
  for (const part of parts) {
    for (const k of Object.keys(part)) {
      if (k in all) throw new Error(`Top-level text key "${k}" is defined twice (${lang})`);
      all[k] = part[k];
    }
  }
  return all;
}

describe('[I18N] translations', () => {
  it('has the same keys in Swedish and English', () => {
    expect(keys(texts('en')).sort()).toEqual(keys(texts('sv')).sort());
  });

  it('has a Swedish text for every literal key the web app uses', () => {
    const sv = texts('sv');
    // A plural text is known by its base key: i18next picks `key_one` or `key_other` by `count`.
    const known = new Set(keys(sv).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const used = files('web/src', /\.tsx?$/).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]));
    expect([...new Set(used.filter((k) => !known.has(k) && !(k in sv)))]).toEqual([]);
  });
});
