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
  | { kind: 'putMeta'; key: string; bytes: Uint8Array }
  | { kind: 'deleteMeta'; key: string }
  | { kind: 'compact'; name: string; state: Uint8Array; upToSeq: number }
  | { kind: 'delete'; name: string };

type Job = JobSpec & { resolve: () => void; reject: (error: unknown) => void };

type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

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

  private constructor(db: LevelDb, report: RecoveryReport, options: LevelDocStoreOptions) {
    this.db = db;
    this.recoveryReport = report;
    this.sync = options.sync ?? false;
    this.maxBatchBytes = options.maxBatchBytes ?? 8 * 1024 * 1024;
  }

  /** Opens (creating or repairing when needed) the store in `dir`. Only one process may hold it. */
  static async open(dir: string, options: LevelDocStoreOptions = {}): Promise<LevelDocStore> {
    const { db, report } = await openLevelWithRepair(dir);
    return new LevelDocStore(db, report, options);
  }

  async load(name: string): Promise<StoredDoc> {
    this.assertOpen();
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
    return this.enqueue({ kind: 'append', name, updates });
  }

  compact(name: string, state: Uint8Array, upToSeq: number): Promise<void> {
    return this.enqueue({ kind: 'compact', name, state, upToSeq });
  }

  async lastSeq(name: string): Promise<number> {
    this.assertOpen();
    // nextSeq moves when a batch is planned; callers that wait for their appends (the room's pump) see it settled.
    return (await this.cursor(name)).nextSeq - 1;
  }

  async pendingCount(name: string): Promise<number> {
    this.assertOpen();
    return (await this.cursor(name)).pending;
  }

  delete(name: string): Promise<void> {
    return this.enqueue({ kind: 'delete', name });
  }

  async list(): Promise<string[]> {
    this.assertOpen();
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
    await this.draining;
    await this.reclaiming;
    await this.db.close();
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
      cursor.catch(() => this.cursors.delete(name));
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
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the calls made in the same tick join the first batch.
    await Promise.resolve();
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
      // (a room applying and relaying what was stored) instead of waiting for all of it.
      current = this.queue.length > 0 ? this.startGroup(this.takeGroup()) : undefined;
      if (current !== undefined) await current.issued;
      if (after === undefined) {
        for (const job of group) job.reject(error);
        continue;
      }
      for (const job of group) job.resolve();
      if (group[0].kind === 'compact' || group[0].kind === 'delete') this.reclaim(group[0].name);
    }
    // Cleared in the same tick as the empty-queue check: a job queued by a continuation of the last resolve() must
    // start a new drain, not join one that has already finished.
    this.draining = undefined;
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
   * time on a quiet store; asking for it right after our compaction is what actually shrinks the files. It runs in the
   * background (writes continue meanwhile) and close() waits for it.
   */
  private reclaim(name: string): void {
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
  if (job.kind === 'putMeta') return job.bytes.length + 64;
  return 64;
}
