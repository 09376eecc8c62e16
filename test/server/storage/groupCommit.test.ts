import { afterEach, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { bytes, tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('merges 1,000 concurrent appends into far fewer LevelDB writes, keeping each document in order', async () => {
  const { dir, remove } = tempDir('group');
  cleanups.push(remove);
  const store = await LevelDocStore.open(dir);
  cleanups.push(() => store.close());
  const docs = ['alpha', 'beta', 'gamma', 'delta'];

  // Each caller checks on resolve that its own record can already be read back.
  const readBackOnResolve: Promise<void>[] = [];
  const appends = Array.from({ length: 1000 }, (_, i) => {
    const doc = docs[i % docs.length];
    const done = store.append(doc, [bytes(`${doc}:${i}`)]);
    if (i % 97 === 0) {
      readBackOnResolve.push(done.then(async () => {
        const loaded = await store.load(doc);
        expect(loaded.updates.map(text)).toContain(`${doc}:${i}`);
      }));
    }
    return done;
  });
  await Promise.all(appends);
  await Promise.all(readBackOnResolve);

  for (const doc of docs) {
    const expected = Array.from({ length: 1000 }, (_, i) => i).filter((i) => docs[i % docs.length] === doc).map((i) => `${doc}:${i}`);
    expect((await store.load(doc)).updates.map(text)).toEqual(expected);
    expect(await store.pendingCount(doc)).toBe(250);
  }
  console.log(`group commit: 1000 appends written in ${store.stats.batches} LevelDB batches`);
  expect(store.stats.records).toBe(1000);
  expect(store.stats.batches).toBeLessThan(1000);
  expect(store.stats.batches).toBeLessThanOrEqual(10);
});

it('keeps append order while writes keep arriving during earlier batches', async () => {
  const { dir, remove } = tempDir('group-stream');
  cleanups.push(remove);
  const store = await LevelDocStore.open(dir, { sync: true });
  cleanups.push(() => store.close());

  // Waves of appends, each started while the previous wave's batch is still being written.
  const all: Promise<void>[] = [];
  for (let wave = 0; wave < 20; wave++) {
    for (let i = 0; i < 25; i++) all.push(store.append('room', [bytes(`${wave}.${i}a`), bytes(`${wave}.${i}b`)]));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(all);
  const expected: string[] = [];
  for (let wave = 0; wave < 20; wave++) for (let i = 0; i < 25; i++) expected.push(`${wave}.${i}a`, `${wave}.${i}b`);
  const loaded = await store.load('room');
  expect(loaded.updates.map(text)).toEqual(expected);
  expect(loaded.lastSeq).toBe(1000);
  console.log(`group commit with sync: 500 appends (1000 records) in ${store.stats.batches} batches`);
  expect(store.stats.batches).toBeLessThan(500);
});
