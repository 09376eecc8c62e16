import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiDeps } from './api';
import { handleApi } from './api';
import type { SocketGate } from './upgrade';
import { serveStatic } from './staticFiles';
import { errorText, logError } from './log';

/** Headers on every answer: the app loads only its own code, connects only to its own origin's sockets. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow and the canvas set inline styles; style attributes cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export interface HttpDeps {
  api: ApiDeps;
  gate: SocketGate;
  clientDir: string;
  maxUrlBytes: number;
}

/** The one HTTP server: API under /api, sockets under /yjs/, the built client for everything else. */
export function createHttpServer(deps: HttpDeps): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const rawUrl = req.url ?? '/';
    if (rawUrl.length > deps.maxUrlBytes) {
      res.writeHead(414, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('request URL too long\n');
      return;
    }
    let url: URL;
    try {
      url = new URL(rawUrl, 'http://localhost');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad request URL\n');
      return;
    }
    const work = url.pathname === '/api' || url.pathname.startsWith('/api/') ? handleApi(req, res, url, deps.api) : serveStatic(req, res, url, deps.clientDir);
    work.catch((err: unknown) => {
      logError('HTTP_FAILED', { error: errorText(err) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => deps.gate.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
