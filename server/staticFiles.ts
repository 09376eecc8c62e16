import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { ROOM_NAME_PATTERN } from '../shared/model/roomName';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text + '\n');
}

/** Routes the single-page app owns: the start page and a map. */
function isAppRoute(path: string): boolean {
  if (path === '/' || path === '/index.html') return true;
  const m = /^\/m\/([^/]+)\/?$/.exec(path);
  return m !== null && ROOM_NAME_PATTERN.test(m[1]);
}

/**
 * Serves the built client (dist/client). Hashed files under /assets/ are cached for a year; index.html is
 * revalidated every time so a new build reaches browsers at once. Paths never leave the client directory.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, 'method not allowed');
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return plain(res, 400, 'bad path');
  }
  if (path.includes('\0') || path.split('/').some((seg) => seg === '..' || seg === '.')) return plain(res, 400, 'bad path');
  const rootDir = resolve(root);
  const file = isAppRoute(path) ? join(rootDir, 'index.html') : resolve(rootDir, '.' + path);
  if (file !== rootDir && !file.startsWith(rootDir + sep)) return plain(res, 400, 'bad path');
  let info;
  try {
    info = await stat(file);
  } catch {
    if (isAppRoute(path)) return plain(res, 503, 'the client is not built yet: run `npm start` (it builds) or `npm run build`');
    return plain(res, 404, 'not found');
  }
  if (!info.isFile()) return plain(res, 404, 'not found');
  const immutable = path.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
