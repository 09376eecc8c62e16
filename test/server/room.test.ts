import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room, type RoomPeer } from '../../server/room';
import { MemoryDocStore } from '../../server/storage/MemoryDocStore';
import { createNode, initMeta, nodesMap } from '../../shared/model/mapDoc';
import { schemaVersionOf } from '../../shared/model/migrate';
import { SCHEMA_VERSION } from '../../shared/model/schema';

/** A store whose appends wait until the test releases them, to observe what happens before storage answers. */
class GatedStore extends MemoryDocStore {
  appends: Uint8Array[][] = [];
  private gates: (() => void)[] = [];
  override async append(name: string, updates: Uint8Array[]): Promise<void> {
    this.appends.push(updates);
    await new Promise<void>((r) => this.gates.push(r));
    await super.append(name, updates);
  }
  release(): void {
    for (const g of this.gates.splice(0)) g();
  }
}

function peer(): RoomPeer & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  return { role: 'edit', generation: 1, frames, send: (f) => frames.push(f), close: () => {} };
}

function updateOf(mutate: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => parts.push(u));
  mutate(doc);
  return Y.mergeUpdates(parts);
}

const options = { compactAfterUpdates: 500, maxDocBytes: 16 * 1024 * 1024, isMapDoc: true, testLoadDelayMs: 0 };

describe('a room', () => {
  it('relays an update only after storage has it, and batches updates that arrive meanwhile', async () => {
    const store = new GatedStore();
    const room = new Room('r1', store, options);
    await room.ready;
    const p = peer();
    room.peers.add(p);
    const first = room.submit(updateOf((d) => createNode(d, { id: 'n1' })), null);
    await new Promise((r) => setImmediate(r));
    const second = room.submit(updateOf((d) => createNode(d, { id: 'n2' })), null);
    const third = room.submit(updateOf((d) => createNode(d, { id: 'n3' })), null);
    await new Promise((r) => setImmediate(r));
    expect(p.frames).toEqual([]);
    expect(nodesMap(room.doc).size).toBe(0);
    store.release();
    await first;
    await new Promise((r) => setImmediate(r));
    store.release();
    await Promise.all([second, third]);
    expect(store.appends.map((a) => a.length)).toEqual([1, 2]);
    expect(p.frames.length).toBe(2);
    expect([...nodesMap(room.doc).keys()].sort()).toEqual(['n1', 'n2', 'n3']);
    await room.close();
  });

  it('loads everything stored and migrates an old document, storing the migration', async () => {
    const store = new MemoryDocStore();
    const old = updateOf((d) => {
      createNode(d, { id: 'a' });
      d.getMap('meta').set('title', 'oud');
    });
    await store.append('r2', [old]);
    const room = new Room('r2', store, options);
    await room.ready;
    expect(schemaVersionOf(room.doc)).toBe(SCHEMA_VERSION);
    const reloaded = new Y.Doc();
    for (const u of (await store.load('r2')).updates) Y.applyUpdate(reloaded, u);
    expect(schemaVersionOf(reloaded)).toBe(SCHEMA_VERSION);
    await room.close();
  });

  it('compacts the stored log into one state', async () => {
    const store = new MemoryDocStore();
    const room = new Room('r3', store, { ...options, compactAfterUpdates: 10 });
    await room.ready;
    await room.submit(updateOf((d) => initMeta(d, { title: 't' })), null);
    for (let i = 0; i < 25; i++) await room.submit(updateOf((d) => createNode(d, { id: `n${i}` })), null);
    expect(await store.pendingCount('r3')).toBeLessThan(10);
    await room.compactNow();
    const stored = await store.load('r3');
    expect(stored.updates.length).toBe(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.updates[0]);
    expect(nodesMap(copy).size).toBe(25);
    await room.close();
  });
});
