import { encodeUtf8, decodeUtf8 } from 'lib0/string';
import { isRole, type Role } from './roles';
import { decodeBase64url, encodeBase64url } from './base64url';
import { isValidRoomName } from '../model/roomName';

/**
 * A share-link token: `base64url(JSON payload)` + `.` + `base64url(HMAC-SHA256(payload part, secret))`.
 * The server signs and verifies (server/auth.ts); this file only knows the payload's shape, so the client can
 * read its own role for the UI. Reading a payload here proves nothing: only the server's check counts.
 */
export interface TokenPayload {
  v: 1;
  /** The map's room id. */
  r: string;
  /** The link's role. */
  l: Role;
  /** The link generation; revoking a link bumps it and every older token stops working. */
  g: number;
}

/** Longer tokens are refused before any parsing: a real token is about 120 characters. */
export const MAX_TOKEN_LENGTH = 512;

export type TokenErrorCode = 'TOKEN_MISSING' | 'TOKEN_TOO_LONG' | 'TOKEN_MALFORMED';

export type TokenParts =
  | { ok: true; payload: TokenPayload; payloadPart: string; signature: Uint8Array }
  | { ok: false; code: TokenErrorCode };

export function encodeTokenPayload(payload: TokenPayload): string {
  return encodeBase64url(encodeUtf8(JSON.stringify({ v: payload.v, r: payload.r, l: payload.l, g: payload.g })));
}

function parsePayload(part: string): TokenPayload | null {
  const bytes = decodeBase64url(part);
  if (!bytes) return null;
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (Object.keys(o).length !== 4) return null;
  const { v, r, l, g } = o;
  if (v !== 1 || typeof r !== 'string' || !isValidRoomName(r) || !isRole(l)) return null;
  if (typeof g !== 'number' || !Number.isSafeInteger(g) || g < 1) return null;
  return { v: 1, r, l, g };
}

/** Splits and checks a token's shape (length, alphabet, payload fields); the signature is not verified here. */
export function splitToken(token: string | null | undefined): TokenParts {
  if (token === null || token === undefined || token === '') return { ok: false, code: 'TOKEN_MISSING' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, code: 'TOKEN_TOO_LONG' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, code: 'TOKEN_MALFORMED' };
  const payloadPart = token.slice(0, dot);
  const signature = decodeBase64url(token.slice(dot + 1));
  const payload = parsePayload(payloadPart);
  if (!signature || signature.length === 0 || !payload) return { ok: false, code: 'TOKEN_MALFORMED' };
  return { ok: true, payload, payloadPart, signature };
}

/** The payload of a token without verifying it: the client uses it only to know which role to show. */
export function decodeTokenPayload(token: string): TokenPayload | null {
  const parts = splitToken(token);
  return parts.ok ? parts.payload : null;
}
