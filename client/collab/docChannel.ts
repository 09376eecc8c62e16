import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from '../../shared/protocol/messages';
import { tokenProtocols } from '../../shared/protocol/socketToken';
import { AckTracker, type DeleteIndex, type DeleteRange, type StateVector } from './ackTracker';

/**
 * `waiting`: the server closed the socket because it cannot store or pass on changes right now (its storage or the
 * bus to its other instances is away); reconnecting goes on, and local changes wait on this device.
 */
export type ConnectionState = 'connected' | 'connecting' | 'waiting' | 'offline' | 'denied';

export interface ChannelStatus {
  connection: ConnectionState;
  /** Local changes the server has not confirmed (see ackTracker.ts). */
  unsent: number;
  /** The server's state has been received at least once on the current socket. */
  synced: boolean;
  /** With 'denied': the server's close code (4401 link revoked, 4404 map deleted, 4413 map too large). */
  closeCode?: number;
}

const PROBE_DELAY_MS = 300;

/** On waking, a socket that heard nothing for this long is taken for dead (the server's presence echo comes every 15 s). */
const WAKE_STALE_MS = 20_000;
/** A probe whose answer has not come within this time is given up and asked again. */
const PROBE_REPEAT_MS = 2000;
const PERSIST_DELAY_MS = 200;
/** How long the connection waits for this browser's copy to load before connecting anyway (a stuck IndexedDB). */
const LOCAL_LOAD_WAIT_MS = 500;
/** On a first visit, IndexedDB opens this long after the server's map arrived (or after connecting, at the latest). */
const FIRST_VISIT_STORE_DELAY_MS = 1000;
const FIRST_VISIT_STORE_WAIT_MS = 5000;

/** Set in localStorage once this browser keeps a copy of the document in IndexedDB. */
export function localCopyKey(docName: string): string {
  return `mantelkaart:copy:${docName}`;
}

function hasLocalCopy(docName: string): boolean {
  try {
    return localStorage.getItem(localCopyKey(docName)) !== null;
  } catch {
    return true;
  }
}

function stateVector(doc: Y.Doc): StateVector {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/**
 * One Y.Doc kept in three places: memory, IndexedDB (survives reloads and offline work) and the server
 * (through a stock y-websocket provider). Tracks the connection state and the changes not yet confirmed.
 */
export class DocChannel {
  readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  /** Resolves when IndexedDB's copy is loaded (or at once when none is kept). */
  readonly whenLocalLoaded: Promise<void>;

  private readonly tracker: AckTracker;
  private readonly storageKey: string;
  private status: ChannelStatus;
  private denied = false;
  private closeCode: number | undefined;
  /** The last close said the server cannot take changes now (1011, 1013); cleared by the next sync. */
  private serverTrouble = false;
  private readonly listeners = new Set<() => void>();
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private probeOutstanding = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;
  /** Keep a copy in IndexedDB (opts.persist, where the browser has IndexedDB). */
  private readonly keepCopy: boolean;
  private localLoaded: () => void = () => {};

  constructor(
    readonly doc: Y.Doc,
    readonly docName: string,
    token: string,
    wsBase: string,
    opts: { persist: boolean },
  ) {
    this.storageKey = `mantelkaart:unsent:${docName}`;
    this.tracker = AckTracker.restore(readJson(this.storageKey));
    this.keepCopy = opts.persist && typeof indexedDB !== 'undefined';
    this.whenLocalLoaded = this.keepCopy ? new Promise<void>((resolve) => (this.localLoaded = resolve)) : Promise.resolve();

    // No BroadcastChannel: two tabs of one browser (say a viewer and an editor) must each go through the
    // server, which is what decides what a link may do.
    // The token goes in the subprotocol header, not the URL: reverse proxies log URLs (shared/protocol/socketToken.ts).
    this.provider = new WebsocketProvider(wsBase, docName, doc, { protocols: tokenProtocols(token), disableBc: true, connect: false });
    this.interceptSync();

    const onAfterTransaction = (tr: Y.Transaction) => {
      if (!tr.local) return;
      // A change made here must survive a closed tab: keep the copy from now on.
      this.openStore();
      const id = doc.clientID;
      const inserts = (tr.afterState.get(id) ?? 0) !== (tr.beforeState.get(id) ?? 0);
      const deletes: DeleteRange[] = [];
      tr.deleteSet.clients.forEach((items, client) => {
        for (const it of items) deletes.push([client, it.clock, it.len]);
      });
      if (!inserts && deletes.length === 0) return;
      this.tracker.recordLocal({ client: id, clock: tr.afterState.get(id) ?? 0, inserts, deletes }, Date.now());
      this.changed();
    };
    doc.on('afterTransaction', onAfterTransaction);
    this.cleanups.push(() => doc.off('afterTransaction', onAfterTransaction));

    const onStatus = () => this.changed();
    const onClose = (event: { code: number } | null) => {
      this.probeOutstanding = false;
      if (event && (event.code === 1011 || event.code === 1013)) this.serverTrouble = true;
      this.changed();
    };
    const onClosed = (event: { code: number }) => {
      // The server closed with a 44xx code: y-websocket stops reconnecting (revoked, map deleted, map too large).
      this.denied = true;
      this.closeCode = event.code;
      this.changed();
    };
    const onSync = (synced: boolean) => {
      if (synced) this.serverTrouble = false;
      this.changed();
    };
    this.provider.on('status', onStatus);
    this.provider.on('connection-close', onClose);
    this.provider.on('closed', onClosed);
    this.provider.on('sync', onSync);
    const onNet = () => this.changed();
    window.addEventListener('online', onNet);
    window.addEventListener('offline', onNet);
    const flush = () => this.persistNow();
    window.addEventListener('pagehide', flush);
    // A phone that wakes (or a network that returns) may hold a socket that died while it slept; y-websocket would
    // notice within 30 s and then wait out its back-off. Reconnecting at once shows the current map right away, and
    // the status says "connecting" meanwhile instead of a stale "connected".
    const onWake = () => {
      if (this.destroyed || this.denied || !this.provider.shouldConnect || document.visibilityState !== 'visible') return;
      // A handshake under way is already the reconnect (a tab that becomes visible while its socket is opening).
      if (this.provider.ws?.readyState === WebSocket.CONNECTING) return;
      const silentMs = Date.now() - this.provider.wsLastMessageReceived;
      if (this.provider.wsconnected && silentMs < WAKE_STALE_MS) return;
      this.provider.disconnect();
      this.provider.connect();
    };
    // pageshow also fires on the first load, while the socket is opening; only a page back from the back/forward
    // cache (persisted) has a socket that may have died.
    const onPageShow = (e: PageTransitionEvent) => e.persisted && onWake();
    document.addEventListener('visibilitychange', onWake);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('online', onWake);
    this.cleanups.push(() => {
      window.removeEventListener('online', onNet);
      window.removeEventListener('offline', onNet);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onWake);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('online', onWake);
    });

    this.status = this.computeStatus();
    this.start();
  }

  /** Opens this browser's copy of the document in IndexedDB (once; not at all without keepCopy). */
  private openStore(): void {
    if (!this.keepCopy || this.persistence || this.destroyed) return;
    const persistence = new IndexeddbPersistence(`mantelkaart:${this.docName}`, this.doc);
    this.persistence = persistence;
    void persistence.whenSynced.then(() => {
      try {
        localStorage.setItem(localCopyKey(this.docName), '1');
      } catch {
        // Storage refused: the next visit waits for IndexedDB as if there were a copy.
      }
      this.tracker.forgetMissing(stateVector(this.doc));
      this.changed();
      this.localLoaded();
    });
  }

  /** Connects, and opens the local copy before or after that depending on whether this browser has one. */
  private start(): void {
    let connected = false;
    const connect = () => {
      if (connected || this.destroyed) return;
      connected = true;
      this.provider.connect();
    };
    if (!this.keepCopy) {
      connect();
      return;
    }
    if (hasLocalCopy(this.docName)) {
      // Connect once this browser's copy is loaded (or after LOCAL_LOAD_WAIT_MS): when y-indexeddb opens it
      // encodes the whole doc into its store, and if the server's state had already arrived that was the full
      // map (about 1 s for 2,000 nodes here) between receiving the map and drawing it. Loaded first, it encodes
      // only what is local, and a returning visitor sees their copy while the server's changes come in.
      this.openStore();
      const wait = setTimeout(connect, LOCAL_LOAD_WAIT_MS);
      this.cleanups.push(() => clearTimeout(wait));
      void this.whenLocalLoaded.then(connect, connect);
      return;
    }
    // A first visit has no copy to show: waiting for IndexedDB (half a second on a slow phone) would only delay the
    // map. Connect at once and start the copy after the map has been drawn (or sooner if a change is made here).
    connect();
    const timers: ReturnType<typeof setTimeout>[] = [setTimeout(() => this.openStore(), FIRST_VISIT_STORE_WAIT_MS)];
    const onFirstSync = (synced: boolean) => {
      if (!synced) return;
      this.provider.off('sync', onFirstSync);
      timers.push(setTimeout(() => this.openStore(), FIRST_VISIT_STORE_DELAY_MS));
    };
    this.provider.on('sync', onFirstSync);
    this.cleanups.push(() => {
      for (const t of timers) clearTimeout(t);
      this.provider.off('sync', onFirstSync);
    });
  }

  private socketOpen(): boolean {
    const ws = this.provider.ws;
    return this.provider.wsconnected && ws !== null && ws.readyState === 1;
  }

  /** Reads the server's sync messages as evidence of what it stored, then lets the provider handle them as usual. */
  private interceptSync(): void {
    const handlers = this.provider.messageHandlers;
    const original = handlers[MESSAGE_SYNC];
    handlers[MESSAGE_SYNC] = (encoder, decoder, provider, fromSocket, messageType) => {
      let evidence: { clocks?: StateVector; deletes?: DeleteIndex } | null = null;
      let step = -1;
      if (fromSocket) {
        try {
          const peek = decoding.clone(decoder);
          step = decoding.readVarUint(peek);
          if (step === SYNC_STEP1) evidence = { clocks: Y.decodeStateVector(decoding.readVarUint8Array(peek)) };
          else if (step === SYNC_STEP2 && this.tracker.unsentCount() > 0) evidence = readEvidence(decoding.readVarUint8Array(peek));
        } catch {
          evidence = null;
        }
      }
      original(encoder, decoder, provider, fromSocket, messageType);
      if (step === SYNC_STEP2 && this.probeOutstanding) {
        this.probeOutstanding = false;
        if (this.probeTimer !== null) clearTimeout(this.probeTimer);
        this.probeTimer = null;
      }
      if (evidence) this.tracker.learn(evidence);
      if (step === SYNC_STEP1 || step === SYNC_STEP2) this.changed();
    };
  }

  private sendProbe(): void {
    this.probeTimer = null;
    if (!this.socketOpen() || this.tracker.unsentCount() === 0 || this.probeOutstanding) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.tracker.probeVector(stateVector(this.doc))));
    this.provider.ws?.send(encoding.toUint8Array(encoder));
    this.probeOutstanding = true;
    // Normally the answer schedules the next probe; this covers an answer that never comes.
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.probeOutstanding = false;
      this.changed();
    }, PROBE_REPEAT_MS);
  }

  private computeStatus(): ChannelStatus {
    const online = typeof navigator === 'undefined' || navigator.onLine !== false;
    const connection: ConnectionState = this.denied
      ? 'denied'
      : !online
        ? 'offline'
        : this.provider.synced
          ? 'connected'
          : this.serverTrouble
            ? 'waiting'
            : 'connecting';
    return { connection, unsent: this.tracker.unsentCount(), synced: this.provider.synced, closeCode: this.denied ? this.closeCode : undefined };
  }

  private changed(): void {
    if (this.tracker.unsentCount() > 0 && this.probeTimer === null && this.socketOpen()) this.probeTimer = setTimeout(() => this.sendProbe(), PROBE_DELAY_MS);
    if (this.persistTimer === null) this.persistTimer = setTimeout(() => this.persistNow(), PERSIST_DELAY_MS);
    const next = this.computeStatus();
    const prev = this.status;
    if (next.connection === prev.connection && next.unsent === prev.unsent && next.synced === prev.synced) return;
    this.status = next;
    for (const l of this.listeners) l();
  }

  private persistNow(): void {
    if (this.persistTimer !== null) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    try {
      if (this.tracker.unsentCount() === 0) localStorage.removeItem(this.storageKey);
      else localStorage.setItem(this.storageKey, JSON.stringify(this.tracker));
    } catch {
      // Storage refused: the count then only covers this visit; the edits themselves are in IndexedDB.
    }
  }

  getStatus(): ChannelStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    this.persistNow();
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    for (const c of this.cleanups) c();
    this.provider.destroy();
    void this.persistence?.destroy();
    this.listeners.clear();
  }
}

/** What a sync step 2 from the server proves: per client, the clock its items reach, and its whole delete set. */
function readEvidence(update: Uint8Array): { clocks: StateVector; deletes: DeleteIndex } {
  const { to } = Y.parseUpdateMeta(update);
  const { ds } = Y.decodeUpdate(update);
  return { clocks: to, deletes: ds.clients };
}

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
