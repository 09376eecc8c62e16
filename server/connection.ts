import * as Y from 'yjs';
import { WebSocket, type RawData } from 'ws';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Role } from '../shared/protocol/roles';
import { canEdit } from '../shared/protocol/roles';
import { decodeClientFrame, encodeAwarenessEntries, encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, type AwarenessEntry, type ClientFrame } from '../shared/protocol/frame';
import type { Room, RoomPeer } from './room';
import type { Rooms } from './rooms';
import { appliesCleanly } from './updateCheck';
import { errorText, log, logError } from './log';

export interface ConnectionLimits {
  awarenessMaxBytes: number;
  awarenessPerSecond: number;
  /** Unsent bytes a socket may have queued before it counts as too slow and is closed (1013). */
  maxBufferedBytes: number;
}

/** Close codes this server uses; 4400–4499 tell y-websocket clients not to reconnect. */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_INVALID_DATA = 1007;
export const CLOSE_INTERNAL = 1011;
export const CLOSE_TRY_AGAIN = 1013;
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_REVOKED = 4401;
export const CLOSE_DELETED = 4404;

/** Frames a socket may send while its document is still loading; a client sends two or three. */
const MAX_EARLY_FRAMES = 256;
/** At most this many presence ids per socket (a y-websocket client uses one). */
const MAX_AWARENESS_IDS = 4;

/**
 * One WebSocket speaking the y-websocket protocol for one document. Frames pass the gate in
 * shared/protocol/frame.ts; the role decides what reaches the room: view sockets never change the document.
 */
export class Connection implements RoomPeer {
  private room: Room | null = null;
  private early: Uint8Array[] = [];
  private synced = false;
  private closed = false;
  private droppedUpdates = 0;
  private awarenessTokens: number;
  private awarenessRefilledAt = Date.now();
  private awarenessDroppedLogged = false;
  private summonDroppedLogged = false;

  constructor(
    private readonly ws: WebSocket,
    readonly docName: string,
    readonly role: Role,
    readonly generation: number,
    private readonly limits: ConnectionLimits,
  ) {
    this.awarenessTokens = limits.awarenessPerSecond;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    // Errors (bad frames at the ws level, 1009 oversize) are followed by 'close'; log them without the URL.
    ws.on('error', (err) => {
      const code = (err as { code?: string }).code ?? 'unknown';
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log('WS_FRAME_TOO_LARGE', { doc: this.docName, role: this.role });
      else log('WS_SOCKET_ERROR', { doc: this.docName, code });
    });
  }

  /** Joins a room the upgrade has acquired; syncing starts once the room has loaded everything stored. */
  async start(rooms: Rooms, room: Room): Promise<void> {
    rooms.attach(room, this);
    this.room = room;
    if (this.closed) {
      rooms.leave(room, this);
      return;
    }
    const onClose = () => rooms.leave(room, this);
    this.ws.once('close', onClose);
    try {
      await room.ready;
    } catch (err) {
      logError('ROOM_LOAD_FAILED', { doc: this.docName, error: errorText(err) });
      this.close(CLOSE_INTERNAL, 'room could not be loaded');
      return;
    }
    if (this.closed) return;
    this.greet(room);
    this.synced = true;
    for (const frame of this.early.splice(0)) {
      if (this.closed) break;
      this.handle(room, frame);
    }
  }

  private greet(room: Room): void {
    // View sockets get no sync step 1: their answer (their own state) would be dropped anyway.
    if (canEdit(this.role)) this.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
    const states = room.awareness.getStates();
    if (states.size > 0) this.send(encodeAwarenessFrame(encodeAwarenessUpdate(room.awareness, [...states.keys()])), { compress: true });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.refuse('FRAME_NOT_BINARY', CLOSE_UNSUPPORTED);
    // A copy with its own ArrayBuffer: ws hands out views into shared pools.
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const bytes = new Uint8Array(buf);
    if (!this.synced || !this.room) {
      if (this.early.length >= MAX_EARLY_FRAMES) return this.refuse('WS_TOO_MANY_EARLY_FRAMES', CLOSE_TRY_AGAIN);
      this.early.push(bytes);
      return;
    }
    this.handle(this.room, bytes);
  }

  private handle(room: Room, bytes: Uint8Array): void {
    const result = decodeClientFrame(bytes);
    if (!result.ok) return this.refuse(result.code, result.code === 'FRAME_UNKNOWN_TYPE' ? CLOSE_UNSUPPORTED : CLOSE_INVALID_DATA);
    try {
      this.apply(room, result.frame);
    } catch (err) {
      // Whatever went wrong stays with this socket: close it, keep the room.
      logError('WS_FRAME_FAILED', { doc: this.docName, role: this.role, error: errorText(err) });
      this.close(CLOSE_INVALID_DATA, 'frame could not be applied');
    }
  }

  private apply(room: Room, frame: ClientFrame): void {
    switch (frame.kind) {
      case 'syncStep1':
        this.send(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc, frame.stateVector)), { compress: true });
        return;
      case 'syncStep2':
      case 'update':
        if (!canEdit(this.role)) {
          // Dropped silently for the client, counted for the log: a stock client never sends these as viewer.
          if (this.droppedUpdates++ === 0) log('WS_VIEW_UPDATE_DROPPED', { doc: this.docName });
          return;
        }
        if (!appliesCleanly(frame.update)) return this.refuse('FRAME_UPDATE_UNAPPLICABLE', CLOSE_INVALID_DATA);
        room.submit(frame.update, this).catch(() => {
          // The room already logged and closed this socket; the client re-sends after reconnecting.
        });
        return;
      case 'awareness':
        this.applyAwareness(room, frame.update, frame.entries);
        return;
      case 'queryAwareness': {
        const ids = [...room.awareness.getStates().keys()];
        this.send(encodeAwarenessFrame(encodeAwarenessUpdate(room.awareness, ids)));
        return;
      }
      case 'auth':
        return;
    }
  }

  private applyAwareness(room: Room, update: Uint8Array, entries: AwarenessEntry[]): void {
    if (update.length > this.limits.awarenessMaxBytes || !this.takeAwarenessToken()) {
      if (!this.awarenessDroppedLogged) log('WS_AWARENESS_LIMITED', { doc: this.docName, role: this.role, bytes: update.length });
      this.awarenessDroppedLogged = true;
      return;
    }
    // Stock y-websocket clients re-broadcast every presence change they receive, other people's included.
    // Those echoes are normal, not an attack: keep only this socket's own entries and drop the rest quietly.
    let mine = 0;
    for (const [, owner] of room.awarenessOwners) if (owner === this) mine++;
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = room.awarenessOwners.get(entry.clientID);
      if (owner !== undefined && owner !== this) continue;
      if (owner === undefined && room.ownedElsewhere(entry.clientID, entry.clock)) continue;
      if (owner === undefined && ++mine > MAX_AWARENESS_IDS) {
        log('WS_AWARENESS_TOO_MANY_IDS', { doc: this.docName, role: this.role });
        return;
      }
      own.push(entry);
    }
    if (own.length === 0) return;
    // Presence says which link someone uses as the server knows it, not as they claim: a view link cannot pose as
    // the facilitator to be followed, nor call everyone to its view ("Iedereen hierheen" is for editors).
    const stamped = own.map((e) => ({ ...e, state: this.stamp(e.state) }));
    update = encodeAwarenessEntries(stamped);
    const ids = own.map((e) => e.clientID);
    for (const id of ids) room.awarenessOwners.set(id, this);
    applyAwarenessUpdate(room.awareness, update, this);
  }

  private stamp(state: unknown): unknown {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return state;
    const out: Record<string, unknown> = { ...(state as Record<string, unknown>), role: this.role };
    if (!canEdit(this.role) && 'summon' in out) {
      delete out.summon;
      if (!this.summonDroppedLogged) log('WS_VIEW_SUMMON_DROPPED', { doc: this.docName });
      this.summonDroppedLogged = true;
    }
    return out;
  }

  private takeAwarenessToken(): boolean {
    const now = Date.now();
    const rate = this.limits.awarenessPerSecond;
    this.awarenessTokens = Math.min(rate, this.awarenessTokens + ((now - this.awarenessRefilledAt) / 1000) * rate);
    this.awarenessRefilledAt = now;
    if (this.awarenessTokens < 1) return false;
    this.awarenessTokens -= 1;
    return true;
  }

  private refuse(code: string, closeCode: number): void {
    log('WS_BAD_FRAME', { doc: this.docName, role: this.role, code });
    this.close(closeCode, 'malformed frame');
  }

  /**
   * Sends one frame. `compress` only for what this socket gets once (the map when it asks for it, who is there when it
   * joins): with permessage-deflate that is where the bytes are, while a relayed edit goes to every socket of the room
   * and compressing it once per socket would cost CPU on every keystroke. Frames under 1 KiB go as they are anyway.
   */
  send(frame: Uint8Array, opts: { compress?: boolean } = {}): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      log('WS_SLOW_CONSUMER', { doc: this.docName, role: this.role, buffered: this.ws.bufferedAmount, limit: this.limits.maxBufferedBytes });
      this.close(CLOSE_TRY_AGAIN, 'too slow');
      return;
    }
    this.ws.send(frame, { compress: opts.compress ?? false });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.early = [];
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
    // A peer that never answers the closing handshake must not hold the room open.
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }

  private onClose(): void {
    this.closed = true;
    this.early = [];
  }
}
