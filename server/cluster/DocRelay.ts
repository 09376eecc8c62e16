import type { SeqRecord } from '../storage/PgDocStore';
import type { SeqEntry } from './SeqFollower';

/**
 * What a room needs from the bus that joins instances (REDIS_URL): a document's updates go out only after
 * they are stored, and come back to every instance, the sender's included, from the document's stream.
 */
export interface RelayedDoc<O = unknown> {
  readonly name: string;
  /** A stream entry for this document, in the order the stream holds them. */
  receive(entry: SeqEntry<O>): void;
  /** A presence update from a socket on another instance. */
  receiveAwareness(update: Uint8Array): void;
  /** Presence of this instance's sockets, for an instance that has just joined the document. */
  localAwareness(): Uint8Array | null;
  /** Sequence number up to which the document is applied, and a catch-up from the database past it. */
  appliedSeq(): number;
  catchUp(): void;
}

export interface RelayLink<O = unknown> {
  /** Stores the updates in one transaction, then publishes them; resolves with their sequence numbers. */
  publish(updates: Uint8Array[], origins: (O | null)[]): Promise<{ first: number; last: number }>;
  /** Stored rows after a sequence number (for gaps). */
  since(afterSeq: number): Promise<SeqRecord[]>;
  publishAwareness(update: Uint8Array): void;
  leave(): Promise<void>;
}

export interface DocRelay {
  /** Subscribes to the document's stream (before the caller loads it) and returns its link. */
  join<O>(doc: RelayedDoc<O>): Promise<RelayLink<O>>;
}

/** The bus is unreachable: the document cannot be relayed to other instances, so it is not served. */
export class RelayUnavailableError extends Error {
  readonly code = 'RELAY_UNAVAILABLE';
  constructor(detail: string) {
    super(`RELAY_UNAVAILABLE: ${detail}`);
  }
}
