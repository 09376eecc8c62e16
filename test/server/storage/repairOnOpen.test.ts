import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { tempDir, text } from './tempDir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const RECORDS = 1000;

/** The text of record n: long enough that the log spans several 32 KiB LevelDB blocks. */
const record = (n: number): string => `${n}:${'x'.repeat(100)}`;

/**
 * A closed store holding RECORDS updates in `room`, appended one by one (one LevelDB log record each).
 * With `inTables` the store is reopened once, which moves the data from the log into table files.
 */
async function filledStore(inTables: boolean): Promise<string> {
  const { dir, remove } = tempDir('repair');
  cleanups.push(remove);
  // Without the write-ahead log each append is one LevelDB log record: these tests damage LevelDB's own log.
  const store = await LevelDocStore.open(dir, { writeAheadLog: false });
  await store.putMeta('title', 'Kaart');
  for (let n = 0; n < RECORDS; n++) await store.append('room', [new TextEncoder().encode(record(n))]);
  await store.close();
  if (inTables) await (await LevelDocStore.open(dir)).close();
  return dir;
}

async function reopen(dir: string): Promise<{ store: LevelDocStore; numbers: number[] }> {
  const store = await LevelDocStore.open(dir);
  cleanups.push(() => store.close());
  const loaded = await store.load('room');
  expect(loaded.skipped).toEqual([]);
  return { store, numbers: loaded.updates.map((u) => Number(text(u).split(':')[0])) };
}

const fileMatching = (dir: string, pattern: RegExp): string => {
  const name = readdirSync(dir).find((f) => pattern.test(f));
  if (name === undefined) throw new Error(`no file matching ${pattern} in ${dir}`);
  return join(dir, name);
};

const all = Array.from({ length: RECORDS }, (_, n) => n);

it('repairs a store whose MANIFEST is corrupt and keeps every record', async () => {
  const dir = await filledStore(true);
  const manifest = fileMatching(dir, /^MANIFEST-/);
  const bytes = readFileSync(manifest);
  bytes.fill(0x55, 10, 40);
  writeFileSync(manifest, bytes);

  const { store, numbers } = await reopen(dir);
  console.log('repair report (corrupt MANIFEST):', JSON.stringify(store.recoveryReport));
  expect(store.recoveryReport.repaired).toBe(true);
  expect(store.recoveryReport.events.map((e) => e.code)).toContain('STORE_OPEN_CORRUPT');
  expect(numbers).toEqual(all);
  expect(await store.getMeta('title')).toBe('Kaart');
});

it('repairs instead of starting empty when CURRENT is missing', async () => {
  const dir = await filledStore(true);
  rmSync(join(dir, 'CURRENT'));

  const { store, numbers } = await reopen(dir);
  expect(store.recoveryReport.events.map((e) => e.code)).toContain('STORE_CURRENT_MISSING');
  expect(numbers).toEqual(all);
});

it('recovers from garbage in the middle of the write-ahead log, losing at most the damaged 32 KiB block', async () => {
  const dir = await filledStore(false);
  const log = fileMatching(dir, /^\d+\.log$/);
  const bytes = readFileSync(log);
  const perRecord = bytes.length / RECORDS;
  bytes.fill(0x55, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 16);
  writeFileSync(log, bytes);

  const { store, numbers } = await reopen(dir);
  const missing = all.filter((n) => !numbers.includes(n));
  console.log(
    `log damage: ${bytes.length} byte log, ${missing.length} of ${RECORDS} records lost (${missing[0]}..${missing.at(-1)}), report:`,
    JSON.stringify(store.recoveryReport.events),
  );
  expect(store.recoveryReport.clean).toBe(false);
  expect(store.recoveryReport.events.some((e) => e.code === 'STORE_LOG_DAMAGE' && /dropping/.test(e.message))).toBe(true);
  // Everything before and after the damaged block is kept: the lost records are one consecutive run that fits in it.
  expect(missing.length).toBeGreaterThan(0);
  expect(missing.at(-1)! - missing[0] + 1).toBe(missing.length);
  expect(missing.length * perRecord).toBeLessThanOrEqual(32 * 1024 + perRecord);
  expect(numbers).toEqual(all.filter((n) => !missing.includes(n)));
  // The store is usable afterwards.
  await store.append('room', [new TextEncoder().encode(record(RECORDS))]);
  expect((await store.load('room')).updates).toHaveLength(numbers.length + 1);
});

it('loses only the last record when the log ends in the middle of it (a torn write)', async () => {
  const dir = await filledStore(false);
  const log = fileMatching(dir, /^\d+\.log$/);
  truncateSync(log, statSync(log).size - 20);

  const { numbers } = await reopen(dir);
  expect(numbers).toEqual(all.slice(0, -1));
});

it('refuses a second process on the same directory without touching its data', async () => {
  const dir = await filledStore(false);
  const first = await LevelDocStore.open(dir);
  cleanups.push(() => first.close());
  await expect(LevelDocStore.open(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
  expect((await first.load('room')).updates).toHaveLength(RECORDS);
});
