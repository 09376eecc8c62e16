import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import * as Y from 'yjs';
import type { Role } from '../shared/protocol/roles';
import { ApiError, access, bearer, clientIp, parseBody, sameSecret, sendJson, type ApiDeps } from './apiCommon';

export type { ApiDeps } from './apiCommon';
import { captureUpdate } from './room';
import { CLOSE_DELETED, CLOSE_REVOKED } from './connection';
import { newRoomMeta, readRoomMeta, roomMetaKey, writeRoomMeta, type RoomMeta } from './roomMeta';
import { newRoomId } from '../shared/model/ids';
import { initMeta, readMeta, setTitle } from '../shared/model/mapDoc';
import { deletePrivateFields } from '../shared/model/privateDoc';
import { isValidRoomName, privateRoomOf } from '../shared/model/roomName';
import { RoomsFullError } from './rooms';
import { errorText, log, logError } from './log';
import { EXPORT_PATH, handleExport } from './exportRoute';
import { VERSIONS_PATH, handleVersions } from './versions/versionRoutes';
import { PARTICIPATION_PATH, handleParticipation } from './participation/participationRoutes';
import { removePerson } from '../shared/stakeholders/removePerson';


type LinkRole = 'edit' | 'view';

const titleSchema = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(200, 'title must be at most 200 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'title must not contain control characters');
const createSchema = z.strictObject({
  title: titleSchema,
  template: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'template must be 1 to 64 letters, digits, - or _').optional(),
});
const renameSchema = z.strictObject({ title: titleSchema });
const revokeSchema = z.strictObject({ link: z.enum(['edit', 'view']) });
const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The base of share links: PUBLIC_URL, else the Host the browser used (checked), else the listen address. */
function linkBase(req: IncomingMessage, deps: ApiDeps): string {
  if (deps.config.publicUrl) return deps.config.publicUrl;
  const host = req.headers.host;
  if (host && /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:\d{1,5})?$/.test(host)) return `http://${host}`;
  return `http://${deps.config.host}:${deps.port()}`;
}

function linkFor(base: string, room: string, token: string): string {
  // The token rides in the fragment: browsers never send it to a server or in a Referer header.
  return `${base}/m/${room}#token=${token}`;
}

function tokensFor(deps: ApiDeps, room: string, meta: RoomMeta): Record<Role, string> {
  return {
    owner: deps.signer.sign(room, 'owner', meta.generations.owner),
    edit: deps.signer.sign(room, 'edit', meta.generations.edit),
    view: deps.signer.sign(room, 'view', meta.generations.view),
  };
}

function linksFor(base: string, room: string, tokens: Record<Role, string>): Record<Role, string> {
  return { owner: linkFor(base, room, tokens.owner), edit: linkFor(base, room, tokens.edit), view: linkFor(base, room, tokens.view) };
}

async function createRoom(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  if (deps.config.createToken !== undefined) {
    const given = bearer(req);
    if (given === undefined || !sameSecret(given, deps.config.createToken)) throw new ApiError(401, 'CREATE_TOKEN_REQUIRED', 'creating maps needs the server’s creation token');
  }
  if (!deps.createLimiter.take(clientIp(req, deps))) throw new ApiError(429, 'CREATE_RATE_LIMITED', 'too many new maps from this address; try again later');
  const body = await parseBody(req, deps, createSchema);
  const room = newRoomId();
  const meta = newRoomMeta();
  const update = captureUpdate(new Y.Doc(), (doc) => initMeta(doc, { title: body.title, template: body.template, createdAt: meta.createdAt }));
  if (update) await deps.store.append(room, [update]);
  // Written last: until this record exists the map does not exist for anyone.
  await writeRoomMeta(deps.store, room, meta);
  log('ROOM_CREATED', { room });
  const tokens = tokensFor(deps, room, meta);
  sendJson(res, 201, { room, tokens, links: linksFor(linkBase(req, deps), room, tokens) });
}

async function roomInfo(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  const a = await access(req, deps, room, false);
  const title = await deps.rooms.withRoom(room, async (r) => readMeta(r.doc).title);
  sendJson(res, 200, { room, title, role: a.role });
}

async function roomLinks(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  const a = await access(req, deps, room, true);
  const tokens = tokensFor(deps, room, a.meta);
  sendJson(res, 200, { room, tokens, links: linksFor(linkBase(req, deps), room, tokens) });
}

async function revoke(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  const a = await access(req, deps, room, true);
  const { link } = await parseBody(req, deps, revokeSchema);
  const role: LinkRole = link;
  const current = (await readRoomMeta(deps.store, room)) ?? a.meta;
  const meta: RoomMeta = { ...current, generations: { ...current.generations, [role]: current.generations[role] + 1 } };
  await writeRoomMeta(deps.store, room, meta);
  // Closed with a 44xx code: y-websocket clients then stop reconnecting, and a reconnect would be refused anyway.
  const closed = deps.rooms.closePeers(room, (p) => p.role === role && p.generation < meta.generations[role], CLOSE_REVOKED, 'link revoked');
  await deps.cluster?.announce({ kind: 'revoked', room, role, generation: meta.generations[role] });
  log('ROOM_LINK_REVOKED', { room, link: role, generation: meta.generations[role], closed });
  const token = deps.signer.sign(room, role, meta.generations[role]);
  sendJson(res, 200, { room, link: role, token, url: linkFor(linkBase(req, deps), room, token) });
}

async function rename(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  await access(req, deps, room, true);
  const { title } = await parseBody(req, deps, renameSchema);
  await deps.rooms.withRoom(room, (r) => r.change((doc) => setTitle(doc, title)));
  sendJson(res, 200, { room, title });
}

async function deleteRoom(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string): Promise<void> {
  await access(req, deps, room, true);
  // Meta first, so no new socket is admitted while the documents go.
  await deps.store.deleteMeta(roomMetaKey(room));
  await deps.cluster?.announce({ kind: 'deleted', room });
  deps.rooms.closePeers(room, () => true, CLOSE_DELETED, 'map deleted');
  await deps.rooms.unloadMap(room);
  await deps.store.delete(room);
  await deps.store.delete(privateRoomOf(room));
  const versions = await deps.versions.deleteAll(room);
  const ballots = await deps.participation.votes.deleteMap(room);
  log('ROOM_DELETED', { room, versions, ballots });
  sendJson(res, 200, { room, deleted: true });
}

async function deletePerson(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, nodeId: string): Promise<void> {
  await access(req, deps, room, true);
  if (!NODE_ID_PATTERN.test(nodeId)) throw new ApiError(400, 'NODE_ID_INVALID', 'invalid node id');
  await deps.rooms.withRoom(room, async (r) => {
    await r.change((doc) => removePerson(doc, nodeId));
    // Compacted so the deleted values do not linger in the stored update log.
    await r.compactNow();
  });
  await deps.rooms.withRoom(privateRoomOf(room), async (r) => {
    await r.change((doc) => deletePrivateFields(doc, [nodeId]));
    await r.compactNow();
  });
  // Every version too: after this, no stored byte of the map or any of its versions holds the person.
  const versions = await deps.versions.removePerson(room, nodeId);
  log('ROOM_PERSON_DELETED', { room, versions });
  sendJson(res, 200, { room, node: nodeId, deleted: true });
}

type Handler = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, room: string, extra: string) => Promise<void>;

function route(method: string, path: string): { handler: Handler; room: string; extra: string } | 'method' | null {
  if (path === '/api/rooms') return method === 'POST' ? { handler: (q, s, d) => createRoom(q, s, d), room: '', extra: '' } : 'method';
  const m = /^\/api\/rooms\/([^/]+)(?:\/(links|revoke|nodes\/([^/]+)))?$/.exec(path);
  if (!m) return null;
  const [, room, sub, nodeId] = m;
  const pick = (h: Handler | undefined) => (h ? { handler: h, room, extra: nodeId ?? '' } : 'method');
  if (sub === undefined) return pick(method === 'GET' ? roomInfo : method === 'PATCH' ? rename : method === 'DELETE' ? deleteRoom : undefined);
  if (sub === 'links') return pick(method === 'GET' ? roomLinks : undefined);
  if (sub === 'revoke') return pick(method === 'POST' ? revoke : undefined);
  return pick(method === 'DELETE' ? deletePerson : undefined);
}

/** The JSON API under /api. Every answer is JSON; errors are `{ error: { code, message } }` with a 4xx/5xx status. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: ApiDeps): Promise<void> {
  try {
    if (EXPORT_PATH.test(url.pathname)) return await handleExport(req, res, url, deps);
    if (url.pathname === '/api/time') {
      // The server's clock, for the shared timer: a client estimates its offset from it (half the round trip).
      if (req.method !== 'GET') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
      return sendJson(res, 200, { now: Date.now() });
    }
    const participation = PARTICIPATION_PATH.exec(url.pathname);
    if (participation) {
      if (!isValidRoomName(participation[1])) throw new ApiError(400, 'ROOM_NAME_INVALID', 'invalid map name: use 1 to 64 letters, digits, - or _');
      return await handleParticipation(req, res, url, deps, participation);
    }
    const versions = VERSIONS_PATH.exec(url.pathname);
    if (versions) {
      if (!isValidRoomName(versions[1])) throw new ApiError(400, 'ROOM_NAME_INVALID', 'invalid map name: use 1 to 64 letters, digits, - or _');
      return await handleVersions(req, res, deps, versions[1], versions[2], versions[3]);
    }
    const r = route(req.method ?? 'GET', url.pathname);
    if (r === null) throw new ApiError(404, 'API_NOT_FOUND', 'no such API endpoint');
    if (r === 'method') throw new ApiError(405, 'API_METHOD_NOT_ALLOWED', 'method not allowed here');
    if (r.room !== '' && !isValidRoomName(r.room)) throw new ApiError(400, 'ROOM_NAME_INVALID', 'invalid map name: use 1 to 64 letters, digits, - or _');
    await r.handler(req, res, deps, r.room, r.extra);
  } catch (err) {
    if (res.headersSent) return;
    if (err instanceof ApiError) {
      log('API_REFUSED', { method: req.method, status: err.status, code: err.code });
      if (err.status === 413) res.setHeader('Connection', 'close');
      sendJson(res, err.status, { error: { code: err.code, message: err.reason } });
      return;
    }
    if (err instanceof RoomsFullError) {
      log('API_REFUSED', { method: req.method, status: 503, code: err.code });
      res.setHeader('Retry-After', '60');
      sendJson(res, 503, { error: { code: err.code, message: 'the server has too many maps open; try again in a minute' } });
      return;
    }
    logError('API_FAILED', { method: req.method, error: errorText(err) });
    sendJson(res, 500, { error: { code: 'INTERNAL', message: 'the server could not complete this request' } });
  }
}
