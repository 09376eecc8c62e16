import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { decodeAwarenessUpdate } from '../../shared/protocol/frame';
import type { DocRelay, RelayedDoc, RelayLink } from './DocRelay';
import { SeqFollower, type SeqEntry } from './SeqFollower';
import { errorText, logError } from '../log';

/** Transaction origin of presence updates that came from another instance: not published back. */
export const REMOTE_AWARENESS = Symbol('remote-awareness');

/** What a replica needs of its room: the document's presence, and how stored updates are applied to it. */
export interface ReplicaHost<O> {
  readonly name: string;
  readonly awareness: Awareness;
  /** Presence client ids of this instance's sockets. */
  readonly awarenessOwners: Map<number, O>;
  /** Applies stored updates (one transaction, one relayed frame). */
  applyStored(updates: Uint8Array[], origins: (O | null)[]): void;
}

/**
 * A room's side of the bus to the other instances (REDIS_URL): it stores and publishes the room's updates, applies
 * what comes back from the document's stream (its own and other instances', in sequence order), and carries
 * presence both ways.
 */
export class Replica<O> implements RelayedDoc<O> {
  private link: RelayLink<O> | null = null;
  private readonly follower: SeqFollower<O>;
  /** Presence client ids whose owner is a socket on another instance. */
  private readonly remote = new Set<number>();

  constructor(private readonly host: ReplicaHost<O>) {
    this.follower = new SeqFollower<O>(
      (updates, origins) => host.applyStored(updates, origins),
      (afterSeq) => (this.link ? this.link.since(afterSeq) : Promise.resolve([])),
      (err) => logError('RELAY_APPLY_FAILED', { doc: host.name, error: errorText(err) }),
    );
  }

  get name(): string {
    return this.host.name;
  }

  /** Subscribes to the document's stream; call before loading it, so nothing committed after the load passes unseen. */
  async join(relay: DocRelay): Promise<void> {
    this.link = await relay.join(this);
  }

  /** The load covered everything up to `seq`: apply what the stream brought meanwhile. */
  start(seq: number): void {
    this.follower.start(seq);
  }

  /** Sequence number up to which the document holds every stored update (a compaction's upToSeq). */
  get seq(): number {
    return this.follower.seq;
  }

  /** Stores and publishes; `applied` resolves once the stream has brought the updates back and they are applied. */
  async publish(updates: Uint8Array[], origins: (O | null)[]): Promise<{ applied: Promise<void> }> {
    if (!this.link) throw new Error('REPLICA_NOT_JOINED');
    const { last } = await this.link.publish(updates, origins);
    return { applied: this.follower.applied(last) };
  }

  /** A presence change of this instance's sockets (or their leaving), for the other instances. */
  presenceChanged(update: Uint8Array, removed: number[], origin: unknown): void {
    for (const id of removed) this.remote.delete(id);
    if (origin !== REMOTE_AWARENESS) this.link?.publishAwareness(update);
  }

  /**
   * Whether a socket here claiming this presence only echoes what another instance's client said (stock clients
   * re-send everyone's presence): it is someone else's unless it comes with a newer clock, which only its owner
   * (say, reconnected here after its instance died) sends.
   */
  ownedElsewhere(clientID: number, clock: number): boolean {
    return this.remote.has(clientID) && clock <= (this.host.awareness.meta.get(clientID)?.clock ?? -1);
  }

  async leave(): Promise<void> {
    this.follower.stop(new Error('ROOM_CLOSED'));
    await this.link?.leave();
  }

  // RelayedDoc: what the stream and the other instances bring.

  receive(entry: SeqEntry<O>): void {
    this.follower.receive(entry);
  }

  appliedSeq(): number {
    return this.follower.seq;
  }

  catchUp(): void {
    void this.follower.catchUp();
  }

  receiveAwareness(update: Uint8Array): void {
    try {
      for (const entry of decodeAwarenessUpdate(update)) {
        if (entry.state === null) this.remote.delete(entry.clientID);
        else this.remote.add(entry.clientID);
      }
      applyAwarenessUpdate(this.host.awareness, update, REMOTE_AWARENESS);
    } catch (err) {
      logError('RELAY_AWARENESS_UNREADABLE', { doc: this.host.name, error: errorText(err) });
    }
  }

  localAwareness(): Uint8Array | null {
    const states = this.host.awareness.getStates();
    const ids = [...this.host.awarenessOwners.keys()].filter((id) => states.has(id));
    return ids.length === 0 ? null : encodeAwarenessUpdate(this.host.awareness, ids);
  }
}
