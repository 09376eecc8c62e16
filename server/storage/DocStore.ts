/**
 * What the server needs from storage. LevelDB (embedded, the default) implements it; a server-grade engine
 * (PostgreSQL, …) can replace it later without touching rooms or connections.
 *
 * Names are document names as the server uses them: `<room>` and `<room>.private`.
 */
export interface StoredDoc {
  /** Updates in the order they were appended, starting with the compacted state if there is one. */
  updates: Uint8Array[];
  /** Sequence number of the last update returned; pass it to compact() so later appends are kept. */
  lastSeq: number;
  /** Records that could not be read (damaged on disk) and were skipped; each names its key and why. */
  skipped: { key: string; reason: string }[];
}

export interface DocStore {
  /** Reads everything stored for one document. Unknown names give an empty result. */
  load(name: string): Promise<StoredDoc>;
  /**
   * Appends updates durably: when the promise resolves, the updates survive a kill -9 of the process.
   * Concurrent calls are batched into one write where possible; order of appends is preserved.
   */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Replaces everything up to and including `upToSeq` with one merged state; later appends are kept. */
  compact(name: string, state: Uint8Array, upToSeq: number): Promise<void>;
  /**
   * Sequence number of the last update appended so far (0 when none): what compact()'s upToSeq must be to cover
   * everything stored. Cheap: kept in memory, unlike load().
   */
  lastSeq(name: string): Promise<number>;
  /** Number of update records stored after the last compaction (compaction is triggered when it grows). */
  pendingCount(name: string): Promise<number>;
  /** Removes every record of the document. */
  delete(name: string): Promise<void>;
  /**
   * Makes a document hold exactly `updates`, where delete-then-append would not do (PostgreSQL keeps a deleted
   * document deleted). Only while no server uses the store (restore).
   */
  replace?(name: string, updates: Uint8Array[]): Promise<void>;
  /** Names of every stored document. */
  list(): Promise<string[]>;
  /** Small key/value records for server metadata (room titles, link generations, …), JSON-serialisable. */
  getMeta<T>(key: string): Promise<T | undefined>;
  putMeta<T>(key: string, value: T): Promise<void>;
  deleteMeta(key: string): Promise<void>;
  listMeta(prefix: string): Promise<{ key: string; value: unknown }[]>;
  /**
   * Runs `work` while holding a lock on `key` that every instance sharing this storage respects (PostgreSQL: an
   * advisory lock). Absent where one process owns the storage: a KeyedSerial in that process is enough.
   */
  lock?<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Waits for pending writes and closes the store. */
  close(): Promise<void>;
}
