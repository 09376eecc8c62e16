import { getLocale, subscribeLocale } from '../i18n/i18n';
import { getSelection, setSelection, subscribeSelection, type Selection } from '../canvas/selectionStore';
import { LOCAL_ORIGIN } from '../collab/localOrigin';
import type { MapSession } from '../collab/MapSession';
import { storedName } from '../collab/presence';
import type { Language } from './api';
import type { ConnectionState, HostSession, SelectionSource, Store } from './HostSession';

let cachedFrom: Selection | null = null;
let cachedIds: readonly string[] = [];
let cachedEdgesFrom: Selection | null = null;
let cachedEdgeIds: readonly string[] = [];

/** The canvas selection store, as node ids (the same array until the selection changes). */
export const canvasSelection: SelectionSource = {
  get() {
    const s = getSelection();
    if (s !== cachedFrom) {
      cachedFrom = s;
      cachedIds = [...s.nodes];
    }
    return cachedIds;
  },
  set: (ids) => setSelection({ nodes: ids, edges: [] }),
  getEdges() {
    const s = getSelection();
    if (s !== cachedEdgesFrom) {
      cachedEdgesFrom = s;
      cachedEdgeIds = [...s.edges];
    }
    return cachedEdgeIds;
  },
  subscribe: subscribeSelection,
};

/** The UI language from the app's i18n module. */
export const appLanguage: Store<Language> = { get: getLocale, subscribe: subscribeLocale };

/** Adapts the collaboration session to what the host needs. */
export function hostSessionFrom(session: MapSession): HostSession {
  const connection: Store<ConnectionState> = { get: () => session.getStatus().connection, subscribe: session.subscribe };
  let peerCount = 0;
  const countPeers = () => {
    let n = 0;
    session.awareness.getStates().forEach((state, id) => {
      if (id !== session.awareness.clientID && state && Object.keys(state).length > 0) n++;
    });
    return n;
  };
  peerCount = countPeers();
  const peers: Store<number> = {
    get: () => peerCount,
    subscribe(listener) {
      const onChange = () => {
        const n = countPeers();
        if (n !== peerCount) {
          peerCount = n;
          listener();
        }
      };
      session.awareness.on('change', onChange);
      return () => session.awareness.off('change', onChange);
    },
  };
  return {
    room: session.room,
    token: session.token,
    doc: session.doc,
    privateDoc: session.privateDoc,
    origin: LOCAL_ORIGIN,
    role: session.role,
    undo: () => session.undoManager.undo(),
    redo: () => session.undoManager.redo(),
    stopCapturing: () => session.undoManager.stopCapturing(),
    deleteElements: (nodeIds, edgeIds) => session.deleteElements(nodeIds, edgeIds),
    connection,
    peers,
    selection: canvasSelection,
    summon: () => session.awareness.setLocalStateField('summon', { at: Date.now() }),
    userName: () => storedName() ?? '',
  };
}
