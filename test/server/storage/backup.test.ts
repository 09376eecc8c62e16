import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { readBackup, restoreBackup } from '../../../server/storage/restoreBackup.js';
import { writeBackup } from '../../../server/storage/writeBackup.js';
import { bytes, tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openTemp(label: string): Promise<{ dir: string; store: LevelDocStore }> {
  const { dir, remove } = tempDir(label);
  cleanups.push(remove);
  const store = await LevelDocStore.open(join(dir, 'db'));
  cleanups.push(() => store.close());
  return { dir, store };
}

function mapOf(updates: Uint8Array[]): unknown {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getMap('nodes').toJSON();
}

/** Stores a Yjs map document as a compacted state plus later updates, the way the server leaves it. */
async function storeMap(store: LevelDocStore, name: string, labels: string[]): Promise<unknown> {
  const doc = new Y.Doc();
  const appends: Promise<void>[] = [];
  doc.on('update', (update: Uint8Array) => appends.push(store.append(name, [update])));
  labels.forEach((label, i) => doc.getMap('nodes').set(`n${i}`, label));
  await Promise.all(appends);
  const loaded = await store.load(name);
  await store.compact(name, Y.encodeStateAsUpdate(doc), loaded.lastSeq);
  doc.getMap('nodes').set('late', 'na compactie');
  await Promise.all(appends);
  expect(await store.pendingCount(name)).toBe(1);
  return doc.getMap('nodes').toJSON();
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

it('restores every map and meta value from a backup, and removes what was not in it', async () => {
  const { dir, store } = await openTemp('backup-src');
  const alpha = await storeMap(store, 'alpha', ['Mantelzorger', 'Gemeente', 'Huisarts']);
  const beta = await storeMap(store, 'beta.private', ['Notitie']);
  await store.putMeta('room/alpha', { title: 'Alpha', generation: 2 });
  await store.putMeta('room/beta', { title: 'Bèta ✓' });
  const file = join(dir, 'kaarten.mkbackup');
  const written = await writeBackup(store, file);
  console.log('backup:', JSON.stringify(written));
  expect(written).toMatchObject({ docs: 2, updates: 4, meta: 2, skipped: [] });

  const { store: target } = await openTemp('backup-dst');
  await target.append('stale', [bytes('weg')]);
  await target.append('alpha', [Y.encodeStateAsUpdate(new Y.Doc())]);
  await target.putMeta('room/stale', 1);
  const restored = await restoreBackup(target, file);
  expect(restored).toMatchObject({ docs: 2, meta: 2, removedDocs: ['stale'], removedMeta: ['room/stale'] });

  expect((await target.list()).sort()).toEqual(['alpha', 'beta.private']);
  expect(mapOf((await target.load('alpha')).updates)).toEqual(alpha);
  expect(mapOf((await target.load('beta.private')).updates)).toEqual(beta);
  expect(await target.listMeta('')).toEqual(await store.listMeta(''));
});

it('takes a consistent snapshot while writes continue', async () => {
  const { dir, store } = await openTemp('backup-live');
  await store.append('big', Array.from({ length: 5000 }, (_, i) => bytes(`filler ${i} ${'x'.repeat(200)}`)));

  // One writer numbers its appends across two documents; a consistent snapshot holds numbers 0..k-1 and nothing else.
  let stop = false;
  let written = 0;
  const writer = (async () => {
    while (!stop) {
      await store.append(written % 2 === 0 ? 'even' : 'odd', [bytes(String(written))]);
      written += 1;
    }
  })();
  await until(() => written >= 200);
  const file = join(dir, 'live.mkbackup');
  await writeBackup(store, file);
  stop = true;
  await writer;

  const backup = await readBackup(file);
  const numbers = backup.docs
    .filter((d) => d.name === 'even' || d.name === 'odd')
    .flatMap((d) => d.updates.map((u) => Number(text(u))))
    .filter((n) => n >= 0)
    .sort((a, b) => a - b);
  console.log(`live backup: ${numbers.length} of ${written} numbered appends are in the snapshot`);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i));
  expect(numbers.length).toBeGreaterThanOrEqual(200);
  expect(written).toBeGreaterThan(numbers.length);
  expect(backup.docs.find((d) => d.name === 'big')?.updates).toHaveLength(5000);
});

it('refuses a cut-off or altered backup before touching the store', async () => {
  const { dir, store } = await openTemp('backup-bad');
  await store.append('room', [bytes('a'), bytes('b')]);
  await store.putMeta('k', 'v');
  const file = join(dir, 'good.mkbackup');
  await writeBackup(store, file);
  const good = readFileSync(file);

  const altered = Uint8Array.from(good);
  altered[30] ^= 1;
  writeFileSync(join(dir, 'altered'), altered);
  writeFileSync(join(dir, 'cut'), good);
  truncateSync(join(dir, 'cut'), good.length - 7);
  writeFileSync(join(dir, 'other'), bytes('{"not": "a backup"}'));

  for (const bad of ['altered', 'cut', 'other']) {
    await expect(restoreBackup(store, join(dir, bad))).rejects.toMatchObject({ code: 'STORE_BACKUP_INVALID' });
  }
  await store.append('room', [bytes('c')]);
  expect((await store.load('room')).updates.map(text)).toEqual(['a', 'b', 'c']);
  expect(await store.getMeta('k')).toBe('v');
});
