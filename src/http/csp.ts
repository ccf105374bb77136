import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The one inline script the Content Security Policy admits: the axe-core accessibility engine,
 * by the SHA-256 of its exact source, so WCAG checkers that inject axe (our browser tests, the
 * city's own accessibility audits) can scan Värna. Any other inline script stays blocked; when
 * axe-core is not installed (a production install without dev tools) nothing is admitted.
 * package.json pins axe-core to the release checkers currently install, as the hash is per release.
 */
export function accessibilityCheckerHashes(): string[] {
  try {
    const path = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    return [`'sha256-${createHash('sha256').update(readFileSync(path, 'utf8')).digest('base64')}'`];
  } catch {
    return [];
  }
}
