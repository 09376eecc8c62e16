import type { WalTicket, WriteAheadLog } from './WriteAheadLog.js';

type Put = { key: string; value: Uint8Array };

interface Waiting {
  name: string;
  puts: Put[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** What became of one write of the log: what it held per document, for the store's bookkeeping. */
export interface LoggedWrite {
  puts: Put[];
  /** Update records per document in this write. */
  counts: Map<string, number>;
  ticket: WalTicket;
}

/**
 * Gathers the appends of one turn of the event loop into one write() of the log. Rooms store what arrived together
 * per turn, but a server with a hundred busy maps made a hundred synchronous writes per turn (measured: p99 88 ms
 * against 57 ms for LevelDB's own group commit, in BENCHMARKS.md); one write for all of them keeps the log's gain
 * for one busy map without that cost. Every caller still resumes only after its own record is written.
 */
export class LogWriteBatch {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly wal: WriteAheadLog,
    /** Hands a written record on (to LevelDB, in the background); resolves when its callers may go on. */
    private readonly written: (write: LoggedWrite) => Promise<void>,
    /** Turns a failed write into the error callers get. */
    private readonly failed: (err: unknown) => unknown,
  ) {}

  /** Writes `puts` with the others of this turn; resolves once they are in the log. */
  add(name: string, puts: Put[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ name, puts, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After the rooms that run in this turn have all asked (their pumps start from setImmediate too).
      setImmediate(() => this.flush());
    });
  }

  /**
   * Writes whatever waits, now. Called before any other record goes to the log (a document's delete), so the log
   * keeps the order in which things were asked for.
   */
  flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    const puts = batch.length === 1 ? batch[0].puts : batch.flatMap((w) => w.puts);
    let ticket: WalTicket;
    try {
      ticket = this.wal.write({ kind: 'puts', puts });
    } catch (err) {
      const error = this.failed(err);
      for (const w of batch) w.reject(error);
      return;
    }
    const counts = new Map<string, number>();
    for (const w of batch) counts.set(w.name, (counts.get(w.name) ?? 0) + w.puts.length);
    this.written({ puts, counts, ticket }).then(
      () => batch.forEach((w) => w.resolve()),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
  }
}
