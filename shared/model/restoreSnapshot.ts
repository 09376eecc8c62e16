import * as Y from 'yjs';
import {
  collectionMap,
  collectionNames,
  createEdge,
  createNode,
  edgesMap,
  metaMap,
  nodesMap,
  putRecord,
  readCollection,
  readEdges,
  readNodes,
  readTexts,
  setSharedText,
  textNames,
  type YRecord,
} from './mapDoc';
import type { CollectionRecord, EdgeRecord, FieldValue, MapSnapshot, NodeRecord } from './schema';

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Makes a map of fields hold exactly `fields`, touching only keys that differ (so concurrent edits elsewhere survive). */
function syncMap(map: Y.Map<unknown>, fields: Record<string, FieldValue>): void {
  for (const key of [...map.keys()]) if (!(key in fields)) map.delete(key);
  for (const [key, value] of Object.entries(fields)) if (!same(map.get(key) as FieldValue | undefined, value)) map.set(key, value);
}

/** A node's or edge's nested data map, made to hold exactly `data`. */
function syncData(y: YRecord, data: Record<string, FieldValue>): void {
  let d = y.get('data');
  if (!(d instanceof Y.Map)) {
    d = new Y.Map<unknown>();
    y.set('data', d);
  }
  syncMap(d as Y.Map<unknown>, data);
}

function syncFields(y: YRecord, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) {
      if (y.has(key)) y.delete(key);
    } else if (y.get(key) !== value) y.set(key, value);
  }
}

function restoreNodes(doc: Y.Doc, target: NodeRecord[], origin: unknown): void {
  const nodes = nodesMap(doc);
  const wanted = new Map(target.map((n) => [n.id, n]));
  for (const n of readNodes(doc)) if (!wanted.has(n.id)) nodes.delete(n.id);
  for (const n of target) {
    const y = nodes.get(n.id);
    if (!(y instanceof Y.Map)) {
      createNode(doc, n, origin);
      continue;
    }
    syncFields(y, { kind: n.kind, x: n.x, y: n.y, width: n.width, height: n.height, label: n.label, pinned: n.pinned ? true : null });
    syncData(y, n.data);
  }
}

function restoreEdges(doc: Y.Doc, target: EdgeRecord[], origin: unknown): void {
  const edges = edgesMap(doc);
  const wanted = new Map(target.map((e) => [e.id, e]));
  for (const e of readEdges(doc)) if (!wanted.has(e.id)) edges.delete(e.id);
  for (const e of target) {
    const y = edges.get(e.id);
    if (!(y instanceof Y.Map)) {
      createEdge(doc, e, origin);
      continue;
    }
    syncFields(y, { kind: e.kind, source: e.source, target: e.target, sourceHandle: e.sourceHandle, targetHandle: e.targetHandle, label: e.label });
    syncData(y, e.data);
  }
}

function restoreCollection(doc: Y.Doc, name: string, target: CollectionRecord[], origin: unknown): void {
  const records = collectionMap(doc, name);
  const wanted = new Map(target.map((r) => [r.id, r]));
  for (const r of readCollection(doc, name)) if (!wanted.has(r.id)) records.delete(r.id);
  for (const r of target) {
    const y = records.get(r.id);
    if (!(y instanceof Y.Map)) {
      putRecord(doc, name, r.data, r.id, origin);
      continue;
    }
    syncMap(y, r.data);
  }
}

/**
 * Brings a map document back to a snapshot (a version) as one new change on top of the present: what is different
 * is changed, what is the same is left alone, so everyone online sees one update, edits made offline meanwhile still
 * merge, and the person who restored undoes it with one Ctrl+Z (it is one transaction with their origin).
 */
/** What a restore leaves as it is now: collections that record what happened rather than what the map holds. */
export interface RestoreOptions {
  /** Collections a restore never touches (the server's vote results, for one). */
  keepCollections?: readonly string[];
}

export function restoreSnapshot(doc: Y.Doc, target: MapSnapshot, origin?: unknown, options: RestoreOptions = {}): void {
  const keep = new Set(options.keepCollections ?? []);
  doc.transact(() => {
    const meta = metaMap(doc);
    if (meta.get('title') !== target.meta.title) meta.set('title', target.meta.title);
    restoreNodes(doc, target.nodes, origin);
    restoreEdges(doc, target.edges, origin);
    for (const name of new Set([...collectionNames(doc), ...Object.keys(target.collections)])) {
      if (!keep.has(name)) restoreCollection(doc, name, target.collections[name] ?? [], origin);
    }
    const texts = readTexts(doc);
    for (const name of new Set([...textNames(doc), ...Object.keys(target.texts)])) {
      if ((texts[name] ?? '') !== (target.texts[name] ?? '')) setSharedText(doc, name, target.texts[name] ?? '', origin);
    }
  }, origin);
}

/**
 * Brings back one card from a version: the card as it was, its relations to cards that are on the map now, and the
 * records that point to it (its commitments), in one change. Returns false when the version has no such card.
 */
export function restoreNode(doc: Y.Doc, from: MapSnapshot, nodeId: string, origin?: unknown, options: RestoreOptions = {}): boolean {
  const keep = new Set(options.keepCollections ?? []);
  const node = from.nodes.find((n) => n.id === nodeId);
  if (!node) return false;
  doc.transact(() => {
    const nodes = nodesMap(doc);
    if (!nodes.has(nodeId)) createNode(doc, node, origin);
    const present = new Set([...nodes.keys()]);
    const edges = edgesMap(doc);
    for (const e of from.edges) {
      if ((e.source !== nodeId && e.target !== nodeId) || edges.has(e.id)) continue;
      if (present.has(e.source) && present.has(e.target)) createEdge(doc, e, origin);
    }
    for (const [name, records] of Object.entries(from.collections)) {
      if (keep.has(name)) continue;
      const live = collectionMap(doc, name);
      for (const r of records) {
        if (live.has(r.id)) continue;
        if (Object.values(r.data).some((v) => v === nodeId || (Array.isArray(v) && (v as unknown[]).includes(nodeId)))) putRecord(doc, name, r.data, r.id, origin);
      }
    }
  }, origin);
  return true;
}
