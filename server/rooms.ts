import type { DocStore } from './storage/DocStore';
import { Room, type RoomPeer } from './room';
import { parseDocName, privateRoomOf } from '../shared/model/roomName';
import { log } from './log';

export interface RoomsOptions {
  compactAfterUpdates: number;
  roomIdleSeconds: number;
  testLoadDelayMs: number;
}

/**
 * Every document in memory, by name. A document is loaded when the first socket or API call needs it and
 * unloaded, after everything is stored, when nobody has used it for `roomIdleSeconds`.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  /** Documents being unloaded; a newcomer waits for the unload to finish before loading it again. */
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly store: DocStore, private readonly options: RoomsOptions) {}

  private async open(name: string): Promise<Room> {
    for (let c = this.closing.get(name); c; c = this.closing.get(name)) await c;
    this.cancelIdle(name);
    let room = this.rooms.get(name);
    if (!room) {
      const parsed = parseDocName(name);
      if (!parsed) throw new Error(`ROOM_NAME_INVALID: ${name}`);
      const created = new Room(name, this.store, {
        compactAfterUpdates: this.options.compactAfterUpdates,
        isMapDoc: !parsed.isPrivate,
        testLoadDelayMs: this.options.testLoadDelayMs,
      });
      room = created;
      this.rooms.set(name, created);
      created.ready.catch(() => {
        if (this.rooms.get(name) === created) this.rooms.delete(name);
      });
    }
    return room;
  }

  /** Adds a socket to a document; the socket waits for `room.ready` itself before it syncs. */
  async join(name: string, peer: RoomPeer): Promise<Room> {
    const room = await this.open(name);
    room.peers.add(peer);
    return room;
  }

  leave(room: Room, peer: RoomPeer): void {
    room.leave(peer);
    this.scheduleIdle(room);
  }

  /** Runs `work` on a loaded document, keeping it loaded meanwhile. */
  async withRoom<T>(name: string, work: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.open(name);
    room.leases++;
    try {
      await room.ready;
      return await work(room);
    } finally {
      room.leases--;
      this.scheduleIdle(room);
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

  /** Flushes and forgets one document; a later join loads it again from storage. */
  unload(room: Room): Promise<void> {
    if (this.rooms.get(room.name) !== room) return this.closing.get(room.name) ?? Promise.resolve();
    this.cancelIdle(room.name);
    this.rooms.delete(room.name);
    const done = room.close().finally(() => {
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

  /** Flushes and unloads everything (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => this.unload(r)));
    await Promise.all([...this.closing.values()]);
  }
}
