import * as fs from 'node:fs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { WriteAheadLog, type WalIo, type WalRecord } from '../../../server/storage/WriteAheadLog.js';
import { updateKey } from '../../../server/storage/storeKeys.js';
import { writeRecord } from '../../../server/storage/storeRecord.js';
import { bytes, text, useTempDirs } from './tempDir.js';

/**
 * Every way the write-ahead log or LevelDB behind it can fail, injected: each one fails closed (no more changes
 * accepted, the log kept, a code that says why) and loses nothing that was acknowledged.
 */
const { dirFor, cleanups } = useTempDirs();
const walFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('mantelkaart-wal-'));
const puts = (value: string, seq = 1): WalRecord => ({ kind: 'puts', puts: [{ key: `d/kaart/u/${seq}`, value: bytes(value) }] });
const values = (records: WalRecord[]) => records.flatMap((r) => (r.kind === 'puts' ? r.puts.map((p) => text(p.value)) : [`delete ${r.name}`]));

/** Real file operations, with the ones a test names failing while `fail` says so. */
function faultyIo(): { io: WalIo; fail: Partial<Record<keyof WalIo, boolean>>; writeOnly?: number } {
  const state: { io: WalIo; fail: Partial<Record<keyof WalIo, boolean>>; writeOnly?: number } = {
    fail: {},
    io: {
      openSync: (p, flags) => {
        if (state.fail.openSync) throw new Error('EMFILE: too many open files');
        return fs.openSync(p, flags);
      },
      closeSync: (fd) => fs.closeSync(fd),
      writeSync: (fd, buffer, offset) => {
        if (state.writeOnly !== undefined) {
          // A write cut short: some bytes land, then the disk is full.
          const n = fs.writeSync(fd, buffer, offset, Math.min(state.writeOnly, buffer.length - offset));
          state.writeOnly = undefined;
          state.fail.writeSync = true;
          return n;
        }
        if (state.fail.writeSync) throw new Error('ENOSPC: no space left on device');
        return fs.writeSync(fd, buffer, offset);
      },
      ftruncateSync: (fd, length) => {
        if (state.fail.ftruncateSync) throw new Error('EIO: i/o error');
        fs.ftruncateSync(fd, length);
      },
      fstatSync: (fd) => fs.fstatSync(fd),
      unlinkSync: (p) => fs.unlinkSync(p),
    },
  };
  return state;
}

describe('the write-ahead log fails closed', () => {
  it('a write cut short that cannot be cut off again breaks the log: nothing more is taken, what came before is kept', () => {
    const dir = dirFor('wal-torn-untruncatable');
    const f = faultyIo();
    const wal = WriteAheadLog.start(dir, { io: f.io });
    wal.write(puts('bevestigd'));
    f.writeOnly = 5;
    f.fail.ftruncateSync = true;
    expect(() => wal.write(puts('half', 2))).toThrow(/STORE_WAL_BROKEN/);
    // The disk has room again, but a record after the garbage would be lost to recovery: the log refuses.
    f.fail = {};
    expect(() => wal.write(puts('later', 3))).toThrow(/STORE_WAL_BROKEN/);
    expect(wal.failure?.code).toBe('STORE_WAL_BROKEN');
    wal.close(true);
    expect(walFiles(dir)).toHaveLength(1);
    expect(values(WriteAheadLog.recover(dir).records)).toEqual(['bevestigd']);
  });

  it('a write cut short that is cut off again leaves the log sound for the next write', () => {
    const dir = dirFor('wal-torn-truncated');
    const f = faultyIo();
    const wal = WriteAheadLog.start(dir, { io: f.io });
    f.writeOnly = 5;
    expect(() => wal.write(puts('half'))).toThrow(/ENOSPC/);
    f.fail = {};
    wal.write(puts('daarna', 2));
    expect(wal.failure).toBeUndefined();
    expect(values(WriteAheadLog.recover(dir).records)).toEqual(['daarna']);
    wal.close(false);
  });

  it('a new file that cannot be opened keeps the old one and stops the log, losing no acknowledged record', () => {
    const dir = dirFor('wal-rotate');
    const f = faultyIo();
    const wal = WriteAheadLog.start(dir, { io: f.io, rotateBytes: 100 });
    f.fail.openSync = true;
    wal.write(puts('x'.repeat(120)));
    expect(wal.failure?.code).toBe('STORE_WAL_ROTATE_FAILED');
    expect(() => wal.write(puts('y', 2))).toThrow(/STORE_WAL_ROTATE_FAILED/);
    wal.close(true);
    expect(values(WriteAheadLog.recover(dir).records)).toEqual(['x'.repeat(120)]);
  });

  it('a truncate that fails once LevelDB caught up does not throw into the caller, keeps the log and stops it', () => {
    const dir = dirFor('wal-truncate');
    const f = faultyIo();
    const wal = WriteAheadLog.start(dir, { io: f.io, truncateBytes: 10 });
    const ticket = wal.write(puts('in leveldb'));
    f.fail.ftruncateSync = true;
    expect(() => wal.done(ticket)).not.toThrow();
    expect(wal.failure?.code).toBe('STORE_WAL_TRUNCATE_FAILED');
    expect(() => wal.write(puts('later', 2))).toThrow(/STORE_WAL_TRUNCATE_FAILED/);
    wal.close(true);
    expect(walFiles(dir)).toHaveLength(1);
  });
});

describe('LevelDocStore writes the log once per turn', () => {
  it('puts the appends of several maps made in one turn into one write, and a delete after them, in order', async () => {
    const dir = dirFor('store-one-write');
    const store = await LevelDocStore.open(dir);
    cleanups.push(() => store.close());
    // The first append of a map reads its numbering from disk; after that appends go to the log.
    await Promise.all(['a', 'b', 'c'].map((m) => store.append(m, [bytes(`${m}0`)])));
    const before = WriteAheadLog.recover(dir).records.length;
    const appended = Promise.all(['a', 'b', 'c'].map((m) => store.append(m, [bytes(`${m}1`)])));
    const deleted = store.delete('c');
    await appended;
    await deleted;
    const records = WriteAheadLog.recover(dir).records.slice(before);
    // Stored values carry a checksum frame before the update itself.
    expect(values(records).map((v) => (v.startsWith('delete') ? v : v.slice(-2)))).toEqual(['a1', 'b1', 'c1', 'delete c']);
    expect(records).toHaveLength(2);
    expect((await store.load('a')).updates.map(text)).toEqual(['a0', 'a1']);
    expect((await store.load('c')).updates).toEqual([]);
    expect(await store.pendingCount('b')).toBe(2);
  });
});

describe('LevelDocStore fails closed', () => {
  type Db = { batch: (...args: unknown[]) => Promise<void> };
  const dbOf = (store: LevelDocStore) => (store as unknown as { db: Db }).db;

  async function failedStore(label: string): Promise<{ dir: string; store: LevelDocStore; restore: () => void }> {
    const dir = dirFor(label);
    const store = await LevelDocStore.open(dir);
    await store.append('kaart', [bytes('eerst')]);
    await store.append('ander', [bytes('blijft')]);
    const db = dbOf(store);
    const real = db.batch.bind(db);
    db.batch = () => Promise.reject(new Error('disk weigert'));
    await store.append('kaart', [bytes('alleen in het log')]);
    // Bounded: the background write is tried within milliseconds (it gathers for 25 ms at most).
    for (let i = 0; i < 400; i++) {
      const ok = await store.append('kaart', [bytes(`later ${i}`)]).then(
        () => true,
        () => false,
      );
      if (!ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return { dir, store, restore: () => (db.batch = real) };
  }

  it('after LevelDB refused a background write: loads, lists, backups, counts and compactions refuse with a code', async () => {
    const { store, restore } = await failedStore('store-reads');
    restore();
    const code = /STORE_BACKGROUND_WRITE_FAILED.*disk weigert.*nothing is lost/;
    await expect(store.load('kaart')).rejects.toThrow(code);
    await expect(store.list()).rejects.toThrow(code);
    await expect(store.pendingCount('kaart')).rejects.toThrow(code);
    await expect(store.lastSeq('kaart')).rejects.toThrow(code);
    await expect(store.compact('kaart', bytes('staat zonder het log'), 1)).rejects.toThrow(code);
    await expect(store.putMeta('x', 1)).rejects.toThrow(code);
    await expect(store.delete('ander')).rejects.toThrow(code);
    await expect(
      (async () => {
        for await (const entry of store.snapshotEntries()) void entry;
      })(),
    ).rejects.toThrow(code);
    await store.close();
  });

  it('keeps the log after it, and the next start has every acknowledged append, uncompacted', async () => {
    const { dir, store, restore } = await failedStore('store-replay');
    restore();
    await store.close();
    expect(walFiles(dir).length).toBeGreaterThan(0);
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.load('kaart')).updates.map(text).slice(0, 2)).toEqual(['eerst', 'alleen in het log']);
    expect((await reopened.load('ander')).updates.map(text)).toEqual(['blijft']);
  });

  it('a delete LevelDB refuses stays in the log, stops the store, and is carried out at the next start', async () => {
    const dir = dirFor('store-delete');
    const store = await LevelDocStore.open(dir);
    await store.append('weg', [bytes('persoon')]);
    await store.load('weg');
    const db = dbOf(store);
    const real = db.batch.bind(db);
    db.batch = () => Promise.reject(new Error('disk weigert'));
    await expect(store.delete('weg')).rejects.toThrow(/disk weigert/);
    db.batch = real;
    await expect(store.append('weg', [bytes('nog iets')])).rejects.toThrow(/STORE_BACKGROUND_WRITE_FAILED/);
    await store.close();
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.load('weg')).updates).toEqual([]);
  });

  it('a log that breaks stops the store with its own code', async () => {
    const dir = dirFor('store-wal-broken');
    const f = faultyIo();
    const store = await LevelDocStore.open(dir, { walIo: f.io });
    await store.append('kaart', [bytes('eerst')]);
    await store.load('kaart');
    f.writeOnly = 3;
    f.fail.ftruncateSync = true;
    await expect(store.append('kaart', [bytes('half')])).rejects.toThrow(/STORE_WAL_BROKEN/);
    f.fail = {};
    await expect(store.append('kaart', [bytes('daarna')])).rejects.toThrow(/STORE_WAL_BROKEN.*nothing is lost/);
    await expect(store.load('kaart')).rejects.toThrow(/STORE_WAL_BROKEN/);
    await store.close();
    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect((await reopened.load('kaart')).updates.map(text)).toEqual(['eerst']);
  });

  it('replays with fsync when the store syncs', async () => {
    const dir = dirFor('store-replay-sync');
    const wal = WriteAheadLog.start(dir);
    wal.write({ kind: 'puts', puts: [{ key: updateKey('kaart', 1), value: writeRecord(bytes('uit het log')) }] });
    wal.close(false);
    const synced: unknown[] = [];
    const { ClassicLevel } = await import('classic-level');
    const realBatch = ClassicLevel.prototype.batch;
    ClassicLevel.prototype.batch = function (this: unknown, ...args: unknown[]) {
      synced.push((args[1] as { sync?: boolean } | undefined)?.sync);
      return (realBatch as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof realBatch;
    try {
      const store = await LevelDocStore.open(dir, { sync: true });
      cleanups.push(() => store.close());
      expect(synced).toContain(true);
      expect((await store.load('kaart')).updates.map(text)).toEqual(['uit het log']);
    } finally {
      ClassicLevel.prototype.batch = realBatch;
    }
  });
});
