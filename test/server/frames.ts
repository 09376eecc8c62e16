import * as encoding from 'lib0/encoding';
import { encodeAwarenessFrame } from '../../shared/protocol/frame';

/** An awareness frame for one client id, written by hand so tests control id, clock and size. */
export function awarenessFrame(clientID: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientID);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encodeAwarenessFrame(encoding.toUint8Array(encoder));
}

/** The y-websocket URL of one document with a token, for raw sockets. */
export function docUrl(wsUrl: string, doc: string, token: string): string {
  return `${wsUrl}/${doc}?token=${encodeURIComponent(token)}`;
}
