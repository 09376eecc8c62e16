import type { DocStore, StoredDoc } from './DocStore.js';
import { openLevelWithRepair, type LevelDb, type RecoveryReport } from './openLevelWithRepair.js';
import { StoreError } from './StoreError.js';
import {
  DOC_ROOT,
  docNameOf,
  docPrefix,
  metaKey,
  META_ROOT,
  parseDocSuffix,
  prefixEnd,
  stateKey,
  updateKey,
  updatePrefix,
} from './storeKeys.js';
import { readDocEntry } from './readDocEntry.js';
import { readRecord, readStateRecord, writeRecord, writeStateRecord } from './storeRecord.js';
import { WriteAheadLog, type WalRecord, type WalTicket } from './WriteAheadLog.js';
import { errorText } from '../log.js';

export interface LevelDocStoreOptions {
  /**
   * Without sync (the default) a write has reached the operating system when its promise resolves: it survives
   * kill -9 or a crash of the Node process, but not a power cut or kernel crash in the next few seconds. With
   * sync: true every group commit is fsync'ed, which survives power loss too, at the price of one disk flush per
   * batch (milliseconds on an SSD, far more on a laptop disk or network volume). Group commit keeps the cost per
   * batch, not per update.
   */
  sync?: boolean;
  /** Upper bound on the bytes one group commit writes, so a burst does not build an unbounded batch in memory. */
  maxBatchBytes?: number;
  /**
   * Appends go to a write-ahead log with one synchronous write() and reach LevelDB in the background (WriteAheadLog.ts
   * says why). On by default without sync; with sync every append waits for LevelDB's fsync'ed batch instead, since
   * an fsync on the event loop would stall every room.
   */
  writeAheadLog?: boolean;
}

/** Counters for tests and monitoring. */
export interface LevelDocStoreStats {
  /** LevelDB batch() calls issued. */
  batches: number;
  /** Update records written. */
  records: number;
}

/** A logical entry of a consistent snapshot of the store, as written to a backup. */
export type SnapshotEntry =
  | { kind: 'doc'; name: string; updates: Uint8Array[]; skipped: StoredDoc['skipped'] }
  | { kind: 'meta'; key: string; value: unknown };

interface Cursor {
  /** Sequence number the next append gets. */
  nextSeq: number;
  /** Sequence number the compacted state covers (0 when there is none). */
  stateSeq: number;
  /** Update records stored after the compacted state. */
  pending: number;
}

type JobSpec =
  | { kind: 'append'; name: string; updates: Uint8Array[] }
  /** Records already in the write-ahead log, with their keys; written to LevelDB in the background. */
  | { kind: 'logged'; name: string; puts: { key: string; value: Uint8Array }[]; ticket: WalTicket }
  /** Waits for everything queued before it: reads that must see every acknowledged append. */
  | { kind: 'barrier' }
  | { kind: 'putMeta'; key: string; bytes: Uint8Array }
  | { kind: 'deleteMeta'; key: string }
  | { kind: 'compact'; name: string; state: Uint8Array; upToSeq: number }
  | { kind: 'delete'; name: string };

type Job = JobSpec & { resolve: () => void; reject: (error: unknown) => void };

type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/** Appends that may wait for LevelDB in memory before new ones wait for their own LevelDB write. */
const MAX_LOGGED_QUEUED = 4096;

/** Shortest time between two LevelDB compactions of one document's key range (see reclaim). */
const RECLAIM_INTERVAL_MS = 10_000;

/** How long appends already in the write-ahead log wait for others to share their LevelDB batch. */
const LOGGED_GATHER_MS = 25;

/** Compaction and deletion read the keys they remove, so they run alone; everything else is merged. */
const isExclusive = (job: Job): boolean => job.kind === 'compact' || job.kind === 'delete';

/**
 * The embedded DocStore: LevelDB through classic-level. Key layout in storeKeys.ts, value framing in storeRecord.ts.
 *
 * All writes go through one queue. While a batch is being written, new writes wait in the queue and are then written
 * together in the next batch (group commit): one LevelDB write for many appends, and since the queue is FIFO the order
 * per document is the order of the calls. Each caller's promise resolves after the batch holding its records is
 * written, never before.
 */
export class LevelDocStore implements DocStore {
  /** What opening the store found and did; the server logs it. */
  readonly recoveryReport: RecoveryReport;
  readonly stats: LevelDocStoreStats = { batches: 0, records: 0 };
  /** Meta records that were damaged on disk and read as absent, with why; the server may log them. */
  readonly damagedMeta: { key: string; reason: string }[] = [];

  private readonly db: LevelDb;
  private readonly sync: boolean;
  private readonly maxBatchBytes: number;
  private readonly cursors = new Map<string, Promise<Cursor>>();
  private readonly queue: Job[] = [];
  private draining: Promise<void> | undefined;
  private reclaiming: Promise<void> = Promise.resolve();
  private closed = false;
  /** Cursors already read, for appends that go to the write-ahead log without waiting. */
  private readonly knownCursors = new Map<string, Cursor>();
  /** A background write that failed: the data is safe in the log, but LevelDB is behind, so appends stop. */
  private backgroundError: unknown;
  /** Appends acknowledged from the log and not yet in LevelDB. */
  private loggedQueued = 0;
  /** Ends a gather() wait early. */
  private endGather: (() => void) | undefined;
  /** When each document's deleted records were last reclaimed, and the reclaims waiting for their turn. */
  private readonly lastReclaim = new Map<string, number>();
  private readonly reclaimDue = new Map<string, NodeJS.Timeout>();

  private constructor(db: LevelDb, report: RecoveryReport, options: LevelDocStoreOptions, private readonly wal: WriteAheadLog | undefined) {
    this.db = db;
    this.recoveryReport = report;
    this.sync = options.sync ?? false;
    this.maxBatchBytes = options.maxBatchBytes ?? 8 * 1024 * 1024;
  }

  /** Opens (creating or repairing when needed) the store in `dir`. Only one process may hold it. */
  static async open(dir: string, options: LevelDocStoreOptions = {}): Promise<LevelDocStore> {
    const { db, report } = await openLevelWithRepair(dir);
    // Whatever the log holds was acknowledged before the last stop; LevelDB gets it before anything is read.
    const recovered = WriteAheadLog.recover(dir);
    if (recovered.records.length > 0) {
      await replay(db, recovered.records);
      report.events.push({
        code: 'STORE_WAL_REPLAYED',
        message: `${recovered.records.length} write(s) made just before the last stop were taken from the write-ahead log into LevelDB`,
      });
    }
    if (recovered.droppedBytes > 0) {
      report.events.push({
        code: 'STORE_WAL_TAIL_DROPPED',
        message: `the last ${recovered.droppedBytes} bytes of the write-ahead log were a write cut short by the stop and were dropped; nobody had been told they were stored`,
      });
    }
    report.clean = report.events.length === 0;
    const useWal = options.writeAheadLog ?? !(options.sync ?? false);
    // LevelDB holds everything the old log files did now.
    WriteAheadLog.removeFiles(dir);
    const wal = useWal ? WriteAheadLog.start(dir) : undefined;
    return new LevelDocStore(db, report, options, wal);
  }

  async load(name: string): Promise<StoredDoc> {
    this.assertOpen();
    // Appends acknowledged from the log may still be on their way to LevelDB.
    await this.caughtUp();
    const prefix = docPrefix(name);
    const updates: Uint8Array[] = [];
    const skipped: StoredDoc['skipped'] = [];
    // Includes skipped records, so compact(lastSeq) also clears damaged records that the caller has given up on.
    let lastSeq = 0;
    // One iterator reads from one implicit snapshot: a concurrent compaction is seen entirely or not at all.
    for await (const [key, value] of this.db.iterator({ gte: prefix, lt: prefixEnd(prefix) })) {
      const entry = readDocEntry(key.slice(prefix.length), value);
      if (entry.seq !== undefined) lastSeq = Math.max(lastSeq, entry.seq);
      if (entry.kind === 'data') updates.push(entry.bytes);
      else skipped.push({ key, reason: entry.reason });
    }
    return { updates, lastSeq, skipped };
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    if (this.wal === undefined) return this.enqueue({ kind: 'append', name, updates });
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed'));
    if (this.backgroundError !== undefined) return Promise.reject(this.unhealthy());
    const cursor = this.knownCursors.get(name);
    // The first append of a document reads its numbering from disk, so it takes the slower path once.
    if (cursor === undefined) return this.enqueue({ kind: 'append', name, updates });
    // Numbers are taken before the write: a failed write leaves a gap, never a reused number.
    const puts = updates.map((u) => ({ key: updateKey(name, cursor.nextSeq++), value: writeRecord(u) }));
    let ticket: WalTicket;
    try {
      ticket = this.wal.write({ kind: 'puts', puts });
    } catch (err) {
      return Promise.reject(new StoreError('STORE_WAL_WRITE_FAILED', `${name}: the write-ahead log could not be written: ${errorText(err)}`));
    }
    // Durable now; LevelDB gets it with the next group commit, and reads wait for that (caughtUp).
    this.loggedQueued += 1;
    const written = this.enqueue({ kind: 'logged', name, puts, ticket }).then(
      () => {
        this.loggedQueued -= 1;
      },
      (err: unknown) => {
        this.loggedQueued -= 1;
        this.backgroundError ??= err;
        throw err;
      },
    );
    written.catch(() => {});
    // When LevelDB falls this far behind, callers wait for it: the queue in memory stays bounded.
    return this.loggedQueued > MAX_LOGGED_QUEUED ? written : Promise.resolve();
  }

  compact(name: string, state: Uint8Array, upToSeq: number): Promise<void> {
    return this.enqueue({ kind: 'compact', name, state, upToSeq });
  }

  async lastSeq(name: string): Promise<number> {
    this.assertOpen();
    // nextSeq moves when an append is logged or a batch is planned; callers that wait for their appends (the room's
    // pump) see it settled.
    return (await this.cursor(name)).nextSeq - 1;
  }

  async pendingCount(name: string): Promise<number> {
    this.assertOpen();
    await this.caughtUp();
    return (await this.cursor(name)).pending;
  }

  delete(name: string): Promise<void> {
    const wal = this.wal;
    if (wal === undefined || this.closed) return this.enqueue({ kind: 'delete', name });
    // In the log too, in order with the appends: a replay must not bring back what came before the delete.
    let ticket: WalTicket;
    try {
      ticket = wal.write({ kind: 'deleteDoc', name });
    } catch (err) {
      return Promise.reject(new StoreError('STORE_WAL_WRITE_FAILED', `${name}: the write-ahead log could not be written: ${errorText(err)}`));
    }
    // Also when LevelDB refused it: the caller hears of the failure, and a replay at the next start may still delete.
    return this.enqueue({ kind: 'delete', name }).finally(() => wal.done(ticket));
  }

  async list(): Promise<string[]> {
    this.assertOpen();
    await this.caughtUp();
    const names: string[] = [];
    const iterator = this.db.keys({ gte: DOC_ROOT, lt: prefixEnd(DOC_ROOT) });
    try {
      for (let key = await iterator.next(); key !== undefined; key = await iterator.next()) {
        const name = docNameOf(key);
        if (name === undefined) continue;
        names.push(name);
        // Jump over the rest of this document's records instead of reading them one by one.
        iterator.seek(prefixEnd(docPrefix(name)));
      }
    } finally {
      await iterator.close();
    }
    return names;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    this.assertOpen();
    const value = await this.db.get(metaKey(key));
    return value === undefined ? undefined : this.decodeMeta<T>(metaKey(key), value);
  }

  putMeta<T>(key: string, value: T): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) {
      return Promise.reject(new StoreError('STORE_META_NOT_JSON', `meta value for ${key} is not JSON-serialisable`));
    }
    return this.enqueue({ kind: 'putMeta', key, bytes: writeRecord(new TextEncoder().encode(json)) });
  }

  deleteMeta(key: string): Promise<void> {
    return this.enqueue({ kind: 'deleteMeta', key });
  }

  async listMeta(prefix: string): Promise<{ key: string; value: unknown }[]> {
    this.assertOpen();
    const start = metaKey(prefix);
    const out: { key: string; value: unknown }[] = [];
    for await (const [key, bytes] of this.db.iterator({ gte: start, lt: prefixEnd(start) })) {
      const value = this.decodeMeta<unknown>(key, bytes);
      if (value !== undefined) out.push({ key: key.slice(META_ROOT.length), value });
    }
    return out;
  }

  /**
   * Every document and meta value from one LevelDB snapshot: writes that happen while it is being read are not
   * seen, so the result is consistent across documents. Used by writeBackup.
   */
  async *snapshotEntries(): AsyncGenerator<SnapshotEntry> {
    this.assertOpen();
    await this.caughtUp();
    const snapshot = this.db.snapshot();
    try {
      let doc: { name: string; updates: Uint8Array[]; skipped: StoredDoc['skipped'] } | undefined;
      for await (const [key, value] of this.db.iterator({ gte: DOC_ROOT, lt: prefixEnd(DOC_ROOT), snapshot })) {
        const name = docNameOf(key);
        if (name === undefined) continue;
        if (doc?.name !== name) {
          if (doc) yield { kind: 'doc', ...doc };
          doc = { name, updates: [], skipped: [] };
        }
        const entry = readDocEntry(key.slice(docPrefix(name).length), value);
        if (entry.kind === 'data') doc.updates.push(entry.bytes);
        else doc.skipped.push({ key, reason: entry.reason });
      }
      if (doc) yield { kind: 'doc', ...doc };
      for await (const [key, bytes] of this.db.iterator({ gte: META_ROOT, lt: prefixEnd(META_ROOT), snapshot })) {
        const value = this.decodeMeta<unknown>(key, bytes);
        if (value !== undefined) yield { kind: 'meta', key: key.slice(META_ROOT.length), value };
      }
    } finally {
      await snapshot.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.endGather?.();
    await this.draining;
    for (const [name, timer] of this.reclaimDue) {
      clearTimeout(timer);
      this.reclaimNow(name);
    }
    this.reclaimDue.clear();
    await this.reclaiming;
    // With a failed background write, the log is the only copy of some appends: it stays for the next open.
    this.wal?.close(this.backgroundError === undefined);
    await this.db.close();
  }

  /** Resolves once everything queued before the call is in LevelDB. */
  private async caughtUp(): Promise<void> {
    if (this.wal === undefined || (this.draining === undefined && this.queue.length === 0)) return;
    await this.enqueue({ kind: 'barrier' });
  }

  private unhealthy(): StoreError {
    return new StoreError(
      'STORE_BACKGROUND_WRITE_FAILED',
      `LevelDB could not take what the write-ahead log holds (${errorText(this.backgroundError)}); nothing is lost, restart the server`,
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('STORE_CLOSED', 'the store is closed');
  }

  private decodeMeta<T>(key: string, bytes: Uint8Array): T | undefined {
    const read = readRecord(bytes);
    if ('damage' in read) {
      this.damagedMeta.push({ key, reason: `${read.damage.code}: ${read.damage.detail}` });
      return undefined;
    }
    // Meta is written only by putMeta with the caller's T; the checksum says these are those bytes.
    return JSON.parse(new TextDecoder().decode(read.payload)) as T;
  }

  /** The sequence state of a document, read from disk on first use and kept in memory after that. */
  private cursor(name: string): Promise<Cursor> {
    let cursor = this.cursors.get(name);
    if (cursor === undefined) {
      cursor = this.readCursor(name);
      this.cursors.set(name, cursor);
      cursor.then(
        (c) => this.knownCursors.set(name, c),
        () => this.cursors.delete(name),
      );
    }
    return cursor;
  }

  private async readCursor(name: string): Promise<Cursor> {
    const stateBytes = await this.db.get(stateKey(name));
    const state = stateBytes === undefined ? undefined : readStateRecord(stateBytes);
    const stateSeq = state !== undefined && 'seq' in state ? state.seq : 0;
    const prefix = updatePrefix(name);
    let pending = 0;
    let lastSeq = stateSeq;
    for await (const key of this.db.keys({ gte: prefix, lt: prefixEnd(prefix) })) {
      pending += 1;
      const parsed = parseDocSuffix(key.slice(docPrefix(name).length));
      if (parsed?.kind === 'update') lastSeq = Math.max(lastSeq, parsed.seq);
    }
    return { nextSeq: lastSeq + 1, stateSeq, pending };
  }

  private enqueue(spec: JobSpec): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...spec, resolve, reject });
      if (spec.kind !== 'logged' || this.loggedQueued > MAX_LOGGED_QUEUED / 2) this.endGather?.();
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the calls made in the same tick join the first batch.
    await Promise.resolve();
    await this.gather();
    let current = this.queue.length > 0 ? this.startGroup(this.takeGroup()) : undefined;
    while (current !== undefined) {
      const { group, written } = current;
      let after: (() => void) | undefined;
      let error: unknown;
      try {
        after = await written;
        after();
      } catch (err) {
        error = err;
      }
      // The next batch goes to the thread pool before this one's callers run: writing it overlaps with their work
      // (a room applying and relaying what was stored) instead of waiting for all of it. Appends already in the
      // write-ahead log have nobody waiting, so they gather first instead.
      current = this.queue.length > 0 && !this.onlyLogged() ? this.startGroup(this.takeGroup()) : undefined;
      if (current !== undefined) await current.issued;
      if (after === undefined) for (const job of group) job.reject(error);
      else {
        for (const job of group) job.resolve();
        if (group[0].kind === 'compact' || group[0].kind === 'delete') this.reclaim(group[0].name);
      }
      if (current === undefined && this.queue.length > 0) {
        await this.gather();
        current = this.queue.length > 0 ? this.startGroup(this.takeGroup()) : undefined;
      }
    }
    // Cleared in the same tick as the empty-queue check: a job queued by a continuation of the last resolve() must
    // start a new drain, not join one that has already finished.
    this.draining = undefined;
  }

  /**
   * When only appends already in the write-ahead log are waiting, waits a few milliseconds for more to join them:
   * nobody waits for these writes, and fewer, larger LevelDB batches leave more of the CPU to relaying. Anything
   * someone does wait for (a read, a compaction, meta, an append without the log) ends the wait at once.
   */
  private gather(): Promise<void> {
    if (this.wal === undefined || this.closed || this.loggedQueued > MAX_LOGGED_QUEUED / 2 || !this.onlyLogged()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endGather = undefined;
        resolve();
      };
      const timer = setTimeout(end, LOGGED_GATHER_MS);
      this.endGather = end;
    });
  }

  private onlyLogged(): boolean {
    return this.queue.every((job) => job.kind === 'logged');
  }

  /**
   * Plans and writes one group. `issued` resolves once the write is with LevelDB (or planning failed), `written` with
   * the group's bookkeeping once it is on disk. Groups are started one after another, never while one is writing.
   */
  private startGroup(group: Job[]): { group: Job[]; issued: Promise<void>; written: Promise<() => void> } {
    let markIssued = () => {};
    const issued = new Promise<void>((resolve) => (markIssued = resolve));
    const written = (async () => {
      try {
        const { ops, after } = await this.plan(group);
        if (ops.length > 0) {
          this.stats.batches += 1;
          const write = this.db.batch(ops, { sync: this.sync });
          markIssued();
          await write;
        }
        return after;
      } finally {
        markIssued();
      }
    })();
    // Awaited by drain() once `issued` is; this only keeps an early failure from counting as unhandled meanwhile.
    written.catch(() => {});
    return { group, issued, written };
  }

  /**
   * Deleted records stay on disk as tombstones until LevelDB compacts their key range, which it may not do for a long
   * time on a quiet store; asking for it after our compaction is what actually shrinks the files. It runs in the
   * background (writes continue meanwhile) and close() waits for it. At most once per RECLAIM_INTERVAL_MS per
   * document: a busy map compacts every second or so, and a LevelDB compaction that often took a core's worth of
   * CPU from relaying on a small machine. A reclaim asked for sooner is run when the interval is over, or at close().
   */
  private reclaim(name: string): void {
    if (this.reclaimDue.has(name)) return;
    const wait = (this.lastReclaim.get(name) ?? -Infinity) + RECLAIM_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.reclaimNow(name);
    const timer = setTimeout(() => {
      this.reclaimDue.delete(name);
      if (!this.closed) this.reclaimNow(name);
    }, wait);
    timer.unref();
    this.reclaimDue.set(name, timer);
  }

  private reclaimNow(name: string): void {
    this.lastReclaim.set(name, Date.now());
    const prefix = docPrefix(name);
    this.reclaiming = this.reclaiming
      .then(() => this.db.compactRange(prefix, prefixEnd(prefix)))
      // Only disk space is at stake: the data is already correct, and the next compaction tries again.
      .catch(() => undefined);
  }

  private takeGroup(): Job[] {
    const first = this.queue.shift();
    if (first === undefined) return [];
    if (isExclusive(first)) return [first];
    const group = [first];
    let bytes = jobBytes(first);
    while (this.queue.length > 0 && !isExclusive(this.queue[0]) && bytes < this.maxBatchBytes) {
      const next = this.queue.shift();
      if (next === undefined) break;
      bytes += jobBytes(next);
      group.push(next);
    }
    return group;
  }

  /** The batch for a group, and the in-memory bookkeeping to apply once it is written. */
  private async plan(group: Job[]): Promise<{ ops: BatchOp[]; after: () => void }> {
    const ops: BatchOp[] = [];
    const afters: (() => void)[] = [];
    for (const job of group) {
      switch (job.kind) {
        case 'append': {
          const cursor = await this.cursor(job.name);
          for (const update of job.updates) {
            // Taken before the write: a failed batch leaves a gap in the numbers, never a reused number.
            ops.push({ type: 'put', key: updateKey(job.name, cursor.nextSeq++), value: writeRecord(update) });
          }
          afters.push(() => {
            cursor.pending += job.updates.length;
            this.stats.records += job.updates.length;
          });
          break;
        }
        case 'logged': {
          for (const put of job.puts) ops.push({ type: 'put', key: put.key, value: put.value });
          const cursor = await this.cursor(job.name);
          afters.push(() => {
            cursor.pending += job.puts.length;
            this.stats.records += job.puts.length;
            this.wal?.done(job.ticket);
          });
          break;
        }
        case 'barrier':
          break;
        case 'putMeta':
          ops.push({ type: 'put', key: metaKey(job.key), value: job.bytes });
          break;
        case 'deleteMeta':
          ops.push({ type: 'del', key: metaKey(job.key) });
          break;
        case 'compact': {
          const cursor = await this.cursor(job.name);
          if (job.upToSeq < cursor.stateSeq) {
            throw new StoreError(
              'STORE_COMPACT_STALE',
              `${job.name}: compaction up to ${job.upToSeq} is older than the stored state (${cursor.stateSeq}); load again and retry`,
            );
          }
          const prefix = updatePrefix(job.name);
          let removed = 0;
          for await (const key of this.db.keys({ gte: prefix, lte: updateKey(job.name, job.upToSeq) })) {
            ops.push({ type: 'del', key });
            removed += 1;
          }
          ops.push({ type: 'put', key: stateKey(job.name), value: writeStateRecord(job.upToSeq, job.state) });
          afters.push(() => {
            cursor.pending -= removed;
            cursor.stateSeq = job.upToSeq;
            cursor.nextSeq = Math.max(cursor.nextSeq, job.upToSeq + 1);
          });
          break;
        }
        case 'delete': {
          const cursor = await this.cursor(job.name);
          const prefix = docPrefix(job.name);
          for await (const key of this.db.keys({ gte: prefix, lt: prefixEnd(prefix) })) ops.push({ type: 'del', key });
          // nextSeq stays: numbers handed out in this process never repeat, even for a recreated document.
          afters.push(() => {
            cursor.pending = 0;
            cursor.stateSeq = 0;
          });
          break;
        }
      }
    }
    return { ops, after: () => afters.forEach((f) => f()) };
  }
}

function jobBytes(job: Job): number {
  if (job.kind === 'append') return job.updates.reduce((sum, u) => sum + u.length + 64, 0);
  if (job.kind === 'logged') return job.puts.reduce((sum, p) => sum + p.value.length + 64, 0);
  if (job.kind === 'putMeta') return job.bytes.length + 64;
  return 64;
}

/**
 * Writes what the write-ahead log held into LevelDB, in order. An update already covered by the document's compacted
 * state is skipped (the compaction that removed it ran after it was logged), and a logged delete removes the document
 * again, so a replay never brings back what was compacted away or deleted.
 */
async function replay(db: LevelDb, records: WalRecord[]): Promise<void> {
  const stateSeqs = new Map<string, number>();
  const stateSeqOf = async (name: string): Promise<number> => {
    let seq = stateSeqs.get(name);
    if (seq === undefined) {
      const bytes = await db.get(stateKey(name));
      const state = bytes === undefined ? undefined : readStateRecord(bytes);
      seq = state !== undefined && 'seq' in state ? state.seq : 0;
      stateSeqs.set(name, seq);
    }
    return seq;
  };
  let ops: BatchOp[] = [];
  const flush = async () => {
    if (ops.length > 0) await db.batch(ops);
    ops = [];
  };
  for (const record of records) {
    if (record.kind === 'deleteDoc') {
      // The keys to remove are read from LevelDB, so what came before must be in it.
      await flush();
      const prefix = docPrefix(record.name);
      for await (const key of db.keys({ gte: prefix, lt: prefixEnd(prefix) })) ops.push({ type: 'del', key });
      await flush();
      stateSeqs.set(record.name, 0);
      continue;
    }
    for (const put of record.puts) {
      const name = docNameOf(put.key);
      const parsed = name === undefined ? undefined : parseDocSuffix(put.key.slice(docPrefix(name).length));
      if (name !== undefined && parsed?.kind === 'update' && parsed.seq <= (await stateSeqOf(name))) continue;
      ops.push({ type: 'put', key: put.key, value: put.value });
    }
    if (ops.length >= 4096) await flush();
  }
  await flush();
}
