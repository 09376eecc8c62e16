import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for per-address limits. Behind `trustProxy` reverse proxies (TRUST_PROXY) it is
 * read from X-Forwarded-For, counting hops from the right: each trusted proxy appended the address it saw, and
 * anything further left was written by the client itself, so it is never believed.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy === 0) return direct;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const chain = [...forwarded, direct];
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}
