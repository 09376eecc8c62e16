import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { decodeUtf8 } from 'lib0/string';
import {
  MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
} from './messages';

/**
 * The one gate for y-websocket frames from a socket: a frame is either fully decoded and checked here or
 * refused with a coded error. Nothing from a socket reaches a room's Y.Doc or awareness without passing it.
 */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** null when the client left. */
  state: unknown;
}

export type ClientFrame =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

export type FrameErrorCode =
  | 'FRAME_EMPTY'
  | 'FRAME_UNKNOWN_TYPE'
  | 'FRAME_TRUNCATED'
  | 'FRAME_TRAILING_BYTES'
  | 'FRAME_BAD_STATE_VECTOR'
  | 'FRAME_BAD_UPDATE'
  | 'FRAME_BAD_AWARENESS';

export type FrameResult = { ok: true; frame: ClientFrame } | { ok: false; code: FrameErrorCode };

class FrameError extends Error {
  constructor(readonly code: FrameErrorCode) {
    super(code);
  }
}

// lib0 reads past the end of a view into the rest of its ArrayBuffer; check lengths ourselves.
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const len = decoding.readVarUint(decoder);
  if (len > decoder.arr.length - decoder.pos) throw new FrameError('FRAME_TRUNCATED');
  return decoding.readUint8Array(decoder, len);
}

function readString(decoder: decoding.Decoder): string {
  return decodeUtf8(readBytes(decoder));
}

/** Parses an awareness update into its entries, refusing anything that is not exactly one well-formed update. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > update.length) throw new FrameError('FRAME_BAD_AWARENESS');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    let state: unknown;
    try {
      state = JSON.parse(readString(decoder));
    } catch (e) {
      throw e instanceof FrameError ? e : new FrameError('FRAME_BAD_AWARENESS');
    }
    entries.push({ clientID, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new FrameError('FRAME_TRAILING_BYTES');
  return entries;
}

/** Encodes entries back into one awareness update: the write side of decodeAwarenessUpdate. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientID);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new FrameError('FRAME_BAD_UPDATE');
  }
}

function readFrame(bytes: Uint8Array): ClientFrame {
  if (bytes.length === 0) throw new FrameError('FRAME_EMPTY');
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  let frame: ClientFrame;
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = decoding.readVarUint(decoder);
      const payload = readBytes(decoder);
      if (sub === SYNC_STEP1) {
        try {
          Y.decodeStateVector(payload);
        } catch {
          throw new FrameError('FRAME_BAD_STATE_VECTOR');
        }
        frame = { kind: 'syncStep1', stateVector: payload };
      } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
        checkUpdate(payload);
        frame = sub === SYNC_STEP2 ? { kind: 'syncStep2', update: payload } : { kind: 'update', update: payload };
      } else {
        throw new FrameError('FRAME_UNKNOWN_TYPE');
      }
      break;
    }
    case MESSAGE_AWARENESS: {
      const update = readBytes(decoder);
      frame = { kind: 'awareness', update, entries: decodeAwarenessUpdate(update) };
      break;
    }
    case MESSAGE_QUERY_AWARENESS:
      frame = { kind: 'queryAwareness' };
      break;
    case MESSAGE_AUTH:
      // Clients never need to send auth messages; accept and ignore whatever follows.
      return { kind: 'auth' };
    default:
      throw new FrameError('FRAME_UNKNOWN_TYPE');
  }
  if (decoding.hasContent(decoder)) throw new FrameError('FRAME_TRAILING_BYTES');
  return frame;
}

/** Decodes one frame a client sent; every failure (including lib0's own read errors) becomes a code. */
export function decodeClientFrame(bytes: Uint8Array): FrameResult {
  try {
    return { ok: true, frame: readFrame(bytes) };
  } catch (e) {
    return { ok: false, code: e instanceof FrameError ? e.code : 'FRAME_TRUNCATED' };
  }
}

function syncFrame(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SYNC_STEP1, stateVector);
}
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_STEP2, update);
}
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC_UPDATE, update);
}
export function encodeAwarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
  return encoding.toUint8Array(encoder);
}
