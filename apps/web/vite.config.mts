import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into apps/web/dist, which the API serves at `/`; in development the Vite server
// proxies the API (HTTP and graphql-ws) to the platform on port 3000.
export default defineConfig({
  plugins: [react()],
  // The zod schemas the API checks inputs with (libs/contracts: no Node, no Nest), for the forms.
  resolve: { alias: { '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '^/jobs/[^/]+/shortlist\\.csv$': { target: 'http://localhost:3000' },
    },
  },
});
