import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PgDocStore } from '../storage/PgDocStore';
import type { DocRelay, RelayedDoc, RelayLink } from './DocRelay';
import { RelayUnavailableError } from './DocRelay';
import { parseStreamRead, streamEntryFields, type StreamMessage } from './streamEntry';
import { errorText, log, logError } from '../log';

/** Events every instance must act on: a revoked link, a deleted map. */
export type ClusterEvent = { kind: 'revoked'; room: string; role: string; generation: number } | { kind: 'deleted'; room: string };

export interface RedisRelayOptions {
  /** Entries kept per document stream; a reader that falls further behind fills the gap from PostgreSQL. */
  streamMaxLen: number;
  /** How often loaded documents are compared with PostgreSQL's last sequence numbers (a publish that never came). */
  checkIntervalMs: number;
}

interface Joined {
  doc: RelayedDoc<never>;
  lastId: string;
  /** Origins of this instance's own entries by first sequence number, until the stream hands them back. */
  origins: Map<number, unknown[]>;
  /** The database was ahead at the last check: caught up if it still is at the next one. */
  behindSince: number | null;
}

const STREAM = 'mk:s:';
const AWARENESS = 'mk:a:';
const CONTROL = 'mk:c';
const AW_UPDATE = 1;
const AW_QUERY = 2;

/**
 * Joins instances through Redis (REDIS_URL). Each document has a stream; an instance appends an entry only after
 * PostgreSQL committed the updates in it, and every instance (the sender's too) applies and relays what it reads
 * from the stream, in sequence order (SeqFollower). So Redis never holds the only copy of anything. Presence and
 * cluster events go over pub/sub and are never stored.
 *
 * Three connections: commands, one blocking stream reader, and a pub/sub subscriber. Commands are not queued
 * while Redis is away: a publish fails at once, and the server stops serving the documents (onLost) rather than
 * relaying to some instances and not others.
 */
export class RedisRelay implements DocRelay {
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly joined = new Map<string, Joined>();
  private readonly wakeKey = `mk:w:${this.instanceId}`;
  private wakeId = '0-0';
  private up = false;
  private closed = false;
  private reading: Promise<void> | null = null;
  private readonly checkTimer: NodeJS.Timeout;
  /** Told when Redis is lost: the server closes its sockets and unloads its documents. */
  onLost: (reason: string) => void = () => {};
  onEvent: (event: ClusterEvent) => void = () => {};

  private constructor(
    private readonly cmd: Redis,
    private readonly reader: Redis,
    private readonly sub: Redis,
    private readonly store: PgDocStore,
    private readonly options: RedisRelayOptions,
  ) {
    for (const conn of [cmd, reader, sub]) {
      conn.on('error', () => {});
      conn.on('close', () => this.lost('connection closed'));
    }
    // Back in service only once all three are back: a reader still away would leave joined documents unfed.
    const onReady = () => {
      if (this.closed || this.up || ![cmd, reader, sub].every((c) => c.status === 'ready')) return;
      this.up = true;
      log('RELAY_CONNECTED', { instance: this.instanceId });
    };
    for (const conn of [cmd, reader, sub]) conn.on('ready', onReady);
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    this.checkTimer = setInterval(() => void this.checkBehind(), options.checkIntervalMs);
    this.checkTimer.unref();
  }

  static async connect(url: string, store: PgDocStore, options: RedisRelayOptions): Promise<RedisRelay> {
    const make = () =>
      new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
        // Back within a second or two once Redis is back; never more than 2 s between tries.
        retryStrategy: (times: number) => Math.min(times * 200, 2_000),
      });
    const conns = [make(), make(), make()];
    try {
      await Promise.all(conns.map((c) => c.connect()));
    } catch (err) {
      for (const c of conns) c.disconnect();
      throw new RelayUnavailableError(`Redis at ${new URL(url).host}: ${errorText(err)}`);
    }
    const relay = new RedisRelay(conns[0], conns[1], conns[2], store, options);
    relay.up = true;
    await relay.sub.subscribe(CONTROL);
    relay.reading = relay.readLoop();
    log('RELAY_CONNECTED', { instance: relay.instanceId });
    return relay;
  }

  private lost(reason: string): void {
    if (this.closed || !this.up) return;
    this.up = false;
    logError('RELAY_LOST', { instance: this.instanceId, reason });
    this.onLost(reason);
  }

  async join<O>(doc: RelayedDoc<O>): Promise<RelayLink<O>> {
    if (!this.up) throw new RelayUnavailableError('Redis is not reachable');
    const key = STREAM + doc.name;
    let lastId = '0-0';
    try {
      // Subscribed from the stream's current end before the caller loads from PostgreSQL: whatever is committed
      // after the load's snapshot is on the stream after this point (or is a gap the follower fills).
      const newest = (await this.cmd.xrevrange(key, '+', '-', 'COUNT', 1)) as [string, string[]][];
      if (newest.length > 0) lastId = newest[0][0];
      await this.sub.subscribe(AWARENESS + doc.name);
    } catch (err) {
      throw new RelayUnavailableError(errorText(err));
    }
    const joined: Joined = { doc: doc as RelayedDoc<never>, lastId, origins: new Map(), behindSince: null };
    this.joined.set(doc.name, joined);
    this.wake();
    // Whoever is on the document elsewhere says who they are, instead of the newcomer waiting for their renewal.
    this.publishAw(doc.name, AW_QUERY, new Uint8Array());
    return {
      publish: (updates, origins) => this.publish(joined, updates, origins),
      since: (afterSeq) => this.store.since(doc.name, afterSeq),
      publishAwareness: (update) => this.publishAw(doc.name, AW_UPDATE, update),
      leave: async () => {
        if (this.joined.get(doc.name) !== joined) return;
        this.joined.delete(doc.name);
        this.wake();
        await this.sub.unsubscribe(AWARENESS + doc.name).catch(() => {});
      },
    };
  }

  private async publish<O>(joined: Joined, updates: Uint8Array[], origins: (O | null)[]): Promise<{ first: number; last: number }> {
    if (!this.up) throw new RelayUnavailableError('Redis is not reachable');
    // Stored first, with its numbers; only then on the stream. A failure after the commit loses nothing: the
    // other instances find the numbers missing at the next entry (or the periodic check) and read them back.
    const seqs = await this.store.appendSeq(joined.doc.name, updates);
    joined.origins.set(seqs.first, origins);
    try {
      await this.cmd.xadd(STREAM + joined.doc.name, 'MAXLEN', '~', this.options.streamMaxLen, '*', ...streamEntryFields(this.instanceId, seqs, updates));
    } catch (err) {
      joined.origins.delete(seqs.first);
      this.lost(`publish failed: ${errorText(err)}`);
      throw new RelayUnavailableError(errorText(err));
    }
    return seqs;
  }

  private wake(): void {
    if (!this.up) return;
    this.cmd.xadd(this.wakeKey, 'MAXLEN', 1, '*', 'w', '1').catch(() => {});
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const entries = [...this.joined.entries()];
      const keys = [this.wakeKey, ...entries.map(([name]) => STREAM + name)];
      const ids = [this.wakeId, ...entries.map(([, j]) => j.lastId)];
      let raw: unknown;
      try {
        raw = await this.reader.callBuffer('XREAD', 'COUNT', 500, 'BLOCK', 2_000, 'STREAMS', ...keys, ...ids);
      } catch (err) {
        if (this.closed) return;
        this.lost(`stream read failed: ${errorText(err)}`);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      for (const { key, messages } of parseStreamRead(raw)) {
        if (key === this.wakeKey) {
          this.wakeId = messages[messages.length - 1].id;
          continue;
        }
        const joined = this.joined.get(key.slice(STREAM.length));
        if (!joined) continue;
        for (const m of messages) this.deliver(joined, m);
      }
    }
  }

  private deliver(joined: Joined, m: StreamMessage): void {
    joined.lastId = m.id;
    let origins: unknown[] = m.updates.map(() => null);
    if (m.instance === this.instanceId) {
      origins = joined.origins.get(m.first) ?? origins;
      joined.origins.delete(m.first);
    }
    joined.doc.receive({ first: m.first, last: m.last, updates: m.updates, origins: origins as never[] });
  }

  /** Documents whose stored numbers ran ahead of what arrived, twice in a row, catch up from PostgreSQL. */
  private async checkBehind(): Promise<void> {
    if (!this.up || this.joined.size === 0) return;
    let stored: Map<string, number>;
    try {
      stored = await this.store.lastSeqs([...this.joined.keys()]);
    } catch {
      return;
    }
    for (const [name, joined] of this.joined) {
      const behind = (stored.get(name) ?? 0) > joined.doc.appliedSeq();
      if (behind && joined.behindSince !== null) {
        log('RELAY_CATCH_UP', { doc: name, stored: stored.get(name), applied: joined.doc.appliedSeq() });
        joined.doc.catchUp();
        joined.behindSince = null;
      } else joined.behindSince = behind ? Date.now() : null;
    }
  }

  private publishAw(name: string, type: number, payload: Uint8Array): void {
    if (!this.up) return;
    const id = Buffer.from(this.instanceId, 'hex');
    this.cmd.publish(AWARENESS + name, Buffer.concat([Buffer.from([type]), id, payload])).catch(() => {});
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === CONTROL) {
      try {
        this.onEvent(JSON.parse(message.toString()) as ClusterEvent);
      } catch (err) {
        logError('RELAY_EVENT_UNREADABLE', { error: errorText(err) });
      }
      return;
    }
    if (!channel.startsWith(AWARENESS) || message.length < 9) return;
    if (message.subarray(1, 9).toString('hex') === this.instanceId) return;
    const joined = this.joined.get(channel.slice(AWARENESS.length));
    if (!joined) return;
    if (message[0] === AW_UPDATE) joined.doc.receiveAwareness(new Uint8Array(message.subarray(9)));
    else if (message[0] === AW_QUERY) {
      const states = joined.doc.localAwareness();
      if (states) this.publishAw(joined.doc.name, AW_UPDATE, states);
    }
  }

  /** Tells every instance (this one included) about a revoked link or a deleted map. */
  async announce(event: ClusterEvent): Promise<void> {
    await this.cmd.publish(CONTROL, JSON.stringify(event));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.checkTimer);
    for (const conn of [this.cmd, this.reader, this.sub]) conn.disconnect();
    await this.reading?.catch(() => {});
  }
}
