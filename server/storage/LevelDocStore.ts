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
import { WriteAheadLog, type WalIo, type WalTicket } from './WriteAheadLog.js';
import { GroupCommit } from './GroupCommit.js';
import { LogWriteBatch, type LoggedWrite } from './LogWriteBatch.js';
import { Reclaimer } from './Reclaimer.js';
import { replayWal } from './replayWal.js';
import type { BatchOp, Job, JobSpec, PlannedBatch } from './storeJobs.js';
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
  /** The log's file operations (tests inject failures). */
  walIo?: WalIo;
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

/** Appends that may wait for LevelDB in memory before new ones wait for their own LevelDB write. */
const MAX_LOGGED_QUEUED = 4096;

/**
 * The embedded DocStore: LevelDB through classic-level. Key layout in storeKeys.ts, value framing in storeRecord.ts.
 * Writes go through one queue with group commit (GroupCommit.ts); appends go first to the write-ahead log
 * (WriteAheadLog.ts), which is replayed on open (replayWal.ts); compactions and deletes ask LevelDB to reclaim the
 * space afterwards (Reclaimer.ts).
 *
 * Fails closed: once LevelDB refused a write the log holds, or the log itself failed, the store takes no more
 * changes and serves no reads (they would miss what only the log holds), and says why with a code; the log stays
 * on disk for the next start.
 */
export class LevelDocStore implements DocStore {
  /** What opening the store found and did; the server logs it. */
  readonly recoveryReport: RecoveryReport;
  /** Meta records that were damaged on disk and read as absent, with why; the server may log them. */
  readonly damagedMeta: { key: string; reason: string }[] = [];

  private readonly db: LevelDb;
  private readonly cursors = new Map<string, Promise<Cursor>>();
  private readonly commits: GroupCommit;
  private readonly reclaimer: Reclaimer;
  private closed = false;
  /** Cursors already read, for appends that go to the write-ahead log without waiting. */
  private readonly knownCursors = new Map<string, Cursor>();
  /** A background write that failed: the data is safe in the log, but LevelDB is behind, so appends stop. */
  private backgroundError: unknown;
  /** Appends acknowledged from the log and not yet in LevelDB. */
  private loggedQueued = 0;
  /** The appends of one event-loop turn, written to the log together. */
  private readonly logWrites: LogWriteBatch | undefined;

  private constructor(db: LevelDb, report: RecoveryReport, options: LevelDocStoreOptions, private readonly wal: WriteAheadLog | undefined) {
    this.db = db;
    this.recoveryReport = report;
    this.reclaimer = new Reclaimer(db);
    this.logWrites = wal
      ? new LogWriteBatch(
          wal,
          (write) => this.logged(write),
          (err) => this.failure() ?? new StoreError('STORE_WAL_WRITE_FAILED', `the write-ahead log could not be written: ${errorText(err)}`),
        )
      : undefined;
    this.commits = new GroupCommit(
      db,
      {
        plan: (group) => this.plan(group),
        mayGather: () => this.wal !== undefined && !this.closed && this.loggedQueued <= MAX_LOGGED_QUEUED / 2,
        written: (group) => {
          const first = group[0];
          if (first.kind === 'compact' || first.kind === 'delete') this.reclaimer.reclaim(first.name);
        },
      },
      { sync: options.sync ?? false, maxBatchBytes: options.maxBatchBytes ?? 8 * 1024 * 1024 },
    );
  }

  /** Counters for tests and monitoring. */
  get stats(): LevelDocStoreStats {
    return { batches: this.commits.batches, records: this.records };
  }
  private records = 0;

  /** Opens (creating or repairing when needed) the store in `dir`. Only one process may hold it. */
  static async open(dir: string, options: LevelDocStoreOptions = {}): Promise<LevelDocStore> {
    const { db, report } = await openLevelWithRepair(dir);
    // Whatever the log holds was acknowledged before the last stop; LevelDB gets it before anything is read.
    const recovered = WriteAheadLog.recover(dir);
    if (recovered.records.length > 0) {
      await replayWal(db, recovered.records, options.sync ?? false);
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
    const wal = useWal ? WriteAheadLog.start(dir, { io: options.walIo }) : undefined;
    return new LevelDocStore(db, report, options, wal);
  }

  async load(name: string): Promise<StoredDoc> {
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
    const logWrites = this.logWrites;
    if (logWrites === undefined) return this.enqueue({ kind: 'append', name, updates });
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed'));
    const failure = this.failure();
    if (failure) return Promise.reject(failure);
    const cursor = this.knownCursors.get(name);
    // The first append of a document reads its numbering from disk, so it takes the slower path once.
    if (cursor === undefined) return this.enqueue({ kind: 'append', name, updates });
    // Numbers are taken before the write: a failed write leaves a gap, never a reused number.
    const puts = updates.map((u) => ({ key: updateKey(name, cursor.nextSeq++), value: writeRecord(u) }));
    return logWrites.add(name, puts);
  }

  /** A record is in the log: LevelDB gets it with the next group commit, and reads wait for that (caughtUp). */
  private logged(write: LoggedWrite): Promise<void> {
    this.loggedQueued += 1;
    const written = this.enqueue({ kind: 'logged', ...write }).then(
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
    // A compaction from a document that misses what only the log holds would let the next replay skip it.
    return this.enqueue({ kind: 'compact', name, state, upToSeq });
  }

  async lastSeq(name: string): Promise<number> {
    this.assertHealthy();
    // nextSeq moves when an append is logged or a batch is planned; callers that wait for their appends (the room's
    // pump) see it settled.
    return (await this.cursor(name)).nextSeq - 1;
  }

  async pendingCount(name: string): Promise<number> {
    await this.caughtUp();
    return (await this.cursor(name)).pending;
  }

  delete(name: string): Promise<void> {
    const wal = this.wal;
    if (wal === undefined || this.closed) return this.enqueue({ kind: 'delete', name });
    const failure = this.failure();
    if (failure) return Promise.reject(failure);
    // In the log too, in order with the appends: a replay must not bring back what came before the delete.
    this.logWrites?.flush();
    let ticket: WalTicket;
    try {
      ticket = wal.write({ kind: 'deleteDoc', name });
    } catch (err) {
      return Promise.reject(this.failure() ?? new StoreError('STORE_WAL_WRITE_FAILED', `${name}: the write-ahead log could not be written: ${errorText(err)}`));
    }
    // Done only once LevelDB holds it: when LevelDB refused, the log keeps the delete for the next start's replay,
    // and the store stops, since LevelDB now holds a document the log says is gone.
    return this.enqueue({ kind: 'delete', name }).then(
      () => wal.done(ticket),
      (err: unknown) => {
        this.backgroundError ??= err;
        throw err;
      },
    );
  }

  async list(): Promise<string[]> {
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
    this.assertHealthy();
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
    this.assertHealthy();
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
    // A backup of LevelDB alone would miss what only the log holds: it fails instead.
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
    this.logWrites?.flush();
    this.closed = true;
    await this.commits.close();
    await this.reclaimer.close();
    // With a failed background write, the log is the only copy of some appends: it stays for the next open.
    this.wal?.close(this.backgroundError === undefined);
    await this.db.close();
  }

  /**
   * Resolves once everything queued before the call is in LevelDB; throws when the store has failed (a read of
   * LevelDB would then miss what only the log holds).
   */
  private async caughtUp(): Promise<void> {
    this.assertHealthy();
    this.logWrites?.flush();
    if (this.wal !== undefined && this.commits.busy) await this.enqueue({ kind: 'barrier' });
    this.assertHealthy();
  }

  /** Why the store takes no more changes, or undefined while it is sound. */
  private failure(): StoreError | undefined {
    if (this.backgroundError !== undefined) {
      return new StoreError(
        'STORE_BACKGROUND_WRITE_FAILED',
        `LevelDB could not take what the write-ahead log holds (${errorText(this.backgroundError)}); nothing is lost, restart the server`,
      );
    }
    const walFailure = this.wal?.failure;
    if (walFailure) return new StoreError(walFailure.code, `${walFailure.detail}; nothing is lost, restart the server`);
    return undefined;
  }

  private assertHealthy(): void {
    if (this.closed) throw new StoreError('STORE_CLOSED', 'the store is closed');
    const failure = this.failure();
    if (failure) throw failure;
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

  /** Queues a write; every write but the log's own bookkeeping is refused once the store has failed. */
  private enqueue(spec: JobSpec): Promise<void> {
    if (spec.kind !== 'logged' && spec.kind !== 'barrier' && !this.closed) {
      const failure = this.failure();
      if (failure) return Promise.reject(failure);
    }
    return this.commits.enqueue(spec);
  }

  /** The batch for a group, and the in-memory bookkeeping to apply once it is written. */
  private async plan(group: Job[]): Promise<PlannedBatch> {
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
            this.records += job.updates.length;
          });
          break;
        }
        case 'logged': {
          for (const put of job.puts) ops.push({ type: 'put', key: put.key, value: put.value });
          const cursors = await Promise.all([...job.counts].map(async ([name, count]) => ({ cursor: await this.cursor(name), count })));
          afters.push(() => {
            for (const { cursor, count } of cursors) cursor.pending += count;
            this.records += job.puts.length;
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
