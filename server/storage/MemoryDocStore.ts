import type { DocStore, StoredDoc } from './DocStore';

interface MemoryDoc {
  /** Records by sequence number; the compacted state, when there is one, sits at its own sequence number. */
  records: Map<number, Uint8Array>;
  nextSeq: number;
  pending: number;
}

/**
 * DocStore in memory: for unit tests and STORAGE=memory (nothing survives a restart). Copies bytes in and out
 * so callers cannot change what is stored by reusing a buffer.
 */
export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<string, MemoryDoc>();
  private readonly meta = new Map<string, string>();
  private closed = false;

  private doc(name: string): MemoryDoc {
    let d = this.docs.get(name);
    if (!d) {
      d = { records: new Map(), nextSeq: 1, pending: 0 };
      this.docs.set(name, d);
    }
    return d;
  }

  private check(): void {
    if (this.closed) throw new Error('STORE_CLOSED');
  }

  async load(name: string): Promise<StoredDoc> {
    this.check();
    const d = this.docs.get(name);
    if (!d) return { updates: [], lastSeq: 0, skipped: [] };
    const seqs = [...d.records.keys()].sort((a, b) => a - b);
    return { updates: seqs.map((s) => d.records.get(s)!.slice()), lastSeq: d.nextSeq - 1, skipped: [] };
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    this.check();
    const d = this.doc(name);
    for (const u of updates) {
      d.records.set(d.nextSeq++, u.slice());
      d.pending++;
    }
  }

  async compact(name: string, state: Uint8Array, upToSeq: number): Promise<void> {
    this.check();
    const d = this.doc(name);
    for (const seq of [...d.records.keys()]) if (seq <= upToSeq) d.records.delete(seq);
    d.records.set(upToSeq, state.slice());
    // Only the appends after upToSeq remain uncompacted.
    d.pending = d.records.size - 1;
  }

  async lastSeq(name: string): Promise<number> {
    const d = this.docs.get(name);
    return d === undefined ? 0 : d.nextSeq - 1;
  }

  async pendingCount(name: string): Promise<number> {
    this.check();
    return this.docs.get(name)?.pending ?? 0;
  }

  async delete(name: string): Promise<void> {
    this.check();
    this.docs.delete(name);
  }

  async list(): Promise<string[]> {
    this.check();
    return [...this.docs.keys()].sort();
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    this.check();
    const v = this.meta.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  async putMeta<T>(key: string, value: T): Promise<void> {
    this.check();
    this.meta.set(key, JSON.stringify(value));
  }

  async deleteMeta(key: string): Promise<void> {
    this.check();
    this.meta.delete(key);
  }

  async listMeta(prefix: string): Promise<{ key: string; value: unknown }[]> {
    this.check();
    return [...this.meta.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, v]) => ({ key, value: JSON.parse(v) as unknown }));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
