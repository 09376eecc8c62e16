import { afterEach, describe, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { StoreError } from '../../../server/storage/StoreError.js';
import { bytes, tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openTemp(): Promise<{ dir: string; store: LevelDocStore }> {
  const { dir, remove } = tempDir('store');
  cleanups.push(remove);
  const store = await LevelDocStore.open(dir);
  cleanups.push(() => store.close());
  return { dir, store };
}

describe('LevelDocStore', () => {
  it('gives back appended updates in append order, and again after a reopen', async () => {
    const { dir, store } = await openTemp();
    await store.append('room', [bytes('a'), bytes('b')]);
    await store.append('room', [bytes('c')]);
    await store.append('room.private', [bytes('secret')]);

    const loaded = await store.load('room');
    expect(loaded.updates.map(text)).toEqual(['a', 'b', 'c']);
    expect(loaded.lastSeq).toBe(3);
    expect(loaded.skipped).toEqual([]);
    expect(store.recoveryReport.clean).toBe(true);

    await store.close();
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.load('room')).updates.map(text)).toEqual(['a', 'b', 'c']);
    expect(await reopened.pendingCount('room')).toBe(3);

    // Sequence numbers continue after the reopen instead of overwriting earlier records.
    await reopened.append('room', [bytes('d')]);
    const after = await reopened.load('room');
    expect(after.updates.map(text)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.lastSeq).toBe(4);
    expect((await reopened.load('room.private')).updates.map(text)).toEqual(['secret']);
  });

  it('knows the last sequence number without reading the records, before and after a compaction and a reopen', async () => {
    const { dir, store } = await openTemp();
    expect(await store.lastSeq('room')).toBe(0);
    await store.append('room', [bytes('a'), bytes('b'), bytes('c')]);
    expect(await store.lastSeq('room')).toBe((await store.load('room')).lastSeq);
    await store.compact('room', bytes('abc'), await store.lastSeq('room'));
    await store.append('room', [bytes('d')]);
    expect(await store.lastSeq('room')).toBe(4);
    await store.close();
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect(await reopened.lastSeq('room')).toBe(4);
    expect((await reopened.load('room')).updates.map(text)).toEqual(['abc', 'd']);
  });

  it('gives an empty result for a document that was never written', async () => {
    const { store } = await openTemp();
    expect(await store.load('nothing')).toEqual({ updates: [], lastSeq: 0, skipped: [] });
    expect(await store.pendingCount('nothing')).toBe(0);
  });

  it('keeps documents whose names share a prefix or contain a slash apart', async () => {
    const { store } = await openTemp();
    await store.append('a', [bytes('1')]);
    await store.append('a/b', [bytes('2')]);
    await store.append('ab', [bytes('3')]);
    await store.append('a.private', [bytes('4')]);
    expect((await store.load('a')).updates.map(text)).toEqual(['1']);
    expect((await store.load('a/b')).updates.map(text)).toEqual(['2']);
    expect((await store.list()).sort()).toEqual(['a', 'a.private', 'a/b', 'ab']);
  });

  it('deletes one document and leaves the others', async () => {
    const { store } = await openTemp();
    await store.append('keep', [bytes('k')]);
    await store.append('gone', [bytes('g1'), bytes('g2')]);
    await store.compact('gone', bytes('G'), 1);
    await store.delete('gone');
    expect(await store.list()).toEqual(['keep']);
    expect(await store.load('gone')).toEqual({ updates: [], lastSeq: 0, skipped: [] });
    expect(await store.pendingCount('gone')).toBe(0);
  });

  it('stores meta values as JSON and lists them by prefix', async () => {
    const { dir, store } = await openTemp();
    await store.putMeta('room/alpha', { title: 'Mantelzorg Oost', generation: 3 });
    await store.putMeta('room/beta', { title: 'Beta', generation: 1 });
    await store.putMeta('other', [1, 2, 3]);
    expect(await store.getMeta('room/alpha')).toEqual({ title: 'Mantelzorg Oost', generation: 3 });
    expect(await store.getMeta('missing')).toBeUndefined();
    await store.deleteMeta('room/beta');
    expect(await store.listMeta('room/')).toEqual([{ key: 'room/alpha', value: { title: 'Mantelzorg Oost', generation: 3 } }]);

    await store.close();
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect(await reopened.getMeta('other')).toEqual([1, 2, 3]);
    expect((await reopened.listMeta('')).map((m) => m.key)).toEqual(['other', 'room/alpha']);
    // Meta and documents live in separate key ranges.
    expect(await reopened.list()).toEqual([]);
  });

  it('refuses writes after close with a coded error', async () => {
    const { store } = await openTemp();
    await store.close();
    await expect(store.append('room', [bytes('x')])).rejects.toBeInstanceOf(StoreError);
    await expect(store.append('room', [bytes('x')])).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('waits for writes in flight before closing', async () => {
    const { dir, store } = await openTemp();
    const writes = Array.from({ length: 50 }, (_, i) => store.append('room', [bytes(String(i))]));
    await store.close();
    await Promise.all(writes);
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.load('room')).updates).toHaveLength(50);
  });
});
