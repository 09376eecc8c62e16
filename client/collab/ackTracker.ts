/**
 * Counts this browser's changes the server has not confirmed yet. y-websocket has no acknowledgements, so
 * confirmation is read from what the server sends, never assumed:
 * - the server's sync step 1 names its state vector;
 * - any sync step 2 from the server holds, per client, the server's items from the clock we asked from
 *   (so its end clock is a lower bound of the server's clock) and the server's whole delete set.
 * Our server applies an update to its document only after storing it, so both are proof of durable storage.
 * To learn about our own items, a probe asks (sync step 1) from the last clock the server is known to have.
 * Pure and serialisable, so the count survives a reload (edits kept in IndexedDB are still unsent).
 */
export type StateVector = Map<number, number>;

/** Deleted ids as ranges: `[client, clock, length]`. */
export type DeleteRange = [number, number, number];
/** A delete set by client, each list of `{clock, len}` as Yjs writes them. */
export type DeleteIndex = Map<number, readonly { clock: number; len: number }[]>;

interface PendingChange {
  client: number;
  /** The client's clock after the change; 0 when it inserted nothing. */
  clock: number;
  inserts: boolean;
  deletes: DeleteRange[];
  at: number;
}

export interface AckTrackerState {
  server: [number, number][];
  pending: [number, number, boolean, DeleteRange[], number][];
}

/** Changes within this many ms of each other count as one (a drag sends a transaction per frame). */
export const COALESCE_MS = 500;
const MAX_PENDING = 10_000;

/** Whether the ranges in `index` cover [clock, clock + len) completely. */
function covered(index: DeleteIndex, [client, clock, len]: DeleteRange): boolean {
  const items = index.get(client);
  if (!items) return false;
  let reached = clock;
  const end = clock + len;
  // Items are sorted by clock; walk them, extending the covered prefix.
  for (const it of items) {
    if (it.clock > reached) {
      if (it.clock >= end) break;
      return false;
    }
    reached = Math.max(reached, it.clock + it.len);
    if (reached >= end) return true;
  }
  return reached >= end;
}

export class AckTracker {
  private server: StateVector = new Map();
  private pending: PendingChange[] = [];

  recordLocal(change: { client: number; clock: number; inserts: boolean; deletes: DeleteRange[] }, now: number): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.client === change.client && now - last.at < COALESCE_MS) {
      last.clock = Math.max(last.clock, change.clock);
      last.inserts = last.inserts || change.inserts;
      last.deletes.push(...change.deletes);
      last.at = now;
    } else {
      this.pending.push({ ...change, deletes: [...change.deletes], at: now });
      if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    }
  }

  /** Evidence from the server: clocks it has reached, and (from a sync step 2) its whole delete set. */
  learn(evidence: { clocks?: StateVector; deletes?: DeleteIndex }): void {
    if (evidence.clocks) {
      for (const [client, clock] of evidence.clocks) if (clock > (this.server.get(client) ?? 0)) this.server.set(client, clock);
    }
    const ds = evidence.deletes;
    this.pending = this.pending.filter((p) => {
      const insertsDone = !p.inserts || (this.server.get(p.client) ?? 0) >= p.clock;
      if (!insertsDone) return true;
      if (p.deletes.length === 0) return false;
      if (!ds) return true;
      if (p.deletes.every((r) => covered(ds, r))) return false;
      return true;
    });
  }

  /**
   * The state vector to send in a probe: ours, except that for clients with unconfirmed insertions it names
   * the last clock the server is known to have, so the answer shows how far the server got.
   */
  probeVector(local: StateVector): StateVector {
    const sv = new Map(local);
    for (const p of this.pending) {
      if (!p.inserts) continue;
      const known = Math.min(this.server.get(p.client) ?? 0, local.get(p.client) ?? 0);
      if (known < (sv.get(p.client) ?? 0)) sv.set(p.client, known);
    }
    return sv;
  }

  /** Drops insertions the local document no longer has (a crash before IndexedDB stored them): they cannot be sent. */
  forgetMissing(local: StateVector): void {
    this.pending = this.pending.filter((p) => !p.inserts || (local.get(p.client) ?? 0) >= p.clock);
  }

  unsentCount(): number {
    return this.pending.length;
  }

  toJSON(): AckTrackerState {
    return {
      server: [...this.server],
      pending: this.pending.map((p) => [p.client, p.clock, p.inserts, p.deletes, p.at]),
    };
  }

  /** Restores from storage; anything malformed is dropped rather than trusted. */
  static restore(value: unknown): AckTracker {
    const t = new AckTracker();
    if (typeof value !== 'object' || value === null) return t;
    const server: unknown = Reflect.get(value, 'server');
    const pending: unknown = Reflect.get(value, 'pending');
    const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    const isRange = (r: unknown): r is DeleteRange => Array.isArray(r) && r.length === 3 && r.every(isNum);
    if (Array.isArray(server)) {
      for (const e of server) if (Array.isArray(e) && isNum(e[0]) && isNum(e[1])) t.server.set(e[0], e[1]);
    }
    if (Array.isArray(pending)) {
      for (const e of pending) {
        if (!Array.isArray(e) || !isNum(e[0]) || !isNum(e[1]) || typeof e[2] !== 'boolean' || !Array.isArray(e[3]) || !isNum(e[4])) continue;
        const deletes: unknown[] = e[3];
        if (!deletes.every(isRange)) continue;
        t.pending.push({ client: e[0], clock: e[1], inserts: e[2], deletes: deletes.filter(isRange), at: e[4] });
      }
    }
    t.learn({});
    return t;
  }
}
