import { fileURLToPath } from 'node:url';
import { utimesSync, writeFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Every build, however started (`npm start`, `npm test`, `npx vite build`), leaves web/dist/.build-stamp
 * dated when it began, so `npm start` (scripts/ensure-build.mjs) knows the build is current and does
 * not build again. A file saved during the build is newer than the stamp: the next start rebuilds.
 */
function buildStamp(): Plugin {
  let started = new Date();
  return {
    name: 'varna-build-stamp',
    apply: 'build',
    buildStart() {
      started = new Date();
    },
    writeBundle() {
      const stamp = fileURLToPath(new URL('./web/dist/.build-stamp', import.meta.url));
      writeFileSync(stamp, `${started.toISOString()}\n`);
      utimesSync(stamp, started, started);
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), buildStamp()],
  // `@shared/…` is the server's pure code the web app shares: src/domain/** and the modules'
  // schema files (schema.ts, <part>.schema.ts: zod request schemas, response types). test/web/shared-alias.test.ts
  // refuses anything else, so no server I/O reaches the browser bundle.
  resolve: { alias: [{ find: /^@shared\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  // `npm run dev`: the API runs on PORT (default 3000) and Vite proxies /api to it.
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
