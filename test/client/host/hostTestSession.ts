import * as Y from 'yjs';
import { deleteElements, linkContactDetailsToUndo } from '../../../client/collab/deleteElements';
import type { Role } from '../../../shared/protocol/roles';
import type { HostSession, SelectionSource, Store } from '../../../client/host/HostSession';
import { createHostServices, type HostServices } from '../../../client/host/HostServices';
import type { Language } from '../../../client/host/api';

export const LOCAL = { source: 'test:local' };

function store<T>(value: T): Store<T> & { set(v: T): void } {
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(v: T) {
      value = v;
      listeners.forEach((l) => l());
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** A host session over plain Y.Docs, as the map page builds one over a MapSession. */
export function createTestSession(role: Role = 'edit'): HostSession & { undoManager: Y.UndoManager } {
  const doc = new Y.Doc();
  const undoManager = new Y.UndoManager([doc.getMap('nodes'), doc.getMap('edges')], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
  const privateDoc = role === 'view' ? null : new Y.Doc();
  linkContactDetailsToUndo(undoManager, privateDoc, LOCAL);
  const sel = store<readonly string[]>([]);
  const selection: SelectionSource = { get: sel.get, subscribe: sel.subscribe, set: (ids) => sel.set(ids) };
  return {
    room: 'testkaart',
    token: 'test-token',
    doc,
    privateDoc,
    origin: LOCAL,
    role,
    undo: () => undoManager.undo(),
    redo: () => undoManager.redo(),
    stopCapturing: () => undoManager.stopCapturing(),
    deleteElements: (nodeIds, edgeIds) => deleteElements({ doc, privateDoc, origin: LOCAL, undoManager }, nodeIds, edgeIds),
    connection: store('connected' as const),
    peers: store(0),
    selection,
    undoManager,
  };
}

/** Host services with a synchronous scheduler stand-in: diagnostics run only when a test says so. */
export function createTestServices(role: Role = 'edit'): { services: HostServices; session: ReturnType<typeof createTestSession>; language: Store<Language> & { set(v: Language): void } } {
  const session = createTestSession(role);
  const language = store<Language>('nl');
  const services = createHostServices({ session, language, scheduler: () => () => {} });
  return { services, session, language };
}
