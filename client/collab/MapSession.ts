import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { COLLECTION_PREFIX, TEXT_PREFIX } from '../../shared/model/schema';
import { collectionMap, edgesMap, metaMap, nodesMap, sharedText } from '../../shared/model/mapDoc';
import { privateRoomOf } from '../../shared/model/roomName';
import { canEdit, type Role } from '../../shared/protocol/roles';
import { deleteElements, linkContactDetailsToUndo } from './deleteElements';
import { DocChannel, type ConnectionState } from './docChannel';
import { LOCAL_ORIGIN } from './localOrigin';

export type { ConnectionState };

export interface SessionStatus {
  connection: ConnectionState;
  /** Changes made here that the server has not confirmed yet (map and private document together). */
  unsent: number;
  /** The map document has received the server's state on the current connection. */
  synced: boolean;
  /** IndexedDB's copy is loaded: the map shows what this browser had, even offline. */
  localLoaded: boolean;
  /** With 'denied': why the server closed the map's socket (see ChannelStatus.closeCode). */
  closeCode?: number;
}

export interface MapSessionOptions {
  room: string;
  token: string;
  role: Role;
  /** ws(s)://host/yjs; defaults to the page's own origin. */
  wsBase?: string;
  /** Keep copies in IndexedDB (default true). */
  persist?: boolean;
}

export function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

const ORDER: ConnectionState[] = ['connected', 'connecting', 'waiting', 'offline', 'denied'];

/**
 * Everything one open map needs: the map document, its private companion (only for edit and owner links,
 * since the server refuses it to view links), awareness, and an undo manager that tracks LOCAL_ORIGIN only.
 */
export class MapSession {
  readonly room: string;
  readonly token: string;
  readonly role: Role;
  readonly doc = new Y.Doc();
  /** Phone numbers, e-mail and addresses: null for view links. */
  readonly privateDoc: Y.Doc | null;
  readonly awareness: Awareness;
  /** Undoes this person's own map changes; extensions add their collections with addToScope. */
  readonly undoManager: Y.UndoManager;
  readonly whenLocalLoaded: Promise<void>;

  private readonly main: DocChannel;
  private readonly priv: DocChannel | null;
  private status: SessionStatus;
  private localLoaded = false;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(opts: MapSessionOptions) {
    this.room = opts.room;
    this.token = opts.token;
    this.role = opts.role;
    const wsBase = opts.wsBase ?? defaultWsBase();
    const persist = opts.persist ?? true;

    this.main = new DocChannel(this.doc, opts.room, opts.token, wsBase, { persist });
    this.awareness = this.main.provider.awareness;
    if (canEdit(opts.role)) {
      this.privateDoc = new Y.Doc();
      this.priv = new DocChannel(this.privateDoc, privateRoomOf(opts.room), opts.token, wsBase, { persist });
      // Presence travels with the map document only; the private socket carries none.
      this.priv.provider.awareness.setLocalState(null);
    } else {
      this.privateDoc = null;
      this.priv = null;
    }

    this.undoManager = new Y.UndoManager([nodesMap(this.doc), edgesMap(this.doc), metaMap(this.doc)], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
    });
    this.trackCollections();
    this.cleanups.push(linkContactDetailsToUndo(this.undoManager, this.privateDoc, LOCAL_ORIGIN));

    this.whenLocalLoaded = Promise.all([this.main.whenLocalLoaded, this.priv?.whenLocalLoaded]).then(() => {
      this.localLoaded = true;
      this.changed();
    });
    this.cleanups.push(this.main.subscribe(() => this.changed()));
    if (this.priv) this.cleanups.push(this.priv.subscribe(() => this.changed()));
    this.status = this.computeStatus();
  }

  /** Record collections (`c:<name>`) and shared texts (`t:<name>`) appear as extensions use them; undo covers them as soon as they exist. */
  private trackCollections(): void {
    const known = new Set<string>();
    const scan = () => {
      for (const key of this.doc.share.keys()) {
        if (known.has(key)) continue;
        if (key.startsWith(COLLECTION_PREFIX)) {
          known.add(key);
          this.undoManager.addToScope(collectionMap(this.doc, key.slice(COLLECTION_PREFIX.length)));
        } else if (key.startsWith(TEXT_PREFIX)) {
          known.add(key);
          const text = sharedText(this.doc, key.slice(TEXT_PREFIX.length));
          if (text) this.undoManager.addToScope(text);
        }
      }
    };
    scan();
    const onAfter = () => {
      if (this.doc.share.size !== known.size + 3) scan();
    };
    this.doc.on('afterTransaction', onAfter);
    this.cleanups.push(() => this.doc.off('afterTransaction', onAfter));
  }

  private computeStatus(): SessionStatus {
    const a = this.main.getStatus();
    const b = this.priv?.getStatus();
    let connection = a.connection;
    if (b && ORDER.indexOf(b.connection) > ORDER.indexOf(connection) && b.connection !== 'denied') connection = b.connection;
    return { connection, unsent: a.unsent + (b?.unsent ?? 0), synced: a.synced, localLoaded: this.localLoaded, closeCode: a.closeCode ?? b?.closeCode };
  }

  private changed(): void {
    if (this.destroyed) return;
    const next = this.computeStatus();
    const prev = this.status;
    if (prev.connection === next.connection && prev.unsent === next.unsent && prev.synced === next.synced && prev.localLoaded === next.localLoaded && prev.closeCode === next.closeCode) return;
    this.status = next;
    for (const l of this.listeners) l();
  }

  /** The current status; the same object until something changes (for useSyncExternalStore). */
  getStatus = (): SessionStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs `fn` as one local, undoable transaction of the map document. */
  transact(fn: () => void): void {
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  /** Deletes nodes (with their edges and contact details) and edges as one undoable step: see deleteElements. */
  deleteElements(nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): void {
    deleteElements({ doc: this.doc, privateDoc: this.privateDoc, origin: LOCAL_ORIGIN, undoManager: this.undoManager }, nodeIds, edgeIds);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const c of this.cleanups) c();
    this.undoManager.destroy();
    this.main.destroy();
    this.priv?.destroy();
    this.doc.destroy();
    this.privateDoc?.destroy();
    this.listeners.clear();
  }
}
