import { isRole, type Role } from '../../shared/protocol/roles';
import { isValidRoomName } from '../../shared/model/roomName';

/**
 * The client's side of the rooms HTTP API. Every answer passes a small check before use: the server is ours,
 * but a proxy error page or an older server must give a clear error, not a half-filled object.
 */
export interface RoomLinks {
  owner: string;
  edit: string;
  view: string;
}
export interface RoomTokens {
  owner: string;
  edit: string;
  view: string;
}
export interface CreatedRoom {
  room: string;
  tokens: RoomTokens;
  links: RoomLinks;
}
export interface RoomInfo {
  room: string;
  title: string;
  role: Role;
}

/** Why a call failed, in a form the UI can turn into a sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: 'network' | 'denied' | 'not-found' | 'rate-limited' | 'bad-response' | 'server',
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function threeStrings(v: unknown): RoomLinks | null {
  if (!isObject(v)) return null;
  const { owner, edit, view } = v;
  if (typeof owner !== 'string' || typeof edit !== 'string' || typeof view !== 'string') return null;
  return { owner, edit, view };
}

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    const reason = isObject(body) && typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
    const code = res.status === 401 || res.status === 403 ? 'denied' : res.status === 404 ? 'not-found' : res.status === 429 ? 'rate-limited' : 'server';
    throw new ApiError(code, res.status, reason);
  }
  return body;
}

function bad(what: string): never {
  throw new ApiError('bad-response', 200, `unexpected answer from ${what}`);
}

function parseCreated(body: unknown): CreatedRoom {
  if (!isObject(body) || typeof body.room !== 'string' || !isValidRoomName(body.room)) bad('POST /api/rooms');
  const tokens = threeStrings(body.tokens);
  const links = threeStrings(body.links);
  if (!tokens || !links) bad('POST /api/rooms');
  return { room: body.room, tokens, links };
}

export async function createRoom(title: string): Promise<CreatedRoom> {
  return parseCreated(await call('/api/rooms', { method: 'POST', body: JSON.stringify({ title }) }));
}

export async function getRoom(room: string, token: string): Promise<RoomInfo> {
  const body = await call(`/api/rooms/${encodeURIComponent(room)}`, { token });
  if (!isObject(body) || typeof body.title !== 'string' || !isRole(body.role)) bad('GET /api/rooms/:room');
  return { room, title: body.title, role: body.role };
}

export async function getLinks(room: string, token: string): Promise<{ tokens: RoomTokens; links: RoomLinks }> {
  const body = await call(`/api/rooms/${encodeURIComponent(room)}/links`, { token });
  if (!isObject(body)) bad('GET /api/rooms/:room/links');
  const tokens = threeStrings(body.tokens);
  const links = threeStrings(body.links);
  if (!tokens || !links) bad('GET /api/rooms/:room/links');
  return { tokens, links };
}

/** Revokes the edit or view link; the answer carries the re-issued links when the server sends them. */
export async function revokeLink(room: string, token: string, link: 'edit' | 'view'): Promise<void> {
  await call(`/api/rooms/${encodeURIComponent(room)}/revoke`, { method: 'POST', token, body: JSON.stringify({ link }) });
}

export async function renameRoom(room: string, token: string, title: string): Promise<void> {
  await call(`/api/rooms/${encodeURIComponent(room)}`, { method: 'PATCH', token, body: JSON.stringify({ title }) });
}

/** Deletes a node completely: map, private document and stored history (owner token). */
export async function deleteNodeCompletely(room: string, token: string, nodeId: string): Promise<void> {
  await call(`/api/rooms/${encodeURIComponent(room)}/nodes/${encodeURIComponent(nodeId)}`, { method: 'DELETE', token });
}

export async function deleteRoom(room: string, token: string): Promise<void> {
  await call(`/api/rooms/${encodeURIComponent(room)}`, { method: 'DELETE', token });
}
