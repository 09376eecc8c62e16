import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { preloadDynamicImports } from './client/build/preloadDynamicImports.ts';

// One config for the client build (root: client/) and for vitest (tests under test/).
const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [
    react(),
    // The app and a map's built-in extensions are fetched with the first small chunk, not after it has run.
    preloadDynamicImports('client/main.tsx', 'client/app/extensions.ts'),
    // Every text asset also as .br and .gz, made once at build time: the server picks one per request, no CPU per
    // request. Source maps stay as they are: only developer tools fetch them, and brotli on them tripled the build.
    // Also for files too small to shrink (a chunk that only imports another): every text file then has its copies,
    // and the server's choice never depends on a file's size.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|css|js|mjs|json|svg|webmanifest|txt)$/, skipIfLargerOrEqual: false }),
  ],
  build: {
    // The browser tests' build (mode e2e) also carries the test extension, so it never shares a folder with the
    // build `npm start` serves.
    outDir: mode === 'e2e' ? '../dist/client-e2e' : '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev`: the Vite dev server proxies the API and the socket to a running `npm start` server.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/yjs': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: browser tests and server tests each start real processes; keep them from starving each other.
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
}));
