import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // `@shared/…` is the server's pure code the web app shares: src/domain/** and the modules'
  // schema files (schema.ts, <part>.schema.ts: zod request schemas, response types). test/web/shared-alias.test.ts
  // refuses anything else, so no server I/O reaches the browser bundle.
  resolve: { alias: [{ find: /^@shared\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  // `npm run dev`: the API runs on PORT (default 3000) and Vite proxies /api to it.
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
