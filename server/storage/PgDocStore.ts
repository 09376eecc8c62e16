import pg from 'pg';
import type { DocStore, StoredDoc } from './DocStore';
import type { SnapshotEntry } from './LevelDocStore';
import { StoreError } from './StoreError';
import { errorText } from '../log';

/** One stored row of a document: an update, or the compacted state that covers every sequence number up to its own. */
export interface SeqRecord {
  seq: number;
  bytes: Uint8Array;
}

/**
 * Tables of one Mantelkaart database. `mk_docs.last_seq` hands out each document's sequence numbers: an append
 * takes the row lock, so appends to one document commit in the order of their numbers, on every instance. That
 * order is what lets an instance that sees a gap on the Redis stream know the missing rows are already committed.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS mk_docs (
  name text COLLATE "C" PRIMARY KEY,
  last_seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS mk_updates (
  doc text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  is_state boolean NOT NULL DEFAULT false,
  data bytea NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE TABLE IF NOT EXISTS mk_meta (
  key text COLLATE "C" PRIMARY KEY,
  value jsonb NOT NULL
);
`;

/**
 * Numbers the updates after the document's last one and stores them; no row when the document was deleted.
 * Named, so each connection parses and plans it once. One update (the usual case) goes as a plain bytea
 * parameter, which node-postgres sends as binary; several go as an array.
 */
const NUMBERED = `
WITH numbered AS (
  INSERT INTO mk_docs (name, last_seq) VALUES ($1, $2)
  ON CONFLICT (name) DO UPDATE SET last_seq = mk_docs.last_seq + $2 WHERE NOT mk_docs.deleted
  RETURNING last_seq
)`;
const APPEND_ONE = {
  name: 'mk_append_one',
  text: `${NUMBERED} INSERT INTO mk_updates (doc, seq, data) SELECT $1, numbered.last_seq, $3::bytea FROM numbered RETURNING seq`,
};
const APPEND_MANY = {
  name: 'mk_append_many',
  text: `${NUMBERED} INSERT INTO mk_updates (doc, seq, data)
SELECT $1, numbered.last_seq - $2 + t.n, t.d FROM numbered, unnest($3::bytea[]) WITH ORDINALITY AS t(d, n)
RETURNING seq`,
};

/** Same lock number on every instance, so two instances starting together do not both create the tables. */
const SCHEMA_LOCK = 0x6d6b0001;

/** LIKE pattern for "starts with", with LIKE's own characters taken literally. */
const startsWith = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

/**
 * DocStore on PostgreSQL (STORAGE=postgres): every map, private document, version and meta record in three
 * tables. An append is one transaction that commits before the promise resolves (synchronous_commit is forced
 * on for our connections), so what the room relays afterwards is on the database's disk.
 */
export class PgDocStore implements DocStore {
  private closed = false;

  private constructor(readonly pool: pg.Pool, private readonly lockPool: pg.Pool) {}

  static async open(url: string, options: { poolSize?: number } = {}): Promise<PgDocStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // Durability is the point of this store: an administrator's database-wide `synchronous_commit = off` would
      // let a relayed update vanish in a crash.
      options: '-c synchronous_commit=on',
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection that the database drops (restart, network) must not crash the process; the next query
    // opens a new one and fails or succeeds on its own.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ v: string }>('SHOW server_version_num');
        if (Number(rows[0].v) < 150000) throw new Error(`PostgreSQL ${rows[0].v} is too old: Mantelkaart needs 15 or newer`);
        await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
        try {
          await client.query(SCHEMA);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
        }
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => {});
      throw new StoreError('STORE_OPEN_FAILED', `PostgreSQL: ${errorText(err)}`, { cause: err });
    }
    // Locks hold a connection for as long as the work under them runs, and that work queries through `pool`: on
    // one pool, a burst of held locks could leave the work no connection to finish with.
    const lockPool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5_000 });
    lockPool.on('error', () => {});
    return new PgDocStore(pool, lockPool);
  }

  private check(): void {
    if (this.closed) throw new StoreError('STORE_CLOSED', 'the store is closed');
  }

  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    this.check();
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async load(name: string): Promise<StoredDoc> {
    const rows = await this.since(name, 0);
    return { updates: rows.map((r) => r.bytes), lastSeq: rows.length === 0 ? 0 : rows[rows.length - 1].seq, skipped: [] };
  }

  /**
   * Rows after `afterSeq`, in order, from one snapshot: the compacted state when it covers anything after
   * `afterSeq`, then the updates. What an instance that missed stream entries applies to catch up.
   */
  async since(name: string, afterSeq: number): Promise<SeqRecord[]> {
    this.check();
    // A compacted state at seq K covers everything up to K, so it is needed whenever K > afterSeq; rows are
    // returned in seq order, so the state (which replaced every row below it) comes first.
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>({ name: 'mk_since', text: 'SELECT seq, data FROM mk_updates WHERE doc = $1 AND seq > $2 ORDER BY seq', values: [name, afterSeq] });
    return rows.map((r) => ({ seq: Number(r.seq), bytes: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) }));
  }

  /**
   * Appends in one statement (one round trip, atomic on its own) and returns the sequence numbers the updates
   * got. The upsert on mk_docs takes the document's row lock until the commit, which orders appends to one
   * document by their numbers on every instance.
   */
  async appendSeq(name: string, updates: Uint8Array[]): Promise<{ first: number; last: number }> {
    if (updates.length === 0) throw new Error('appendSeq needs at least one update');
    this.check();
    const buffers = updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    const { rows } = await this.pool.query<{ seq: string }>({ ...(buffers.length === 1 ? APPEND_ONE : APPEND_MANY), values: [name, buffers.length, buffers.length === 1 ? buffers[0] : buffers] });
    // A deleted document stays deleted: an append still in flight on another instance must not bring it back.
    if (rows.length === 0) throw new StoreError('STORE_DOC_DELETED', `${name} was deleted`);
    const seqs = rows.map((r) => Number(r.seq));
    return { first: Math.min(...seqs), last: Math.max(...seqs) };
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length > 0) await this.appendSeq(name, updates);
  }

  /**
   * Replaces every row up to `upToSeq` with `state`, in one transaction, while other instances go on appending
   * (they lock mk_docs, this does not). One compaction per document at a time, across instances (an advisory
   * lock); one that lost the race, or that would go behind a newer compaction, is stale and throws.
   */
  async compact(name: string, state: Uint8Array, upToSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      const { rows: locked } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtext('mk_compact:' || $1)) AS ok", [name]);
      if (!locked[0].ok) throw new StoreError('STORE_COMPACT_STALE', `${name}: another instance is compacting it`);
      // Under the same lock as delete(): a compaction on an instance that has not heard of the deletion yet
      // must not write the document back.
      const { rows: gone } = await client.query('SELECT 1 FROM mk_docs WHERE name = $1 AND deleted', [name]);
      if (gone.length > 0) throw new StoreError('STORE_DOC_DELETED', `${name} was deleted`);
      const { rows } = await client.query<{ seq: string }>('SELECT max(seq) AS seq FROM mk_updates WHERE doc = $1 AND is_state', [name]);
      const newest = rows[0].seq === null ? 0 : Number(rows[0].seq);
      if (newest >= upToSeq) throw new StoreError('STORE_COMPACT_STALE', `${name}: already compacted up to ${newest}, not going back to ${upToSeq}`);
      await client.query('DELETE FROM mk_updates WHERE doc = $1 AND seq <= $2', [name, upToSeq]);
      await client.query('INSERT INTO mk_updates (doc, seq, is_state, data) VALUES ($1, $2, true, $3)', [name, upToSeq, Buffer.from(state.buffer, state.byteOffset, state.byteLength)]);
    });
  }

  async lastSeq(name: string): Promise<number> {
    this.check();
    const { rows } = await this.pool.query<{ last_seq: string }>('SELECT last_seq FROM mk_docs WHERE name = $1', [name]);
    return rows.length === 0 ? 0 : Number(rows[0].last_seq);
  }

  /** Last sequence numbers of several documents in one query (the instance's periodic check for missed entries). */
  async lastSeqs(names: string[]): Promise<Map<string, number>> {
    this.check();
    const { rows } = await this.pool.query<{ name: string; last_seq: string }>('SELECT name, last_seq FROM mk_docs WHERE name = ANY($1)', [names]);
    return new Map(rows.map((r) => [r.name, Number(r.last_seq)]));
  }

  async pendingCount(name: string): Promise<number> {
    this.check();
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM mk_updates WHERE doc = $1 AND NOT is_state', [name]);
    return Number(rows[0].n);
  }

  async delete(name: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('mk_compact:' || $1))", [name]);
      // The numbering row stays, marked: appends and compactions still on their way from other instances are
      // refused instead of bringing the document back.
      await client.query('INSERT INTO mk_docs (name, last_seq, deleted) VALUES ($1, 0, true) ON CONFLICT (name) DO UPDATE SET deleted = true', [name]);
      await client.query('DELETE FROM mk_updates WHERE doc = $1', [name]);
    });
  }

  async list(): Promise<string[]> {
    this.check();
    const { rows } = await this.pool.query<{ doc: string }>('SELECT DISTINCT doc FROM mk_updates ORDER BY doc');
    return rows.map((r) => r.doc);
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    this.check();
    const { rows } = await this.pool.query<{ value: T }>('SELECT value FROM mk_meta WHERE key = $1', [key]);
    return rows.length === 0 ? undefined : rows[0].value;
  }

  async putMeta<T>(key: string, value: T): Promise<void> {
    this.check();
    const json = JSON.stringify(value);
    if (json === undefined) throw new StoreError('STORE_META_NOT_JSON', `meta value for ${key} is not JSON-serialisable`);
    await this.pool.query('INSERT INTO mk_meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, json]);
  }

  async deleteMeta(key: string): Promise<void> {
    this.check();
    await this.pool.query('DELETE FROM mk_meta WHERE key = $1', [key]);
  }

  async listMeta(prefix: string): Promise<{ key: string; value: unknown }[]> {
    this.check();
    const { rows } = await this.pool.query<{ key: string; value: unknown }>("SELECT key, value FROM mk_meta WHERE key LIKE $1 ESCAPE '\\' ORDER BY key", [startsWith(prefix)]);
    return rows;
  }

  /**
   * Every document and meta value from one snapshot (a REPEATABLE READ transaction): consistent across documents
   * while instances go on writing. Used by writeBackup (`npm run backup`).
   */
  async *snapshotEntries(): AsyncGenerator<SnapshotEntry> {
    this.check();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows: docs } = await client.query<{ doc: string }>('SELECT DISTINCT doc FROM mk_updates ORDER BY doc');
      for (const { doc } of docs) {
        const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM mk_updates WHERE doc = $1 ORDER BY seq', [doc]);
        yield { kind: 'doc', name: doc, updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)), skipped: [] };
      }
      const { rows: meta } = await client.query<{ key: string; value: unknown }>('SELECT key, value FROM mk_meta ORDER BY key');
      for (const { key, value } of meta) yield { kind: 'meta', key, value };
      await client.query('COMMIT');
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
  }

  /**
   * Makes a document hold exactly `updates`, also one deleted before: for `npm run restore`, which runs while no
   * instance serves. Numbers go on from where they were, so none is ever reused.
   */
  async replace(name: string, updates: Uint8Array[]): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM mk_updates WHERE doc = $1', [name]);
      await client.query('UPDATE mk_docs SET deleted = false WHERE name = $1', [name]);
      if (updates.length === 0) return;
      await client.query({ ...APPEND_MANY, values: [name, updates.length, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))] });
    });
  }

  async lock<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.check();
    const client = await this.lockPool.connect();
    let broken = false;
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('mk_lock:' || $1))", [key]);
      try {
        return await work();
      } finally {
        // A connection that could not unlock is dropped, which releases its session locks.
        await client.query("SELECT pg_advisory_unlock(hashtext('mk_lock:' || $1))", [key]).catch(() => (broken = true));
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }
}
