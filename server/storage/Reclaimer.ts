import type { LevelDb } from './openLevelWithRepair.js';
import { docPrefix, prefixEnd } from './storeKeys.js';

/** Shortest time between two LevelDB compactions of one document's key range. */
const RECLAIM_INTERVAL_MS = 10_000;

/**
 * Deleted records stay on disk as tombstones until LevelDB compacts their key range, which it may not do for a long
 * time on a quiet store; asking for it after our compaction is what actually shrinks the files. It runs in the
 * background (writes continue meanwhile) and close() waits for it. At most once per RECLAIM_INTERVAL_MS per
 * document: a busy map compacts every second or so, and a LevelDB compaction that often took a core's worth of
 * CPU from relaying on a small machine. A reclaim asked for sooner is run when the interval is over, or at close().
 */
export class Reclaimer {
  private reclaiming: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly last = new Map<string, number>();
  private readonly due = new Map<string, NodeJS.Timeout>();

  constructor(private readonly db: LevelDb) {}

  /** Asks for a document's deleted records to be reclaimed, now or when its interval is over. */
  reclaim(name: string): void {
    if (this.closed || this.due.has(name)) return;
    const wait = (this.last.get(name) ?? -Infinity) + RECLAIM_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.now(name);
    const timer = setTimeout(() => {
      this.due.delete(name);
      if (!this.closed) this.now(name);
    }, wait);
    timer.unref();
    this.due.set(name, timer);
  }

  /** Runs the reclaims still waiting for their interval, and waits for all of them. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [name, timer] of this.due) {
      clearTimeout(timer);
      this.now(name);
    }
    this.due.clear();
    await this.reclaiming;
  }

  private now(name: string): void {
    this.last.set(name, Date.now());
    const prefix = docPrefix(name);
    this.reclaiming = this.reclaiming
      .then(() => this.db.compactRange(prefix, prefixEnd(prefix)))
      // Only disk space is at stake: the data is already correct, and the next compaction tries again.
      .catch(() => undefined);
  }
}
