// Builds the client with Vite when its folder is missing or older than any client or shared source file.
// Used by `npm start` (dist/client) and by the test global setup (mode e2e: dist/client-e2e, which also carries the
// test extension), so neither serves a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where a build of `mode` goes (as vite.config.ts says). */
export function clientDirFor(mode = 'production') {
  return join(root, mode === 'e2e' ? 'dist/client-e2e' : 'dist/client');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function clientBuildIsStale(mode = 'production') {
  const marker = join(clientDirFor(mode), 'index.html');
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = Math.max(
    newestMtime(join(root, 'client')),
    newestMtime(join(root, 'shared')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
    statSync(join(root, 'package.json')).mtimeMs,
  );
  return sources > built;
}

export async function buildClientIfNeeded({ quiet = false, mode = 'production' } = {}) {
  if (!clientBuildIsStale(mode)) return false;
  if (!quiet) console.log(`[mantelkaart] building the client (${clientDirFor(mode)})…`);
  // A child process with NODE_ENV=production: inside vitest NODE_ENV is "test", and Vite would then bundle
  // React's development build (StrictMode double effects included) into what the browser tests are served.
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', join(root, 'vite.config.ts'), '--mode', mode, '--logLevel', quiet ? 'error' : 'warn'];
  const code = await new Promise((resolveExit) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.on('exit', (c) => resolveExit(c ?? 1));
    child.on('error', () => resolveExit(1));
  });
  if (code !== 0) throw new Error(`the client build failed (vite build exited with ${code})`);
  return true;
}
