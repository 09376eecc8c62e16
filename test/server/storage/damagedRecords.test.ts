import { ClassicLevel } from 'classic-level';
import { afterEach, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { metaKey, stateKey, updateKey } from '../../../server/storage/storeKeys.js';
import { bytes, tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A closed store with ten updates u1..u10 in `room`; `damage` then edits raw LevelDB values. */
async function storeWithDamage(damage: (db: ClassicLevel<string, Uint8Array>) => Promise<void>, compactFirst = false): Promise<LevelDocStore> {
  const { dir, remove } = tempDir('damage');
  cleanups.push(remove);
  const store = await LevelDocStore.open(dir);
  await store.append('room', Array.from({ length: 10 }, (_, i) => bytes(`u${i + 1}`)));
  if (compactFirst) await store.compact('room', bytes('state-1-4'), 4);
  await store.putMeta('title', { title: 'Kaart' });
  await store.close();

  const raw = new ClassicLevel<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
  await raw.open();
  await damage(raw);
  await raw.close();

  const reopened = await LevelDocStore.open(dir);
  cleanups.push(() => reopened.close());
  return reopened;
}

async function flipLastByte(db: ClassicLevel<string, Uint8Array>, key: string): Promise<void> {
  const value = await db.get(key);
  if (value === undefined) throw new Error(`no value at ${key}`);
  const damaged = Uint8Array.from(value);
  damaged[damaged.length - 1] ^= 0x40;
  await db.put(key, damaged);
}

it('skips exactly the record whose bytes changed, keeps the rest in order and says which and why', async () => {
  const store = await storeWithDamage((db) => flipLastByte(db, updateKey('room', 6)));
  const loaded = await store.load('room');
  expect(loaded.updates.map(text)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u7', 'u8', 'u9', 'u10']);
  expect(loaded.skipped).toHaveLength(1);
  expect(loaded.skipped[0].key).toBe(updateKey('room', 6));
  expect(loaded.skipped[0].reason).toMatch(/^STORE_RECORD_CHECKSUM/);
  // lastSeq covers the damaged record, so the next compaction clears it instead of reporting it forever.
  expect(loaded.lastSeq).toBe(10);
});

it('skips a truncated record and an unreadable one in the same document', async () => {
  const store = await storeWithDamage(async (db) => {
    const value = await db.get(updateKey('room', 2));
    await db.put(updateKey('room', 2), (value ?? new Uint8Array()).subarray(0, 10));
    await db.put(updateKey('room', 9), new Uint8Array([1, 2, 3]));
  });
  const loaded = await store.load('room');
  expect(loaded.updates.map(text)).toEqual(['u1', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u10']);
  expect(loaded.skipped.map((s) => s.key)).toEqual([updateKey('room', 2), updateKey('room', 9)]);
  expect(loaded.skipped.every((s) => s.reason.startsWith('STORE_RECORD_TRUNCATED'))).toBe(true);
});

it('reports a damaged compacted state and keeps the updates after it', async () => {
  const store = await storeWithDamage((db) => flipLastByte(db, stateKey('room')), true);
  const loaded = await store.load('room');
  expect(loaded.updates.map(text)).toEqual(['u5', 'u6', 'u7', 'u8', 'u9', 'u10']);
  expect(loaded.skipped).toEqual([{ key: stateKey('room'), reason: expect.stringMatching(/^STORE_RECORD_CHECKSUM/) }]);
  expect(await store.pendingCount('room')).toBe(6);
});

it('reads a damaged meta value as absent and lists it as damaged', async () => {
  const store = await storeWithDamage((db) => flipLastByte(db, metaKey('title')));
  expect(await store.getMeta('title')).toBeUndefined();
  expect(await store.listMeta('')).toEqual([]);
  expect(store.damagedMeta[0]).toMatchObject({ key: metaKey('title'), reason: expect.stringMatching(/^STORE_RECORD_CHECKSUM/) });
});
