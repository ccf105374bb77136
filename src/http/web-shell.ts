import { readFile, stat } from 'node:fs/promises';

/**
 * The web app's shell (index.html) with the installation's demo state on `<html data-demo>`, so the
 * demo banner is drawn with the first paint instead of pushing the page down when
 * GET /api/instance answers. The file is read again only when the build changes it.
 */
export function webShell(indexHtml: string, isDemo: () => Promise<boolean>): () => Promise<string> {
  let cached: { mtimeMs: number; html: string } | null = null;
  return async () => {
    const { mtimeMs } = await stat(indexHtml);
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, html: await readFile(indexHtml, 'utf8') };
    // Without an answer from the database the shell still loads; the banner then waits for
    // GET /api/instance as before.
    const demo = await isDemo().catch(() => false);
    return demo ? cached.html.replace(/<html\b/, '<html data-demo') : cached.html;
  };
}
