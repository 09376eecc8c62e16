import type { SeqRecord } from '../storage/PgDocStore';

/** One stream entry: updates stored under sequence numbers first..last (one transaction on one instance). */
export interface SeqEntry<O> {
  first: number;
  last: number;
  updates: Uint8Array[];
  /** The sockets the updates came from, when they came from this instance (not sent back to them). */
  origins: (O | null)[];
}

/**
 * How long a gap may wait for the stream before it is read from the database. Two instances that commit one
 * after the other often publish in the other order; the missing entry is then a millisecond away, and reading it
 * from the database meanwhile would only cost a query. A real gap (an instance died between its commit and its
 * publish) costs this much once.
 */
const GAP_WAIT_MS = 25;

/**
 * Applies a document's stored updates in sequence order, exactly once, whatever order the stream delivers them
 * in: entries already applied are dropped, entries after a gap wait for it, and a gap that the stream does not
 * fill within GAP_WAIT_MS (an instance died between its commit and its publish, a restarted or trimmed stream)
 * is read from the database. Since an append holds the document's row lock until it commits, a number seen on
 * the stream means every smaller number is committed, so the database always has what the gap misses.
 */
export class SeqFollower<O> {
  /** Everything up to here is applied. */
  seq = 0;
  private chain: Promise<void>;
  private startChain!: () => void;
  /** Entries that arrived after a gap, by their first number. */
  private readonly waiting: SeqEntry<O>[] = [];
  private gapTimer: NodeJS.Timeout | null = null;
  private readonly waiters: { seq: number; resolve(): void; reject(err: unknown): void }[] = [];
  private stopped: Error | null = null;

  constructor(
    private readonly apply: (updates: Uint8Array[], origins: (O | null)[]) => void,
    private readonly readSince: (afterSeq: number) => Promise<SeqRecord[]>,
    private readonly onError: (err: unknown) => void,
    private readonly gapWaitMs = GAP_WAIT_MS,
  ) {
    // Entries that arrive while the document loads wait here until start() says what the load covered.
    this.chain = new Promise((resolve) => (this.startChain = resolve));
  }

  /** The stored state up to `seq` is in the document: apply what came meanwhile. */
  start(seq: number): void {
    this.seq = seq;
    this.startChain();
  }

  receive(entry: SeqEntry<O>): void {
    if (this.stopped) return;
    const at = this.waiting.findIndex((e) => e.first > entry.first);
    this.waiting.splice(at < 0 ? this.waiting.length : at, 0, entry);
    void this.enqueue(async () => this.drain());
  }

  /** Applies whatever the database has beyond what was applied (a periodic check, or after a stream loss). */
  catchUp(): Promise<void> {
    return this.enqueue(async () => {
      await this.fill(Infinity);
      this.drain();
    });
  }

  /** Resolves once everything up to `seq` is applied (an update this instance stored and published). */
  applied(seq: number): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (seq <= this.seq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Fails every waiter: the document is going away or its stream is lost. */
  stop(err: Error): void {
    this.stopped = err;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.waiting.length = 0;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  /** Applies the waiting entries that follow on what is applied; a gap before the rest starts its timer. */
  private drain(): void {
    while (this.waiting.length > 0 && this.waiting[0].first <= this.seq + 1) {
      const entry = this.waiting.shift()!;
      if (entry.last <= this.seq) continue;
      // Part of the entry may already be in (a catch-up read it from the database while it was on its way).
      const skip = this.seq + 1 - entry.first;
      this.apply(entry.updates.slice(skip), entry.origins.slice(skip));
      this.seq = entry.last;
    }
    if (this.waiting.length === 0) {
      if (this.gapTimer) clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else if (this.gapTimer === null) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        void this.enqueue(async () => {
          if (this.waiting.length > 0 && this.waiting[0].first > this.seq + 1) await this.fill(this.waiting[0].first - 1);
          this.drain();
        });
      }, this.gapWaitMs);
    }
  }

  private async fill(upTo: number): Promise<void> {
    const rows = await this.readSince(this.seq);
    // The first row may be a compacted state beyond `upTo`: it covers the gap (and more), so it is applied whole.
    const wanted = rows.filter((r, i) => i === 0 || r.seq <= upTo);
    if (wanted.length === 0) return;
    this.apply(
      wanted.map((r) => r.bytes),
      wanted.map(() => null),
    );
    this.seq = wanted[wanted.length - 1].seq;
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await step();
      } catch (err) {
        this.onError(err);
      }
      this.settle();
    });
    this.chain = run;
    return run;
  }

  private settle(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].seq > this.seq) continue;
      this.waiters[i].resolve();
      this.waiters.splice(i, 1);
    }
  }
}
