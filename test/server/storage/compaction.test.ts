import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { tempDir } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openTemp(label: string): Promise<{ dir: string; store: LevelDocStore }> {
  const { dir, remove } = tempDir(label);
  cleanups.push(remove);
  const store = await LevelDocStore.open(dir);
  cleanups.push(() => store.close());
  return { dir, store };
}

/** A map document edited in `count` small transactions; returns the doc and one update per transaction. */
function editedDoc(count: number, clientID = 1): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  for (let i = 0; i < count; i++) {
    doc.transact(() => {
      const id = `n${i % 200}`;
      let node = nodes.get(id);
      if (node === undefined) {
        node = new Y.Map<unknown>();
        nodes.set(id, node);
      }
      node.set('x', i);
      node.set('label', `kaart ${i}`);
    });
  }
  return { doc, updates };
}

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

async function appendAll(store: LevelDocStore, name: string, updates: Uint8Array[]): Promise<void> {
  await Promise.all(updates.map((update) => store.append(name, [update])));
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

it('compaction keeps the document exactly as it was', async () => {
  const { store } = await openTemp('compact-equal');
  const { doc, updates } = editedDoc(500);
  await appendAll(store, 'room', updates);

  const before = await store.load('room');
  expect(before.updates).toHaveLength(500);
  const state = Y.encodeStateAsUpdate(docFrom(before.updates));
  await store.compact('room', state, before.lastSeq);

  const after = await store.load('room');
  expect(after.updates).toHaveLength(1);
  expect(after.lastSeq).toBe(before.lastSeq);
  expect(await store.pendingCount('room')).toBe(0);
  const restored = docFrom(after.updates);
  expect(restored.getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
  expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc));
});

it('keeps appends that arrive while a compaction runs, and numbers continue after a reopen', async () => {
  const { dir, store } = await openTemp('compact-concurrent');
  const { doc, updates } = editedDoc(600);
  await appendAll(store, 'room', updates.slice(0, 400));

  const loaded = await store.load('room');
  const state = Y.encodeStateAsUpdate(docFrom(loaded.updates));
  // Appends queued before and after the compaction job, all without waiting in between.
  const during = [
    appendAll(store, 'room', updates.slice(400, 500)),
    store.compact('room', state, loaded.lastSeq),
    appendAll(store, 'room', updates.slice(500, 600)),
  ];
  await Promise.all(during);

  const after = await store.load('room');
  expect(after.updates).toHaveLength(1 + 200);
  expect(await store.pendingCount('room')).toBe(200);
  expect(docFrom(after.updates).getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());

  await store.close();
  const reopened = await LevelDocStore.open(dir);
  cleanups.push(() => reopened.close());
  expect(await reopened.pendingCount('room')).toBe(200);
  await reopened.append('room', [Y.encodeStateAsUpdate(new Y.Doc())]);
  expect((await reopened.load('room')).lastSeq).toBe(601);
});

it('refuses a compaction older than the stored state instead of losing updates', async () => {
  const { store } = await openTemp('compact-stale');
  const { updates } = editedDoc(30);
  await appendAll(store, 'room', updates.slice(0, 10));
  const early = await store.load('room');
  await appendAll(store, 'room', updates.slice(10, 30));
  const late = await store.load('room');
  await store.compact('room', Y.mergeUpdates(late.updates), late.lastSeq);
  await expect(store.compact('room', Y.mergeUpdates(early.updates), early.lastSeq)).rejects.toMatchObject({
    code: 'STORE_COMPACT_STALE',
  });
  expect(docFrom((await store.load('room')).updates).getMap('nodes').toJSON()).toEqual(docFrom(updates).getMap('nodes').toJSON());
});

it('shrinks the files on disk after 10,000 small updates are compacted', async () => {
  const { dir, store } = await openTemp('compact-size');
  const { doc, updates } = editedDoc(10_000);
  for (let i = 0; i < updates.length; i += 1000) await appendAll(store, 'room', updates.slice(i, i + 1000));
  await store.close();
  const before = dirBytes(dir);

  const reopened = await LevelDocStore.open(dir);
  const loaded = await reopened.load('room');
  expect(loaded.updates).toHaveLength(10_000);
  const state = Y.encodeStateAsUpdate(docFrom(loaded.updates));
  await reopened.compact('room', state, loaded.lastSeq);
  await reopened.close();
  const after = dirBytes(dir);

  const check = await LevelDocStore.open(dir);
  cleanups.push(() => check.close());
  const compacted = await check.load('room');
  expect(compacted.updates).toHaveLength(1);
  expect(docFrom(compacted.updates).getMap('nodes').toJSON()).toEqual(doc.getMap('nodes').toJSON());
  console.log(
    `compaction: 10000 updates, ${before} bytes on disk before, ${after} bytes after (state ${state.length} bytes), ${(before / after).toFixed(1)}x smaller`,
  );
  expect(after).toBeLessThan(before / 5);
});
