import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEdge, createNode, deleteNodes, initMeta, nodesMap, putRecord, readNode, setNodeData, snapshotMap, updateNode,
} from '../../shared/model/mapDoc';
import { migrateMapDoc, schemaVersionOf } from '../../shared/model/migrate';
import { SCHEMA_VERSION } from '../../shared/model/schema';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the map document', () => {
  it('keeps both people’s edits when they change different fields of one node at the same time', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createNode(a, { kind: 'note', label: 'Moskee', x: 10, y: 20 });
    sync(a, b);
    updateNode(a, id, { label: 'Moskee Al Houda' });
    updateNode(b, id, { x: 300 });
    setNodeData(a, id, { wijk: 'Oost' });
    setNodeData(b, id, { type: 'moskee' });
    sync(a, b);
    for (const doc of [a, b]) {
      const n = readNode(id, nodesMap(doc).get(id)!);
      expect(n.label).toBe('Moskee Al Houda');
      expect(n.x).toBe(300);
      expect(n.data).toEqual({ wijk: 'Oost', type: 'moskee' });
    }
    expect(snapshotMap(a)).toEqual(snapshotMap(b));
  });

  it('removes the edges of a deleted node with it', () => {
    const doc = new Y.Doc();
    const a = createNode(doc, { label: 'A' });
    const b = createNode(doc, { label: 'B' });
    const c = createNode(doc, { label: 'C' });
    createEdge(doc, { source: a, target: b });
    const keep = createEdge(doc, { source: b, target: c });
    deleteNodes(doc, [a]);
    expect(snapshotMap(doc).edges.map((e) => e.id)).toEqual([keep]);
  });

  it('reads malformed values from a remote client as defaults instead of crashing', () => {
    const doc = new Y.Doc();
    const y = new Y.Map<unknown>();
    nodesMap(doc).set('x1', y);
    y.set('x', 'not a number');
    y.set('label', 42);
    const n = readNode('x1', y);
    expect(n.x).toBe(0);
    expect(n.label).toBe('');
    expect(n.kind).toBe('note');
  });

  it('stores collection records field by field', () => {
    const doc = new Y.Doc();
    const id = putRecord(doc, 'commitments', { who: 'n1', hours: 8 });
    putRecord(doc, 'commitments', { status: 'afgesproken' }, id);
    expect(snapshotMap(doc).collections.commitments).toEqual([{ id, data: { who: 'n1', hours: 8, status: 'afgesproken' } }]);
  });
});

describe('schema migration', () => {
  it('stamps an unversioned document with content and gives its nodes a data map', () => {
    const doc = new Y.Doc();
    const y = new Y.Map<unknown>();
    nodesMap(doc).set('old', y);
    y.set('label', 'van vroeger');
    expect(schemaVersionOf(doc)).toBe(0);
    expect(migrateMapDoc(doc)).toEqual({ status: 'migrated', from: 0, to: SCHEMA_VERSION });
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    expect(nodesMap(doc).get('old')!.get('data')).toBeInstanceOf(Y.Map);
  });

  it('leaves a new empty document and a current one unchanged', () => {
    const empty = new Y.Doc();
    expect(migrateMapDoc(empty).status).toBe('current');
    expect(empty.share.size === 0 || schemaVersionOf(empty) === 0).toBe(true);
    const current = new Y.Doc();
    initMeta(current, { title: 'Kaart' });
    const before = Y.encodeStateAsUpdate(current);
    expect(migrateMapDoc(current).status).toBe('current');
    expect(Y.encodeStateAsUpdate(current)).toEqual(before);
  });

  it('refuses to touch a document from a newer version', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(migrateMapDoc(doc)).toEqual({ status: 'newer', version: SCHEMA_VERSION + 1 });
  });
});
