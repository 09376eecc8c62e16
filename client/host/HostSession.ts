import type * as Y from 'yjs';
import type { Role } from '../../shared/protocol/roles';

export type ConnectionState = 'connected' | 'connecting' | 'waiting' | 'offline' | 'denied';

/** A readable value that announces changes (useSyncExternalStore-shaped). */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** What the host needs from the selection on the canvas: node ids (`get`), and the selected edges where known. */
export interface SelectionSource extends Store<readonly string[]> {
  set(nodeIds: string[]): void;
  /** The selected edge ids (the same array until they change); absent where edges cannot be selected. */
  getEdges?(): readonly string[];
}

/**
 * What the host needs from an open map: the documents, the local origin every write must carry (undo tracks it),
 * undo and redo, the role and live status. The map page adapts its MapSession to this; tests use a plain Y.Doc.
 */
export interface HostSession {
  /** The map's room and this person's link token, for the map's own HTTP routes (versions). */
  room: string;
  token: string;
  doc: Y.Doc;
  /** Null for view links: the server never sends private fields to them. */
  privateDoc: Y.Doc | null;
  /** The transaction origin of this person's edits. */
  origin: unknown;
  role: Role;
  undo(): void;
  redo(): void;
  /** Closes the current undo step, so the next change is undone on its own. */
  stopCapturing(): void;
  /** The one delete path: nodes with their edges and contact details, and edges, as one undo step. */
  deleteElements(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  connection: Store<ConnectionState>;
  /** How many other people have the map open. */
  peers: Store<number>;
  selection: SelectionSource;
  /**
   * "Iedereen hierheen": asks everyone who follows along, view links included, to follow this person's view now.
   * Absent where there is no presence (tests with a plain document).
   */
  summon?(): void;
  /** The name this person gave for presence ('' when none), for "saved by" and a suggestion's sender. */
  userName?(): string;
}
