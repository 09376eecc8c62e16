import * as Y from 'yjs';
import {
  COLLECTION_PREFIX,
  DEFAULT_EDGE_KIND,
  DEFAULT_NODE_HEIGHT,
  DEFAULT_NODE_WIDTH,
  NOTE_KIND,
  ROOT_EDGES,
  ROOT_META,
  ROOT_NODES,
  SCHEMA_VERSION,
  TEXT_PREFIX,
  type CollectionRecord,
  type EdgeRecord,
  type FieldValue,
  type MapMeta,
  type MapSnapshot,
  type NodeRecord,
} from './schema';
import { finiteOr, stringOr, toFieldValue } from './fieldValue';
import { newId } from './ids';

export type YRecord = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT_META);
}
export function nodesMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ROOT_NODES);
}
export function edgesMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ROOT_EDGES);
}
export function collectionMap(doc: Y.Doc, name: string): Y.Map<YRecord> {
  return doc.getMap<YRecord>(COLLECTION_PREFIX + name);
}

/**
 * A shared text (`t:<name>`), or null when a crafted client made that name some other type: readers then see no
 * text rather than an exception.
 */
export function sharedText(doc: Y.Doc, name: string): Y.Text | null {
  try {
    return doc.getText(TEXT_PREFIX + name);
  } catch {
    return null;
  }
}

/** Names of the shared texts present in the document. */
export function textNames(doc: Y.Doc): string[] {
  const names: string[] = [];
  for (const key of doc.share.keys()) if (key.startsWith(TEXT_PREFIX)) names.push(key.slice(TEXT_PREFIX.length));
  return names.sort();
}

/** Every non-empty shared text as a plain string. */
export function readTexts(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of textNames(doc)) {
    const text = sharedText(doc, name)?.toString() ?? '';
    if (text) out[name] = text;
  }
  return out;
}

/** Replaces a shared text's whole content (an import, a restore); typing goes through editSharedText. */
export function setSharedText(doc: Y.Doc, name: string, value: string, origin?: unknown): void {
  const y = sharedText(doc, name);
  if (!y || y.toString() === value) return;
  doc.transact(() => {
    y.delete(0, y.length);
    if (value) y.insert(0, value);
  }, origin);
}

/**
 * Applies one edit of a text field to the shared text as the smallest change (common start and end kept), so what
 * someone else typed elsewhere in the same text at the same moment survives the merge.
 */
export function editSharedText(doc: Y.Doc, name: string, next: string, origin?: unknown): void {
  const y = sharedText(doc, name);
  if (!y) return;
  const prev = y.toString();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  doc.transact(() => {
    const removed = prev.length - start - end;
    if (removed > 0) y.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) y.insert(start, inserted);
  }, origin);
}

/** Names of the record collections present in the document (top-level maps with the collection prefix). */
export function collectionNames(doc: Y.Doc): string[] {
  const names: string[] = [];
  for (const key of doc.share.keys()) if (key.startsWith(COLLECTION_PREFIX)) names.push(key.slice(COLLECTION_PREFIX.length));
  return names.sort();
}

function readData(value: unknown): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (!(value instanceof Y.Map)) return out;
  value.forEach((v, k) => {
    const fv = toFieldValue(v);
    if (fv !== undefined) out[k] = fv;
  });
  return out;
}

function dataMap(entries: Record<string, FieldValue> | undefined): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  if (entries) for (const [k, v] of Object.entries(entries)) if (v !== undefined) m.set(k, v);
  return m;
}

/** Reads a node's Y.Map into a plain record, filling defaults for anything missing or malformed. */
export function readNode(id: string, y: YRecord): NodeRecord {
  return {
    id,
    kind: stringOr(y.get('kind'), NOTE_KIND),
    x: finiteOr(y.get('x'), 0),
    y: finiteOr(y.get('y'), 0),
    width: finiteOr(y.get('width'), DEFAULT_NODE_WIDTH),
    height: finiteOr(y.get('height'), DEFAULT_NODE_HEIGHT),
    label: stringOr(y.get('label'), ''),
    pinned: y.get('pinned') === true,
    data: readData(y.get('data')),
  };
}

export function readEdge(id: string, y: YRecord): EdgeRecord {
  const handle = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id,
    kind: stringOr(y.get('kind'), DEFAULT_EDGE_KIND),
    source: stringOr(y.get('source'), ''),
    target: stringOr(y.get('target'), ''),
    sourceHandle: handle(y.get('sourceHandle')),
    targetHandle: handle(y.get('targetHandle')),
    label: stringOr(y.get('label'), ''),
    data: readData(y.get('data')),
  };
}

export function readMeta(doc: Y.Doc): MapMeta {
  const m = metaMap(doc);
  return {
    schemaVersion: finiteOr(m.get('schemaVersion'), 0),
    title: stringOr(m.get('title'), ''),
    template: stringOr(m.get('template'), ''),
    createdAt: finiteOr(m.get('createdAt'), 0),
  };
}

/** Reads a collection's records; a record's fields live directly in its Y.Map, one key per field. */
export function readCollection(doc: Y.Doc, name: string): CollectionRecord[] {
  const out: CollectionRecord[] = [];
  collectionMap(doc, name).forEach((y, id) => {
    if (y instanceof Y.Map) out.push({ id, data: readData(y) });
  });
  return out;
}

export function readNodes(doc: Y.Doc): NodeRecord[] {
  const out: NodeRecord[] = [];
  nodesMap(doc).forEach((y, id) => {
    if (y instanceof Y.Map) out.push(readNode(id, y));
  });
  return out;
}

export function readEdges(doc: Y.Doc): EdgeRecord[] {
  const out: EdgeRecord[] = [];
  edgesMap(doc).forEach((y, id) => {
    if (y instanceof Y.Map) out.push(readEdge(id, y));
  });
  return out;
}

/** The whole map as plain values, in a stable order (by id) so snapshots compare equal across clients. */
export function snapshotMap(doc: Y.Doc): MapSnapshot {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const collections: Record<string, CollectionRecord[]> = {};
  for (const name of collectionNames(doc)) collections[name] = readCollection(doc, name).sort(byId);
  return { meta: readMeta(doc), nodes: readNodes(doc).sort(byId), edges: readEdges(doc).sort(byId), collections, texts: readTexts(doc) };
}

export type NodeInit = Partial<Omit<NodeRecord, 'id'>> & { id?: string };
export type EdgeInit = Partial<Omit<EdgeRecord, 'id' | 'source' | 'target'>> & { id?: string; source: string; target: string };

/** Adds a node; returns its id. Runs in its own transaction with the given origin (undo tracks by origin). */
export function createNode(doc: Y.Doc, init: NodeInit, origin?: unknown): string {
  const id = init.id ?? newId();
  doc.transact(() => {
    const y = new Y.Map<unknown>();
    y.set('kind', init.kind ?? NOTE_KIND);
    y.set('x', finiteOr(init.x, 0));
    y.set('y', finiteOr(init.y, 0));
    y.set('width', finiteOr(init.width, DEFAULT_NODE_WIDTH));
    y.set('height', finiteOr(init.height, DEFAULT_NODE_HEIGHT));
    y.set('label', init.label ?? '');
    if (init.pinned) y.set('pinned', true);
    y.set('data', dataMap(init.data));
    nodesMap(doc).set(id, y);
  }, origin);
  return id;
}

export type NodePatch = Partial<Pick<NodeRecord, 'kind' | 'x' | 'y' | 'width' | 'height' | 'label' | 'pinned'>>;

/** Sets top-level fields of a node; unknown ids are ignored (the node may have been deleted by someone else). */
export function updateNode(doc: Y.Doc, id: string, patch: NodePatch, origin?: unknown): void {
  const y = nodesMap(doc).get(id);
  if (!(y instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && y.get(k) !== v) y.set(k, v);
  }, origin);
}

/** Sets (or, with undefined, removes) fields in a record's nested data map, creating the map if a remote client left it out. */
function writeData(y: YRecord, fields: Record<string, FieldValue | undefined>): void {
  let data = y.get('data');
  if (!(data instanceof Y.Map)) {
    data = new Y.Map<unknown>();
    y.set('data', data);
  }
  const d = data as Y.Map<unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) d.delete(k);
    else d.set(k, v);
  }
}

/** Sets (or, with undefined, removes) fields in a node's data map: one key per field, so concurrent edits merge. */
export function setNodeData(doc: Y.Doc, id: string, fields: Record<string, FieldValue | undefined>, origin?: unknown): void {
  const y = nodesMap(doc).get(id);
  if (!(y instanceof Y.Map)) return;
  doc.transact(() => writeData(y, fields), origin);
}

/** Deletes nodes and every edge that touches them, in one transaction. */
export function deleteNodes(doc: Y.Doc, ids: Iterable<string>, origin?: unknown): void {
  const set = new Set(ids);
  if (set.size === 0) return;
  doc.transact(() => {
    const nodes = nodesMap(doc);
    const edges = edgesMap(doc);
    for (const id of set) nodes.delete(id);
    edges.forEach((y, eid) => {
      if (!(y instanceof Y.Map)) return;
      if (set.has(stringOr(y.get('source'), '')) || set.has(stringOr(y.get('target'), ''))) edges.delete(eid);
    });
  }, origin);
}

export function createEdge(doc: Y.Doc, init: EdgeInit, origin?: unknown): string {
  const id = init.id ?? newId();
  doc.transact(() => {
    const y = new Y.Map<unknown>();
    y.set('kind', init.kind ?? DEFAULT_EDGE_KIND);
    y.set('source', init.source);
    y.set('target', init.target);
    if (init.sourceHandle) y.set('sourceHandle', init.sourceHandle);
    if (init.targetHandle) y.set('targetHandle', init.targetHandle);
    y.set('label', init.label ?? '');
    y.set('data', dataMap(init.data));
    edgesMap(doc).set(id, y);
  }, origin);
  return id;
}

export type EdgePatch = Partial<Pick<EdgeRecord, 'kind' | 'label'>>;

export function updateEdge(doc: Y.Doc, id: string, patch: EdgePatch, origin?: unknown): void {
  const y = edgesMap(doc).get(id);
  if (!(y instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && y.get(k) !== v) y.set(k, v);
  }, origin);
}

export function setEdgeData(doc: Y.Doc, id: string, fields: Record<string, FieldValue | undefined>, origin?: unknown): void {
  const y = edgesMap(doc).get(id);
  if (!(y instanceof Y.Map)) return;
  doc.transact(() => writeData(y, fields), origin);
}

export function deleteEdges(doc: Y.Doc, ids: Iterable<string>, origin?: unknown): void {
  doc.transact(() => {
    const edges = edgesMap(doc);
    for (const id of ids) edges.delete(id);
  }, origin);
}

/** Adds or replaces fields of a record in a collection (fields merge per key); returns the record id. */
export function putRecord(doc: Y.Doc, collection: string, fields: Record<string, FieldValue | undefined>, id?: string, origin?: unknown): string {
  const rid = id ?? newId();
  doc.transact(() => {
    const c = collectionMap(doc, collection);
    let y = c.get(rid);
    if (!(y instanceof Y.Map)) {
      y = new Y.Map<unknown>();
      c.set(rid, y);
    }
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) y.delete(k);
      else y.set(k, v);
    }
  }, origin);
  return rid;
}

export function deleteRecords(doc: Y.Doc, collection: string, ids: Iterable<string>, origin?: unknown): void {
  doc.transact(() => {
    const c = collectionMap(doc, collection);
    for (const id of ids) c.delete(id);
  }, origin);
}

export function setTitle(doc: Y.Doc, title: string, origin?: unknown): void {
  doc.transact(() => metaMap(doc).set('title', title), origin);
}

/** Stamps a new, empty map with the current schema version, title and template. */
export function initMeta(doc: Y.Doc, meta: { title: string; template?: string; createdAt?: number }, origin?: unknown): void {
  doc.transact(() => {
    const m = metaMap(doc);
    m.set('schemaVersion', SCHEMA_VERSION);
    m.set('title', meta.title);
    m.set('template', meta.template ?? '');
    m.set('createdAt', meta.createdAt ?? Date.now());
  }, origin);
}
