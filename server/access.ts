import type { DocStore } from './storage/DocStore';
import type { TokenSigner } from './auth';
import type { Role } from '../shared/protocol/roles';
import { canEdit } from '../shared/protocol/roles';
import { generationOf, readRoomMeta, type RoomMeta } from './roomMeta';

export type Access = { ok: true; role: Role; generation: number; meta: RoomMeta };
export type Refusal = { ok: false; status: 401 | 403 | 404; code: string; reason: string };

/**
 * The one decision of who may open what, shared by the WebSocket upgrade and the API: a signed token for this
 * map, of the current generation, for an existing map; view tokens never open the private document.
 */
export async function authorize(
  signer: TokenSigner,
  store: DocStore,
  room: string,
  token: string | null | undefined,
  options: { isPrivate: boolean },
): Promise<Access | Refusal> {
  const verified = signer.verify(token);
  if (!verified.ok) {
    const reason = verified.code === 'TOKEN_MISSING' ? 'a token is required' : verified.code === 'TOKEN_TOO_LONG' ? 'token too long' : 'invalid token';
    return { ok: false, status: 401, code: verified.code, reason };
  }
  const { payload } = verified;
  if (payload.r !== room) return { ok: false, status: 403, code: 'TOKEN_OTHER_ROOM', reason: 'token is for another map' };
  const meta = await readRoomMeta(store, room);
  if (!meta) return { ok: false, status: 404, code: 'ROOM_UNKNOWN', reason: 'no such map' };
  if (payload.g !== generationOf(meta, payload.l)) return { ok: false, status: 403, code: 'TOKEN_REVOKED', reason: 'this link was revoked' };
  if (options.isPrivate && !canEdit(payload.l)) return { ok: false, status: 403, code: 'PRIVATE_FORBIDDEN', reason: 'view links cannot open private data' };
  return { ok: true, role: payload.l, generation: payload.g, meta };
}
