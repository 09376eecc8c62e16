import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/protocol/roles';
import { ApiError } from '../apiError';

/** A device id is a secret the browser makes up once: long and random enough that nobody guesses another's. */
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function deviceIdOf(req: IncomingMessage): string {
  const raw = req.headers['x-device-id'];
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (id === undefined) throw new ApiError(400, 'DEVICE_ID_REQUIRED', 'send the header X-Device-Id: a random id of 16 to 64 letters, digits, - or _ that this device keeps');
  if (!DEVICE_ID.test(id)) throw new ApiError(400, 'DEVICE_ID_INVALID', 'X-Device-Id must be 16 to 64 letters, digits, - or _');
  return id;
}

/**
 * Who a participant is for votes and suggestions: their link's role and their device, not their socket, so a
 * reload or reconnect keeps their dots. Stored only as this keyed hash: the device id itself is never kept,
 * and the same device is a different sender on another map.
 */
export function senderKey(secret: Buffer, room: string, role: Role, deviceId: string): string {
  return createHmac('sha256', secret).update(`participant\n${room}\n${role}\n${deviceId}`).digest('base64url').slice(0, 24);
}
