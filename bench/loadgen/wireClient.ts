// A benchmark client that speaks the real wire protocol over a raw `ws` socket but never applies what it receives:
// it only looks for edit markers in the relayed updates (marker.ts). Hundreds of stock providers, each applying
// every update to its own Y.Doc, made the load generator rather than the server the bottleneck.
//
// What goes over the wire is what a stock client sends: y-websocket's WebsocketProvider (y-websocket 3.1) or
// @hocuspocus/provider 3.4.4, message for message. Its own small Y.Doc holds only its own edits (one key of its
// own), so the updates it sends are real Yjs updates that are causally complete without anyone else's.
// What it leaves out: it does not re-broadcast other clients' presence (stock providers echo every awareness
// change they receive; all three servers drop those echoes as stale) and it does not reconnect.
import * as Y from 'yjs';
import { WebSocket, type RawData } from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { RoomTarget } from '../lib/servers';
import { scanMarkers } from './marker';

// y-protocols message numbers (the same in both framings).
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
// Hocuspocus only (@hocuspocus/provider src/types.ts, @hocuspocus/common src/auth.ts).
const HP_CLOSE = 7;
const HP_AUTH_TOKEN = 0;
const HP_AUTH_DENIED = 1;
/** y-protocols' Awareness renews the local state when it is this old, checking every tenth of the 30 s timeout. */
const AWARENESS_RENEW_MS = 15_000;
const AWARENESS_CHECK_MS = 3_000;

/** Called with the receive time (performance.now) of the frame that carried the marker. */
export type MarkerSink = (room: number, sender: number, seq: number, receivedAt: number) => void;

export class WireClient {
  private readonly doc = new Y.Doc();
  private readonly map = this.doc.getMap<string>('bench');
  private readonly ws: WebSocket;
  private readonly hocuspocus: boolean;
  private readonly renewTimer: NodeJS.Timeout;
  private synced = false;
  private closeCount = 0;
  private destroyed = false;
  private awarenessClock = 0;
  private awarenessSentAt = 0;
  /** Set when the server refuses (Hocuspocus permission denied, a close before sync); the run fails on it. */
  failure: string | undefined;

  constructor(private readonly target: RoomTarget, private readonly onMarker: MarkerSink) {
    this.hocuspocus = target.protocol === 'hocuspocus';
    // As the providers do: every local change goes out as one update message, on the socket it was made for.
    this.doc.on('update', (update: Uint8Array) => this.send(this.frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_UPDATE), encoding.writeVarUint8Array(e, update)))));
    this.ws = new WebSocket(this.url());
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data) => this.onMessage(data));
    this.ws.on('close', (code, reason) => {
      if (this.destroyed) return;
      this.closeCount++;
      if (!this.synced) this.failure ??= `closed before sync: ${code} ${reason.toString()}`;
    });
    this.ws.on('error', (err) => {
      if (!this.synced) this.failure ??= `socket error before sync: ${err.message}`;
    });
    this.renewTimer = setInterval(() => {
      if (this.ws.readyState === WebSocket.OPEN && performance.now() - this.awarenessSentAt >= AWARENESS_RENEW_MS) {
        this.awarenessClock++;
        this.sendAwareness('{}');
      }
    }, AWARENESS_CHECK_MS);
    this.renewTimer.unref();
  }

  /** Sets this client's own key: the provider would send exactly the update this produces. */
  edit(key: string, value: string): void {
    this.map.set(key, value);
  }

  isSynced(): boolean {
    return this.synced;
  }

  closes(): number {
    return this.closeCount;
  }

  /** Leaves as a provider's destroy() does: presence set to null, then the socket closed. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.renewTimer);
    // y-websocket sends the current clock with a null state; Hocuspocus goes through removeAwarenessStates (clock + 1).
    if (this.hocuspocus) this.awarenessClock++;
    if (this.ws.readyState === WebSocket.OPEN) this.sendAwareness('null');
    this.ws.close();
    this.doc.destroy();
  }

  private url(): string {
    if (this.hocuspocus) return this.target.url.replace(/\/+$/, '');
    // WebsocketProvider: serverUrl + '/' + room + '?' + lib0's encodeQueryParams(params).
    const base = `${this.target.url.replace(/\/+$/, '')}/${this.target.room}`;
    return this.target.token === undefined ? base : `${base}?${encodeURIComponent('token')}=${encodeURIComponent(this.target.token)}`;
  }

  private onOpen(): void {
    // Hocuspocus: sendToken() (null token: ''), then startSync(). y-websocket: sync step 1, then presence.
    if (this.hocuspocus) this.sendToken();
    this.send(this.frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_STEP1), encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc)))));
    this.sendAwareness('{}');
  }

  private onMessage(data: RawData): void {
    const receivedAt = performance.now();
    try {
      this.read(data, receivedAt);
    } catch (err) {
      // A frame the stock provider could not read either: the run reports it instead of crashing the generator.
      this.failure ??= `unreadable frame: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private read(data: RawData, receivedAt: number): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const decoder = decoding.createDecoder(bytes);
    if (this.hocuspocus) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === SYNC_STEP1) {
        // Answered with what this client has that the server lacks, as readSyncStep1 does.
        const update = Y.encodeStateAsUpdate(this.doc, decoding.readVarUint8Array(decoder));
        this.send(this.frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_STEP2), encoding.writeVarUint8Array(e, update))));
        return;
      }
      if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        scanMarkers(bytes, decoder.pos, (room, sender, seq) => this.onMarker(room, sender, seq, receivedAt));
        // Both providers count as synced once the server's sync step 2 arrived.
        if (step === SYNC_STEP2) this.synced = true;
      }
      return;
    }
    if (type === MESSAGE_QUERY_AWARENESS) return this.sendAwareness('{}');
    if (type === MESSAGE_AUTH && this.hocuspocus) {
      const authType = decoding.readVarUint(decoder);
      if (authType === HP_AUTH_TOKEN) this.sendToken();
      else if (authType === HP_AUTH_DENIED) this.failure ??= `permission denied: ${decoding.readVarString(decoder)}`;
      return;
    }
    if (type === HP_CLOSE && this.hocuspocus) {
      this.failure ??= `server closed the document: ${decoding.readVarString(decoder)}`;
      return;
    }
    // Presence of others, y-websocket auth, Hocuspocus sync status and stateless messages: nothing to do.
  }

  private sendToken(): void {
    this.send(this.frame(MESSAGE_AUTH, (e) => (encoding.writeVarUint(e, HP_AUTH_TOKEN), encoding.writeVarString(e, ''))));
  }

  /** Own presence, as encodeAwarenessUpdate(awareness, [clientID]) writes it: one entry, state as JSON. */
  private sendAwareness(stateJson: string): void {
    this.awarenessSentAt = performance.now();
    const entry = encoding.createEncoder();
    encoding.writeVarUint(entry, 1);
    encoding.writeVarUint(entry, this.doc.clientID);
    encoding.writeVarUint(entry, this.awarenessClock);
    encoding.writeVarString(entry, stateJson);
    const update = encoding.toUint8Array(entry);
    this.send(this.frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update)));
  }

  /** One message in this server's framing: Hocuspocus puts the document name before every message. */
  private frame(type: number, body: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    if (this.hocuspocus) encoding.writeVarString(e, this.target.room);
    encoding.writeVarUint(e, type);
    body(e);
    return encoding.toUint8Array(e);
  }

  private send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }
}
