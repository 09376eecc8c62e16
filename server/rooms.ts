import * as Y from 'yjs';
import type { DocStore } from './storage/DocStore';
import { deletePrivateFields, orphanedPrivateEntries } from '../shared/model/privateDoc';
import { Room, type RoomPeer } from './room';
import { parseDocName, privateRoomOf } from '../shared/model/roomName';
import { log, logError } from './log';
import type { DocRelay } from './cluster/DocRelay';

export interface RoomsOptions {
  compactAfterUpdates: number;
  roomIdleSeconds: number;
  maxDocBytes: number;
  /** Documents in memory at once; past it the least recently used idle one is unloaded first. */
  maxLoadedRooms: number;
  testLoadDelayMs: number;
  /** Told when a map document changes and when its last socket leaves (automatic versions). */
  mapEvents?: { watch(room: Room): void; lastLeft(room: Room): void };
  /** The bus to the other instances, when there are any (REDIS_URL). */
  relay?: DocRelay;
}

/** Every loaded document is in use (sockets or API work) and none may be unloaded: the caller answers 503. */
export class RoomsFullError extends Error {
  readonly code = 'ROOMS_FULL';
  constructor(readonly limit: number) {
    super(`ROOMS_FULL: all ${limit} loaded documents are in use`);
  }
}

/**
 * Every document in memory, by name. A document is loaded when the first socket or API call needs it and
 * unloaded, after everything is stored, when nobody has used it for `roomIdleSeconds`, or earlier when
 * `maxLoadedRooms` is reached and another document must load (least recently used first).
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  /** Documents being unloaded; a newcomer waits for the unload to finish before loading it again. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(readonly store: DocStore, private readonly options: RoomsOptions) {}

  /** Documents currently in memory. */
  get loadedCount(): number {
    return this.rooms.size;
  }

  private async open(name: string): Promise<Room> {
    const parsed = parseDocName(name);
    if (!parsed) throw new Error(`ROOM_NAME_INVALID: ${name}`);
    // Every check and the creation run in one synchronous stretch after each await, so two newcomers can never
    // both take the last free place.
    for (;;) {
      const closing = this.closing.get(name);
      if (closing) {
        await closing;
        continue;
      }
      const loaded = this.rooms.get(name);
      if (loaded) {
        this.cancelIdle(name);
        loaded.lastUsed = Date.now();
        return loaded;
      }
      if (this.rooms.size < this.options.maxLoadedRooms) break;
      await this.evictOne();
    }
    const created = new Room(name, this.store, {
      compactAfterUpdates: this.options.compactAfterUpdates,
      maxDocBytes: this.options.maxDocBytes,
      isMapDoc: !parsed.isPrivate,
      testLoadDelayMs: this.options.testLoadDelayMs,
      beforeCompact: parsed.isPrivate ? (doc) => this.purgeDeletedCards(parsed.room, doc) : undefined,
      relay: this.options.relay,
    });
    this.rooms.set(name, created);
    if (!parsed.isPrivate && this.options.mapEvents) {
      const events = this.options.mapEvents;
      created.ready.then(() => events.watch(created), () => {});
    }
    created.ready.catch(() => {
      if (this.rooms.get(name) === created) this.rooms.delete(name);
    });
    return created;
  }

  /**
   * The change that removes contact details of cards deleted from the map (AVG), for the private document's
   * compaction: whichever path deleted the card, nothing of its person outlives the next compaction. The map is
   * read where it is loaded, or else from storage without loading it as a room.
   */
  private async purgeDeletedCards(mapRoom: string, priv: Y.Doc): Promise<((doc: Y.Doc) => void) | null> {
    const loaded = this.rooms.get(mapRoom);
    let map: Y.Doc;
    let scratch: Y.Doc | null = null;
    if (loaded) {
      await loaded.ready;
      map = loaded.doc;
    } else {
      scratch = map = new Y.Doc();
      const stored = await this.store.load(mapRoom);
      for (const u of stored.updates) {
        try {
          Y.applyUpdate(scratch, u);
        } catch {
          // An unreadable record is reported when the map itself loads; what could be read still counts.
        }
      }
    }
    const orphans = orphanedPrivateEntries(map, priv);
    scratch?.destroy();
    if (orphans.length === 0) return null;
    log('PRIVATE_ORPHANS_PURGED', { doc: privateRoomOf(mapRoom), entries: orphans.length });
    return (doc) => deletePrivateFields(doc, orphans);
  }

  /**
   * Unloads the least recently used idle document to make space. It is flushed and compacted before it goes
   * (Room.close), so unloading never loses an edit. Throws RoomsFullError when every loaded document is in use.
   */
  private evictOne(): Promise<void> {
    let victim: Room | undefined;
    for (const r of this.rooms.values()) {
      if (r.peers.size > 0 || r.leases > 0) continue;
      if (victim === undefined || r.lastUsed < victim.lastUsed) victim = r;
    }
    if (victim === undefined) {
      logError('ROOMS_FULL', { loaded: this.rooms.size, limit: this.options.maxLoadedRooms });
      return Promise.reject(new RoomsFullError(this.options.maxLoadedRooms));
    }
    log('ROOM_EVICTED', { doc: victim.name, loaded: this.rooms.size, limit: this.options.maxLoadedRooms });
    return this.unload(victim);
  }

  /**
   * Loads a document (or finds it loaded) and holds it with a lease, so it cannot be unloaded before the
   * caller adds its socket. Used by the upgrade, which must know there is room before the socket opens.
   */
  async acquire(name: string): Promise<Room> {
    const room = await this.open(name);
    room.leases++;
    return room;
  }

  /** Gives back a lease from `acquire` or `withRoom`. */
  release(room: Room): void {
    room.leases--;
    room.lastUsed = Date.now();
    this.scheduleIdle(room);
  }

  /** Adds a socket to a document loaded by `acquire`; the socket waits for `room.ready` itself before it syncs. */
  attach(room: Room, peer: RoomPeer): void {
    room.peers.add(peer);
    room.lastUsed = Date.now();
  }

  /** Adds a socket to a document, loading it when needed. */
  async join(name: string, peer: RoomPeer): Promise<Room> {
    const room = await this.open(name);
    this.attach(room, peer);
    return room;
  }

  leave(room: Room, peer: RoomPeer): void {
    room.leave(peer);
    room.lastUsed = Date.now();
    // Says when a document may be unloaded from now on (after ROOM_IDLE_SECONDS, or earlier to make space).
    if (room.peers.size === 0 && this.rooms.get(room.name) === room) {
      log('ROOM_IDLE', { doc: room.name, loaded: this.rooms.size });
      if (parseDocName(room.name)?.isPrivate === false) this.options.mapEvents?.lastLeft(room);
    }
    this.scheduleIdle(room);
  }

  /** Runs `work` on a loaded document, keeping it loaded meanwhile. */
  async withRoom<T>(name: string, work: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(name);
    try {
      await room.ready;
      return await work(room);
    } finally {
      this.release(room);
    }
  }

  /** The loaded documents of one map (its map document and its private one). */
  loadedOf(mapRoom: string): Room[] {
    return [this.rooms.get(mapRoom), this.rooms.get(privateRoomOf(mapRoom))].filter((r): r is Room => r !== undefined);
  }

  /** Closes the sockets of a map's documents that match `which`. */
  closePeers(mapRoom: string, which: (peer: RoomPeer) => boolean, code: number, reason: string): number {
    let n = 0;
    for (const room of this.loadedOf(mapRoom)) {
      for (const peer of [...room.peers]) {
        if (!which(peer)) continue;
        peer.close(code, reason);
        n++;
      }
    }
    return n;
  }

  private cancelIdle(name: string): void {
    const t = this.idleTimers.get(name);
    if (t) clearTimeout(t);
    this.idleTimers.delete(name);
  }

  private scheduleIdle(room: Room): void {
    if (room.peers.size > 0 || room.leases > 0 || this.rooms.get(room.name) !== room) return;
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.peers.size > 0 || room.leases > 0) return;
      void this.unload(room);
    }, this.options.roomIdleSeconds * 1000);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  /** Flushes and forgets one document; a later join loads it again from storage. `discard`: see Room.close. */
  unload(room: Room, options: { discard?: boolean } = {}): Promise<void> {
    if (this.rooms.get(room.name) !== room) return this.closing.get(room.name) ?? Promise.resolve();
    this.cancelIdle(room.name);
    this.rooms.delete(room.name);
    const done = room.close(options).finally(() => {
      if (this.closing.get(room.name) === done) this.closing.delete(room.name);
    });
    this.closing.set(room.name, done);
    log('ROOM_UNLOADED', { doc: room.name });
    return done;
  }

  /** Unloads a map's documents right away (after closing their sockets), e.g. before deleting them. */
  async unloadMap(mapRoom: string): Promise<void> {
    await Promise.all(this.loadedOf(mapRoom).map((r) => this.unload(r)));
    await Promise.all([this.closing.get(mapRoom), this.closing.get(privateRoomOf(mapRoom))]);
  }

  /** Another instance deleted the map: its sockets here close and its documents go without another write. */
  async discardMap(mapRoom: string, code: number, reason: string): Promise<void> {
    this.closePeers(mapRoom, () => true, code, reason);
    await Promise.all(this.loadedOf(mapRoom).map((r) => this.unload(r, { discard: true })));
  }

  /**
   * The bus to the other instances is lost: every socket closes (its client keeps its changes and reconnects,
   * and is admitted once the bus is back), and every document is unloaded, since what it holds may now trail
   * what other instances stored.
   */
  async dropAll(code: number, reason: string): Promise<void> {
    for (const room of this.rooms.values()) for (const peer of [...room.peers]) peer.close(code, reason);
    await this.closeAll();
  }

  /** Flushes and unloads everything (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => this.unload(r)));
    await Promise.all([...this.closing.values()]);
  }
}
