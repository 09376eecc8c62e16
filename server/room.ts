import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { DocStore } from './storage/DocStore';
import type { Role } from '../shared/protocol/roles';
import { encodeAwarenessFrame, encodeSyncUpdate } from '../shared/protocol/frame';
import { migrateMapDoc } from '../shared/model/migrate';
import { errorText, log, logError } from './log';
import { RelayUnavailableError, type DocRelay } from './cluster/DocRelay';
import { Replica } from './cluster/Replica';
import { StoreError } from './storage/StoreError';

/** A socket as a room sees it: something to send frames to and, when it must go, to close. */
export interface RoomPeer {
  readonly role: Role;
  readonly generation: number;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  compactAfterUpdates: number;
  /** Largest stored size of this document; client updates that would pass it are refused. */
  maxDocBytes: number;
  /** Whether this is a map document (migrated on load) rather than a `.private` one. */
  isMapDoc: boolean;
  testLoadDelayMs: number;
  /**
   * Runs before each compaction; the change it returns is stored and applied first (through the same path as
   * any update), so the compacted state no longer holds what it removed. The private document uses it to purge
   * contact details of deleted cards.
   */
  beforeCompact?: (doc: Y.Doc) => Promise<((doc: Y.Doc) => void) | null>;
  /**
   * The bus to other instances (REDIS_URL). With it, updates are stored and published, and applied when they
   * come back from the document's stream, in sequence order, like everyone else's.
   */
  relay?: DocRelay;
}


interface Pending {
  update: Uint8Array;
  origin: RoomPeer | null;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Close code when the bus to the other instances is lost (1013 "try again later"): clients keep their changes and
 * reconnect, and are admitted again once every instance can relay.
 */
export const CLOSE_RELAY_UNAVAILABLE = 1013;

/** Close code for a socket whose update would make the document larger than MAX_DOC_BYTES (44xx: no reconnect). */
export const CLOSE_DOC_TOO_LARGE = 4413;

/** Why an update was not stored; the room logs it and closes the sending socket. */
export class DocTooLargeError extends Error {
  readonly code = 'ROOM_DOC_TOO_LARGE';
  constructor(readonly doc: string, readonly bytes: number, readonly limit: number) {
    super(`ROOM_DOC_TOO_LARGE: ${doc} would hold ${bytes} bytes, more than ${limit}`);
  }
}

/** What a compaction writes: the state at one moment and the last stored sequence number it covers. */
interface CompactionPoint {
  state: Uint8Array;
  upToSeq: number;
  /** uncompacted and storedBytes at that moment, to count what was appended while the compaction was written. */
  updates: number;
  bytes: number;
}

/** Transaction origin of updates the room applies after they are stored; `from` is the one socket they all came from. */
class Stored {
  constructor(readonly from: RoomPeer | null) {}
}
const STORED = new Stored(null);

/** Runs `mutate` on `doc` and returns what it changed as one update, or null when nothing changed. */
export function captureUpdate(doc: Y.Doc, mutate: (doc: Y.Doc) => void): Uint8Array | null {
  const parts: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => parts.push(u);
  doc.on('update', onUpdate);
  try {
    mutate(doc);
  } finally {
    doc.off('update', onUpdate);
  }
  return parts.length === 0 ? null : parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}

/**
 * One document (`<room>` or `<room>.private`) in memory: its Y.Doc, its awareness and its sockets.
 *
 * Two guarantees live here. Nobody is synced before the stored state is fully loaded (`ready`). And an update
 * reaches the Y.Doc, and so anyone else, only after storage has durably appended it: updates go through one
 * serial queue per document, and while one append is in flight the next updates gather into one batch.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  /** Awareness client ids and the socket that controls each, so nobody speaks for someone else's presence. */
  readonly awarenessOwners = new Map<number, RoomPeer>();
  readonly ready: Promise<void>;
  /** Leases keep an idle room loaded while the API works on it. */
  leases = 0;

  private queue: Pending[] = [];
  private pumping: Promise<void> | null = null;
  private compactWaiters: { resolve(): void; reject(err: unknown): void }[] = [];
  /** The compaction being written, while the room goes on storing and relaying updates. */
  private compacting: Promise<void> | null = null;
  private uncompacted = 0;
  /** Bytes storage holds for this document (compacted state plus the updates after it). */
  private storedBytes = 0;
  private closed = false;
  /** When a socket or the API last used this room, for least-recently-used unloading. */
  lastUsed = Date.now();
  /** The bus to the other instances, with REDIS_URL. */
  private readonly replica: Replica<RoomPeer> | null;
  /** With a relay: batches stored and published, on their way back from the stream. */
  private readonly applying = new Set<Promise<void>>();

  constructor(readonly name: string, private readonly store: DocStore, private readonly options: RoomOptions) {
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.replica = options.relay
      ? new Replica<RoomPeer>({ name, awareness: this.awareness, awarenessOwners: this.awarenessOwners, applyStored: (updates, origins) => this.applyStored(updates, origins) })
      : null;
    // Not back to the socket the update came from: that client has it already and would only apply it again.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcast(encodeSyncUpdate(update), origin instanceof Stored ? origin.from : null));
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const update = encodeAwarenessUpdate(this.awareness, changed);
      // Sent back to the sender too: y-websocket clients treat a long silence as a dead connection.
      this.broadcast(encodeAwarenessFrame(update));
      this.replica?.presenceChanged(update, removed, origin);
    });
    this.ready = this.load();
    // Callers await `ready`; this only keeps a failed load from counting as an unhandled rejection.
    this.ready.catch(() => {});
  }

  private async load(): Promise<void> {
    if (this.options.testLoadDelayMs > 0) await new Promise((r) => setTimeout(r, this.options.testLoadDelayMs));
    // On the stream before the load: nothing committed after the load's snapshot can pass unseen.
    if (this.replica && this.options.relay) await this.replica.join(this.options.relay);
    const stored = await this.store.load(this.name);
    for (const s of stored.skipped) logError('STORE_RECORD_SKIPPED', { doc: this.name, key: s.key, reason: s.reason });
    this.doc.transact(() => {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (err) {
          logError('STORE_UPDATE_UNREADABLE', { doc: this.name, error: errorText(err) });
        }
      }
    }, STORED);
    this.uncompacted = stored.updates.length;
    this.storedBytes = stored.updates.reduce((n, u) => n + u.length, 0);
    this.replica?.start(stored.lastSeq);
    if (this.options.isMapDoc) {
      let result: ReturnType<typeof migrateMapDoc> | undefined;
      const update = captureUpdate(this.doc, (doc) => {
        result = migrateMapDoc(doc);
      });
      // Stored before anyone is synced, so every client sees the migrated document or nothing.
      // Already in this document: applying it again once stored changes nothing, but counts it as stored.
      if (update) await (await this.persist([update], [null]))?.applied;
      if (result?.status === 'migrated') log('ROOM_MIGRATED', { doc: this.name, from: result.from, to: result.to });
      if (result?.status === 'newer') logError('ROOM_SCHEMA_NEWER', { doc: this.name, version: result.version });
    }
  }

  /** Sends one encoded frame to every socket but `except`: encoded once, the same buffer for all. */
  broadcast(frame: Uint8Array, except: RoomPeer | null = null): void {
    for (const peer of this.peers) if (peer !== except) peer.send(frame);
  }

  /**
   * Stores an update and then applies and relays it. Resolves once it is stored and applied; rejects when
   * storage failed, in which case the sending socket is closed so its client re-sends on reconnect.
   */
  submit(update: Uint8Array, origin: RoomPeer | null): Promise<void> {
    if (this.closed) return Promise.reject(new Error('ROOM_CLOSED'));
    return new Promise((resolve, reject) => {
      this.queue.push({ update, origin, resolve, reject });
      this.kick();
    });
  }

  /** Applies a server-side change (API) through the same store-then-relay path as a client's update. */
  async change(mutate: (doc: Y.Doc) => void): Promise<void> {
    await this.ready;
    const update = this.updateFor(mutate);
    if (update) await this.submit(update, null);
  }

  /** What `mutate` would change, as an update, worked out on a copy: the room's document changes only once stored. */
  private updateFor(mutate: (doc: Y.Doc) => void): Uint8Array | null {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
    const update = captureUpdate(scratch, mutate);
    scratch.destroy();
    return update;
  }

  /** The beforeCompact change, stored and applied; a failure is logged and the compaction goes on without it. */
  private async prepareCompaction(): Promise<void> {
    if (!this.options.beforeCompact) return;
    try {
      const mutate = await this.options.beforeCompact(this.doc);
      const update = mutate ? this.updateFor(mutate) : null;
      if (!update) return;
      await new Promise<void>((resolve, reject) => this.writeBatch([{ update, origin: null, resolve, reject }]).catch(reject));
    } catch (err) {
      logError('ROOM_PREPARE_COMPACTION_FAILED', { doc: this.name, error: errorText(err) });
    }
  }

  /** Compacts the stored log into the current state now (after the updates queued so far). */
  compactNow(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.compactWaiters.push({ resolve, reject });
      this.kick();
    });
  }

  /** Resolves once every queued update is stored and applied. */
  async flush(): Promise<void> {
    while (this.pumping || this.applying.size > 0) {
      await this.pumping;
      await Promise.allSettled([...this.applying]);
    }
  }

  private kick(): void {
    if (this.pumping) return;
    // Started after the sockets that are ready now have been read (setImmediate runs after this poll phase), so
    // updates that arrived together are stored with one write and relayed as one frame per socket.
    this.pumping = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pump())
      .finally(() => {
        this.pumping = null;
        // Anything queued during the last await of the loop is picked up here.
        if (this.hasWork()) this.kick();
      });
  }

  private async pump(): Promise<void> {
    try {
      await this.ready;
    } catch (err) {
      for (const p of this.queue.splice(0)) p.reject(err);
      for (const w of this.compactWaiters.splice(0)) w.reject(err);
      return;
    }
    while (this.hasWork()) {
      if (this.queue.length > 0) await this.writeBatch(this.queue.splice(0));
      if (this.compacting === null && (this.compactWaiters.length > 0 || this.uncompacted >= this.options.compactAfterUpdates)) {
        const waiters = this.compactWaiters.splice(0);
        await this.prepareCompaction();
        // Taken here, between batches, where the document holds exactly what storage holds. Written in the
        // background: updates arriving meanwhile are stored and relayed without waiting for it.
        const point = await this.compactionPoint();
        this.compacting = this.writeCompaction(point).then(
          () => {
            for (const w of waiters) w.resolve();
          },
          (err: unknown) => {
            logError('STORE_COMPACT_FAILED', { doc: this.name, error: errorText(err) });
            for (const w of waiters) w.reject(err);
          },
        );
        void this.compacting.finally(() => {
          this.compacting = null;
          if (this.hasWork()) this.kick();
        });
      }
    }
  }

  private hasWork(): boolean {
    return this.queue.length > 0 || (this.compactWaiters.length > 0 && this.compacting === null);
  }

  /** Stored size in bytes, as the MAX_DOC_BYTES limit counts it. */
  get size(): number {
    return this.storedBytes;
  }

  /**
   * Splits a batch into what fits under MAX_DOC_BYTES and what does not. Server-side changes (the API: rename,
   * deleting a person) always fit: removing someone's data must work even in a full map. Before refusing anything,
   * the log is compacted once, since many small updates usually merge into a much smaller state.
   */
  private async fitting(batch: Pending[]): Promise<{ accepted: Pending[]; refused: Pending[] }> {
    const limit = this.options.maxDocBytes;
    const incoming = batch.reduce((n, p) => n + (p.origin === null ? 0 : p.update.length), 0);
    if (this.storedBytes + incoming > limit && this.uncompacted > 1) {
      try {
        await this.compacting;
        await this.compactStored();
      } catch (err) {
        logError('STORE_COMPACT_FAILED', { doc: this.name, error: errorText(err) });
      }
    }
    const accepted: Pending[] = [];
    const refused: Pending[] = [];
    let size = this.storedBytes;
    for (const p of batch) {
      if (p.origin !== null && size + p.update.length > limit) {
        refused.push(p);
        continue;
      }
      accepted.push(p);
      size += p.update.length;
    }
    return { accepted, refused };
  }

  private async writeBatch(all: Pending[]): Promise<void> {
    const { accepted: batch, refused } = await this.fitting(all);
    for (const p of refused) {
      const err = new DocTooLargeError(this.name, this.storedBytes + p.update.length, this.options.maxDocBytes);
      logError('ROOM_DOC_TOO_LARGE', { doc: this.name, role: p.origin?.role, stored: this.storedBytes, update: p.update.length, limit: this.options.maxDocBytes });
      p.reject(err);
      // Not relayed, not stored, not applied: the room stays as it was, and the client learns why.
      p.origin?.close(CLOSE_DOC_TOO_LARGE, 'map too large');
    }
    if (batch.length === 0) return;
    try {
      const relayed = await this.persist(
        batch.map((p) => p.update),
        batch.map((p) => p.origin),
      );
      if (relayed) {
        // Stored and published: the next batch may go to the database while this one comes back from the stream.
        const done = relayed.applied.then(
          () => batch.forEach((p) => p.resolve()),
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        );
        this.applying.add(done);
        void done.finally(() => this.applying.delete(done));
        return;
      }
    } catch (err) {
      const relayLost = err instanceof RelayUnavailableError;
      logError(relayLost ? 'RELAY_PUBLISH_FAILED' : 'STORE_APPEND_FAILED', { doc: this.name, updates: batch.length, error: errorText(err) });
      for (const p of batch) {
        p.reject(err);
        // The client keeps what it sent and sends it again when it reconnects (storing it twice changes nothing).
        p.origin?.close(relayLost ? CLOSE_RELAY_UNAVAILABLE : 1011, relayLost ? 'relay unavailable' : 'storage failure');
      }
      return;
    }
    for (const p of batch) p.resolve();
  }

  /**
   * Stores updates, then applies and relays them. On one machine they are applied right after the append; with a
   * relay, they are published after the commit and applied when the stream brings them back (with any other
   * instance's updates numbered before them): then the returned promise says when.
   */
  private async persist(updates: Uint8Array[], origins: (RoomPeer | null)[]): Promise<{ applied: Promise<void> } | null> {
    if (this.replica) return this.replica.publish(updates, origins);
    await this.store.append(this.name, updates);
    this.applyStored(updates, origins);
    return null;
  }

  /** Applies stored updates as one transaction: one 'update' event, so one relayed frame however many it held. */
  private applyStored(updates: Uint8Array[], origins: (RoomPeer | null)[]): void {
    this.uncompacted += updates.length;
    for (const u of updates) this.storedBytes += u.length;
    const from = origins.every((o) => o === origins[0]) ? origins[0] : null;
    this.doc.transact(() => {
      updates.forEach((update, i) => {
        try {
          Y.applyUpdate(this.doc, update, STORED);
        } catch (err) {
          // Decodable, but not for this document's state (a crafted update): the sender goes; the next load or
          // compaction drops what could not be applied.
          logError('ROOM_UPDATE_APPLY_FAILED', { doc: this.name, role: origins[i]?.role, error: errorText(err) });
          origins[i]?.close(1007, 'update could not be applied');
        }
      });
    }, new Stored(from ?? null));
  }

  /** A socket here claiming this presence id only echoes another instance's client (see Replica.ownedElsewhere). */
  ownedElsewhere(clientID: number, clock: number): boolean {
    return this.replica?.ownedElsewhere(clientID, clock) ?? false;
  }

  /** Must run where no append is in flight (in the pump, or once it is flushed): the doc then equals storage. */
  private async compactionPoint(): Promise<CompactionPoint> {
    // With a relay, the document holds exactly what is applied from the stream, which may trail the database.
    const upToSeq = this.replica ? this.replica.seq : await this.store.lastSeq(this.name);
    return { state: Y.encodeStateAsUpdate(this.doc), upToSeq, updates: this.uncompacted, bytes: this.storedBytes };
  }

  private async writeCompaction(point: CompactionPoint): Promise<void> {
    // A stale compaction (another one got there first) throws; the next one starts from the newer state.
    try {
      await this.store.compact(this.name, point.state, point.upToSeq);
    } catch (err) {
      // With several instances on one document, another one compacted it (or is doing so): nothing to do here.
      if (!(this.replica && err instanceof StoreError && err.code === 'STORE_COMPACT_STALE')) throw err;
      this.uncompacted -= point.updates;
      log('STORE_COMPACT_SKIPPED', { doc: this.name, upToSeq: point.upToSeq, reason: err.message });
      return;
    }
    this.uncompacted -= point.updates;
    this.storedBytes = point.state.length + (this.storedBytes - point.bytes);
    log('STORE_COMPACTED', { doc: this.name, bytes: point.state.length, upToSeq: point.upToSeq });
  }

  /** Compacts now and waits for it; only where no append is in flight. */
  private async compactStored(): Promise<void> {
    await this.writeCompaction(await this.compactionPoint());
  }

  /** Removes a socket and the presence it controlled. */
  leave(peer: RoomPeer): void {
    this.peers.delete(peer);
    const ids: number[] = [];
    for (const [id, owner] of this.awarenessOwners) if (owner === peer) ids.push(id);
    for (const id of ids) this.awarenessOwners.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, peer);
  }

  /**
   * Stores everything queued, compacts when anything is uncompacted, and frees the document. `discard`: the
   * document was deleted (on another instance); nothing more is written, what is queued is refused.
   */
  async close(options: { discard?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (options.discard) for (const p of this.queue.splice(0)) p.reject(new Error('ROOM_DELETED'));
    try {
      await this.ready;
      if (options.discard) return;
      await this.flush();
      await this.compacting;
      if (this.uncompacted > 0) await this.prepareCompaction();
      if (this.uncompacted > 1) await this.compactStored();
    } catch (err) {
      logError('ROOM_CLOSE_FLUSH_FAILED', { doc: this.name, error: errorText(err) });
    } finally {
      await this.replica?.leave();
      this.awareness.destroy();
      this.doc.destroy();
    }
  }
}
