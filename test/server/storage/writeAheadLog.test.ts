import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LevelDocStore } from '../../../server/storage/LevelDocStore.js';
import { WriteAheadLog, type WalRecord } from '../../../server/storage/WriteAheadLog.js';
import { bytes, text, useTempDirs } from './tempDir.js';

const { dirFor, cleanups } = useTempDirs();
const walFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('mantelkaart-wal-'));
const puts = (...values: string[]): WalRecord => ({ kind: 'puts', puts: values.map((v, i) => ({ key: `d/room/u/${i}`, value: bytes(v) })) });
const valuesOf = (records: WalRecord[]) => records.map((r) => (r.kind === 'puts' ? r.puts.map((p) => text(p.value)).join(',') : `delete ${r.name}`));

describe('WriteAheadLog', () => {
  it('gives back every record written, in order, after the process is gone', () => {
    const dir = dirFor('wal');
    const wal = WriteAheadLog.start(dir);
    wal.write(puts('a', 'b'));
    wal.write({ kind: 'deleteDoc', name: 'oud' });
    wal.write(puts('c'));
    const recovered = WriteAheadLog.recover(dir);
    expect(valuesOf(recovered.records)).toEqual(['a,b', 'delete oud', 'c']);
    expect(recovered.droppedBytes).toBe(0);
    wal.close(false);
  });

  it('keeps every whole record before a write cut short or damaged, and says how many bytes it dropped', () => {
    const dir = dirFor('wal-torn');
    const wal = WriteAheadLog.start(dir);
    wal.write(puts('eerste'));
    wal.write(puts('tweede'));
    const whole = wal.bytes;
    wal.write(puts('derde, half geschreven'));
    wal.close(false);
    const file = join(dir, walFiles(dir)[0]);
    const all = readFileSync(file);
    writeFileSync(file, all.subarray(0, all.length - 5));
    const torn = WriteAheadLog.recover(dir);
    expect(valuesOf(torn.records)).toEqual(['eerste', 'tweede']);
    expect(torn.droppedBytes).toBe(all.length - 5 - whole);

    // A flipped byte inside the second record: the first stays, nothing after the damage is trusted.
    const damaged = Buffer.from(all);
    damaged[whole - 3] ^= 0xff;
    writeFileSync(file, damaged);
    expect(valuesOf(WriteAheadLog.recover(dir).records)).toEqual(['eerste']);
  });

  it('empties itself once LevelDB holds everything, and moves to a new file when LevelDB falls behind', () => {
    const dir = dirFor('wal-size');
    const wal = WriteAheadLog.start(dir, { truncateBytes: 100, rotateBytes: 300 });
    const tickets = Array.from({ length: 3 }, () => wal.write(puts('x'.repeat(60))));
    expect(wal.bytes).toBeGreaterThan(100);
    for (const t of tickets) wal.done(t);
    expect(wal.bytes).toBe(0);
    expect(statSync(join(dir, walFiles(dir)[0])).size).toBe(0);

    const behind = Array.from({ length: 6 }, () => wal.write(puts('y'.repeat(60))));
    expect(walFiles(dir)).toHaveLength(2);
    // The full file stays until everything in it is in LevelDB.
    for (const t of behind) wal.done(t);
    expect(walFiles(dir)).toHaveLength(1);
    wal.close(true);
    expect(walFiles(dir)).toEqual([]);
  });
});

describe('LevelDocStore with its write-ahead log', () => {
  const script = fileURLToPath(new URL('./appendThenDie.ts', import.meta.url));

  it('keeps acknowledged appends that LevelDB had not written yet when the process was killed', async () => {
    const dir = dirFor('wal-kill');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, '300'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    expect(out).toContain('acknowledged 300');
    expect(walFiles(dir).length).toBeGreaterThan(0);

    const store = await LevelDocStore.open(dir);
    cleanups.push(() => store.close());
    const loaded = await store.load('room');
    expect(loaded.updates.map((u) => Number(text(u)))).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(store.recoveryReport.events.map((e) => e.code)).toContain('STORE_WAL_REPLAYED');
    // Replayed into LevelDB, so the log starts empty again.
    expect(walFiles(dir).map((f) => statSync(join(dir, f)).size)).toEqual([0]);
  });

  it('does not bring back updates a compaction removed, nor a document that was deleted, when it replays', async () => {
    const dir = dirFor('wal-replay');
    const store = await LevelDocStore.open(dir);
    await store.append('kaart', [bytes('a')]);
    await store.append('kaart', [bytes('b')]);
    await store.append('kaart', [bytes('c')]);
    await store.append('weg', [bytes('1')]);
    await store.append('weg', [bytes('2')]);
    await store.compact('kaart', bytes('abc'), await store.lastSeq('kaart'));
    await store.delete('weg');
    await store.append('kaart', [bytes('d')]);
    // What a kill -9 right now would leave behind: the log still holding writes LevelDB already has.
    expect((await store.load('kaart')).updates.map(text)).toEqual(['abc', 'd']);
    const leftBehind = walFiles(dir).map((f) => [f, readFileSync(join(dir, f))] as const);
    expect(leftBehind.length).toBeGreaterThan(0);
    await store.close();
    for (const [f, content] of leftBehind) writeFileSync(join(dir, f), content);

    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    expect(reopened.recoveryReport.events.map((e) => e.code)).toContain('STORE_WAL_REPLAYED');
    expect((await reopened.load('kaart')).updates.map(text)).toEqual(['abc', 'd']);
    expect(await reopened.pendingCount('kaart')).toBe(1);
    expect(await reopened.list()).toEqual(['kaart']);
  });

  it('stops taking appends when LevelDB refuses a background write, and has them back after a restart', async () => {
    const dir = dirFor('wal-refused');
    const store = await LevelDocStore.open(dir);
    await store.append('kaart', [bytes('eerst')]);
    const db = (store as unknown as { db: { batch: (...args: unknown[]) => Promise<void> } }).db;
    const realBatch = db.batch.bind(db);
    db.batch = () => Promise.reject(new Error('disk weigert'));
    await store.append('kaart', [bytes('in het log')]);
    // The next append hears that LevelDB is behind; the failure is said in plain words.
    await expect(
      (async () => {
        // Bounded: the background write is tried within milliseconds (it gathers for 25 ms at most).
        for (let i = 0; i < 200; i++) {
          await store.append('kaart', [bytes(`later ${i}`)]);
          await new Promise((r) => setTimeout(r, 5));
        }
      })(),
    ).rejects.toThrow(/STORE_BACKGROUND_WRITE_FAILED.*disk weigert.*nothing is lost/);
    db.batch = realBatch;
    await store.close();
    expect(existsSync(join(dir, walFiles(dir)[0]))).toBe(true);

    const reopened = await LevelDocStore.open(dir);
    cleanups.push(() => reopened.close());
    const texts = (await reopened.load('kaart')).updates.map(text);
    expect(texts.slice(0, 2)).toEqual(['eerst', 'in het log']);
  });
});
