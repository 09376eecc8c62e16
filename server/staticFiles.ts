import { createReadStream } from 'node:fs';
import Negotiator from 'negotiator';
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

/** Types built as text, which the build also writes as .br and .gz beside the file. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const ENCODINGS: { name: 'br' | 'gzip'; suffix: string }[] = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/**
 * The precompressed copy to send: brotli where the browser accepts it, else gzip, else none (also when a copy is
 * missing, as for a build made without them). Accept-Encoding is read with its q-values ("br;q=0" refuses brotli).
 */
async function encodedCopy(req: IncomingMessage, file: string): Promise<{ file: string; size: number; encoding: 'br' | 'gzip' } | null> {
  const accepted = new Negotiator(req).encodings(['br', 'gzip']);
  for (const e of ENCODINGS) {
    if (!accepted.includes(e.name)) continue;
    try {
      const info = await stat(file + e.suffix);
      if (info.isFile()) return { file: file + e.suffix, size: info.size, encoding: e.name };
    } catch {
      // Not built: try the next one.
    }
  }
  return null;
}

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
  const ext = extname(file).toLowerCase();
  const compressible = COMPRESSIBLE.has(ext);
  const encoded = compressible ? await encodedCopy(req, file) : null;
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': encoded ? encoded.size : info.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches keep one copy per encoding; a browser that cannot read brotli never gets one.
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoded ? { 'Content-Encoding': encoded.encoding } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(encoded ? encoded.file : file).on('error', () => res.destroy()).pipe(res);
}
