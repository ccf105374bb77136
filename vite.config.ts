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

const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  root: 'web',
  plugins: [react(), buildStamp()],
  // `@shared/…` is the server's pure code the web app shares: src/domain/** and the modules'
  // schema files (schema.ts, <part>.schema.ts: zod request schemas, response types). test/web/shared-alias.test.ts
  // refuses anything else, so no server I/O reaches the browser bundle.
  resolve: {
    alias: [
      { find: /^@shared\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
      // The app is written against React's API and runs on Preact's compatible implementation:
      // the same components, 4 KB of framework instead of 60 KB before the login page can paint
      // (issue #11: ≤ 100 KB of script before the first paint).
      ...PREACT_ALIASES,
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // React Router looks up React 19's useOptimistic by name and falls back when it is missing,
      // as it is in Preact: the build need not warn about that one lookup.
      onLog(level, log, handler) {
        if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('useOptimistic')) return;
        handler(level, log);
      },
    },
  },
  // `npm run dev`: the API runs on PORT (default 3000) and Vite proxies /api to it.
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
