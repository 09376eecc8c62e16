import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { authorize, type Access } from './access';
import { readJsonBody } from './body';
import { encodeJson } from './compressJson';
import { clientAddress } from './clientAddress';
import type { Config } from './config';
import type { TokenSigner } from './auth';
import type { RateLimiter } from './rateLimit';
import type { Rooms } from './rooms';
import type { ClusterEvents } from './cluster/clusterEvents';
import type { DocStore } from './storage/DocStore';
import type { VersionStore } from './versions/VersionStore';
import type { Participation } from './participation/Participation';
import { ApiError } from './apiError';

/** What the API's routes work with. */
export interface ApiDeps {
  config: Config;
  store: DocStore;
  rooms: Rooms;
  versions: VersionStore;
  signer: TokenSigner;
  createLimiter: RateLimiter;
  /** Votes, suggestions and the timer. */
  participation: Participation;
  /** Other instances to tell about revoked links and deleted maps (REDIS_URL). */
  cluster?: ClusterEvents;
  /** The port actually listened on (PORT=0 picks one), for links when no Host header helps. */
  port(): number;
}

/** What every JSON route of the API shares: refusals with a code (ApiError), JSON answers, the bearer token, a checked body. */
export { ApiError };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const encoded = encodeJson(res, JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': encoded.body.length, 'Cache-Control': 'no-store', ...encoded.headers });
  res.end(encoded.body);
}

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer ([^\s]+)$/.exec(h);
  if (!m) throw new ApiError(401, 'AUTH_HEADER_INVALID', 'use the header Authorization: Bearer <token>');
  return m[1];
}

export function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about either value.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** A JSON body checked by `schema`; `limit` lowers MAX_BODY_BYTES for a route, refusing larger bodies with `limit.code`. */
export async function parseBody<T>(req: IncomingMessage, deps: ApiDeps, schema: z.ZodType<T>, limit?: { bytes: number; code: string }): Promise<T> {
  const body = await readJsonBody(req, limit?.bytes ?? deps.config.limits.maxBodyBytes);
  if (!body.ok) throw new ApiError(body.status, body.status === 413 && limit ? limit.code : body.code, body.reason);
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
    throw new ApiError(400, 'BODY_INVALID', where + (issue?.message ?? 'invalid body'));
  }
  return parsed.data;
}

/** The address a request came from, for per-address limits (behind TRUST_PROXY proxies: see clientAddress). */
export function clientIp(req: IncomingMessage, deps: ApiDeps): string {
  return clientAddress(req, deps.config.trustProxy);
}

/** The caller's access to a map, from the bearer token; `ownerOnly` refuses edit and view links with 403. */
export async function access(req: IncomingMessage, deps: ApiDeps, room: string, ownerOnly: boolean): Promise<Access> {
  const result = await authorize(deps.signer, deps.store, room, bearer(req), { isPrivate: false });
  if (!result.ok) throw new ApiError(result.status, result.code, result.reason);
  if (ownerOnly && result.role !== 'owner') throw new ApiError(403, 'OWNER_ONLY', 'only the facilitator link may do this');
  return result;
}

