import type { LevelDb } from './openLevelWithRepair.js';
import { StoreError } from './StoreError.js';
import { isExclusive, jobBytes, type Job, type JobSpec, type PlannedBatch } from './storeJobs.js';

/** What the queue needs from the store it writes for. */
export interface GroupCommitHost {
  /** The LevelDB batch for a group, and what to update in memory once it is written. */
  plan(group: Job[]): Promise<PlannedBatch>;
  /**
   * Whether appends already in the write-ahead log may wait a few milliseconds for others to share their batch:
   * only while a log is in use, the store is open, and not too many are waiting already.
   */
  mayGather(): boolean;
  /** After a group's callers were told it is written. */
  written(group: Job[]): void;
}

/** How long appends already in the write-ahead log wait for others to share their LevelDB batch. */
const LOGGED_GATHER_MS = 25;

/**
 * Group commit: all writes go through one queue. While a batch is being written, new writes wait in the queue and
 * are then written together in the next batch: one LevelDB write for many appends, and since the queue is FIFO the
 * order per document is the order of the calls. Each caller's promise resolves after the batch holding its records
 * is written, never before.
 */
export class GroupCommit {
  /** LevelDB batch() calls issued. */
  batches = 0;
  private readonly queue: Job[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  /** Ends a gather() wait early. */
  private endGather: (() => void) | undefined;

  constructor(
    private readonly db: LevelDb,
    private readonly host: GroupCommitHost,
    private readonly options: { sync: boolean; maxBatchBytes: number },
  ) {}

  /** Whether anything is queued or being written. */
  get busy(): boolean {
    return this.draining !== undefined || this.queue.length > 0;
  }

  enqueue(spec: JobSpec): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the store is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...spec, resolve, reject });
      if (spec.kind !== 'logged' || !this.host.mayGather()) this.endGather?.();
      this.draining ??= this.drain();
    });
  }

  /** Writes what is queued, then takes nothing more. */
  async close(): Promise<void> {
    this.closed = true;
    this.endGather?.();
    await this.draining;
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
        this.host.written(group);
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
    if (this.closed || !this.host.mayGather() || !this.onlyLogged()) return Promise.resolve();
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
        const { ops, after } = await this.host.plan(group);
        if (ops.length > 0) {
          this.batches += 1;
          const write = this.db.batch(ops, { sync: this.options.sync });
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

  private takeGroup(): Job[] {
    const first = this.queue.shift();
    if (first === undefined) return [];
    if (isExclusive(first)) return [first];
    const group = [first];
    let bytes = jobBytes(first);
    while (this.queue.length > 0 && !isExclusive(this.queue[0]) && bytes < this.options.maxBatchBytes) {
      const next = this.queue.shift();
      if (next === undefined) break;
      bytes += jobBytes(next);
      group.push(next);
    }
    return group;
  }
}
