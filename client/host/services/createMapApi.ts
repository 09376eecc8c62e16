import * as Y from 'yjs';
import {
  createEdge,
  createNode,
  deleteRecords,
  editSharedText,
  edgesMap,
  nodesMap,
  putRecord,
  readCollection,
  readEdge,
  readEdges,
  readMeta,
  readNode,
  readNodes,
  setEdgeData,
  setNodeData,
  setTitle,
  sharedText,
  snapshotMap,
  updateEdge,
  updateNode,
} from '../../../shared/model/mapDoc';
import { readPrivateFields, setPrivateFields } from '../../../shared/model/privateDoc';
import { canEdit } from '../../../shared/protocol/roles';
import { privateFieldsOf } from '../../../shared/exchange/privateFieldsOf';
import type { DisposableStore } from '../../../shared/plugin/Disposable';
import { Emitter } from '../../../shared/plugin/Emitter';
import type { MapApi } from '../api';
import { HostError } from '../HostError';
/** The versions routes' client with its map-file gate: loaded when versions are first used. */
const versionsApi = () => import('../../api/versionsApi');
import type { NodeKindLookup } from './nodeKindLookup';
import type { MapService } from './MapService';
import type { DecorationService } from './DecorationService';
import { scopedEvent } from './scopedEvent';

/**
 * The map API one extension sees. Every write carries the session's local origin (so undo and presence work) and
 * is refused for viewers; every subscription is tied to the extension's lifetime through `store`.
 */
/** The comparison event where there is no workbench to compare in (unit tests): it never fires. */
const noComparisons = new Emitter<void>();

export function createMapApi(service: MapService, kinds: NodeKindLookup, store: DisposableStore, extensionId: string, decorations?: DecorationService): MapApi {
  const session = service.session;
  const { doc, origin } = session;
  const editable = () => canEdit(session.role);
  const guard = () => {
    if (!editable()) throw new HostError('map/read-only', 'this link can only view the map; ask for an edit link to change it', extensionId);
  };

  const selectionChanged = new Emitter<{ nodeIds: string[]; edgeIds: string[] }>();
  const selectedEdges = () => [...(session.selection.getEdges?.() ?? [])];
  store.add(selectionChanged);
  let unsubscribeSelection: (() => void) | null = null;
  const onDidChangeSelection = scopedEvent(selectionChanged.event, store, () => {
    // Subscribe to the source lazily, once, so extensions that never listen cost nothing.
    if (unsubscribeSelection) return;
    unsubscribeSelection = session.selection.subscribe(() => selectionChanged.fire({ nodeIds: [...session.selection.get()], edgeIds: selectedEdges() }));
    store.add({ dispose: () => unsubscribeSelection?.() });
  });

  const api: MapApi = {
    get canEdit() {
      return editable();
    },
    get hasPrivateFields() {
      return session.privateDoc !== null;
    },
    getMeta: () => readMeta(doc),
    getNodes: () => readNodes(doc),
    getNode(id) {
      const y = nodesMap(doc).get(id);
      return y instanceof Y.Map ? readNode(id, y) : undefined;
    },
    getEdges: () => readEdges(doc),
    getEdge(id) {
      const y = edgesMap(doc).get(id);
      return y instanceof Y.Map ? readEdge(id, y) : undefined;
    },
    getRecords: (collection) => readCollection(doc, collection),
    getText: (name) => sharedText(doc, name)?.toString() ?? '',
    snapshot: () => snapshotMap(doc),

    stopCapturing: () => session.stopCapturing(),
    transact(fn) {
      guard();
      doc.transact(fn, origin);
    },
    createNode(init) {
      guard();
      const size = init.kind ? kinds.get(init.kind)?.defaultSize : undefined;
      return createNode(doc, { width: size?.width, height: size?.height, ...init }, origin);
    },
    updateNode(id, patch) {
      guard();
      updateNode(doc, id, patch, origin);
    },
    setNodeData(id, fields) {
      guard();
      setNodeData(doc, id, fields, origin);
    },
    deleteNodes(ids) {
      guard();
      session.deleteElements(ids);
    },
    createEdge(init) {
      guard();
      return createEdge(doc, init, origin);
    },
    updateEdge(id, patch) {
      guard();
      updateEdge(doc, id, patch, origin);
    },
    setEdgeData(id, fields) {
      guard();
      setEdgeData(doc, id, fields, origin);
    },
    deleteEdges(ids) {
      guard();
      session.deleteElements([], ids);
    },
    putRecord(collection, fields, id) {
      guard();
      return putRecord(doc, collection, fields, id, origin);
    },
    deleteRecords(collection, ids) {
      guard();
      deleteRecords(doc, collection, ids, origin);
    },
    setText(name, value) {
      guard();
      editSharedText(doc, name, value, origin);
    },
    async saveVersion(what) {
      guard();
      await (await versionsApi()).saveVersion(session.room, session.token, what);
    },
    getComparison: (nodeId) => decorations?.comparisonOf(nodeId),
    // Without the workbench (unit tests) nothing ever compares.
    onDidChangeComparison: scopedEvent(decorations?.onDidChange ?? noComparisons.event, store),
    async listVersions() {
      return (await (await versionsApi()).listVersions(session.room, session.token)).map(({ id, name, createdAt, automatic }) => ({ id, name, createdAt, automatic }));
    },
    async readVersion(id) {
      const { snapshot, version } = await (await versionsApi()).readVersionWithMeta(session.room, session.token, id);
      return { snapshot, name: version.name, createdAt: version.createdAt };
    },
    setTitle(title) {
      guard();
      setTitle(doc, title, origin);
    },
    getPrivateFields: (nodeId) => (session.privateDoc ? readPrivateFields(session.privateDoc, nodeId) : {}),
    setPrivateFields(nodeId, fields) {
      guard();
      if (!session.privateDoc) throw new HostError('map/private-unavailable', 'private fields are not available on this link', extensionId);
      setPrivateFields(session.privateDoc, nodeId, fields, origin);
    },
    get mayExportPrivate() {
      return editable() && session.privateDoc !== null;
    },
    privateFieldsForExport(include) {
      if (!include || !api.mayExportPrivate || !session.privateDoc) return undefined;
      // Only cards on the map: an entry the server has not purged yet belongs to nobody in the export.
      return privateFieldsOf(session.privateDoc, readNodes(doc).map((n) => n.id));
    },
    onDidChangeMap: scopedEvent(service.onDidChangeMap, store),
    getSelection: () => [...session.selection.get()],
    setSelection: (nodeIds) => session.selection.set(nodeIds),
    getSelectedEdges: selectedEdges,
    onDidChangeSelection,
  };
  return api;
}
