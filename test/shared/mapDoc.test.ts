import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createEdge,
  createNode,
  deleteNodes,
  editSharedText,
  initMeta,
  nodesMap,
  putRecord,
  readNode,
  readTexts,
  setNodeData,
  setSharedText,
  sharedText,
  snapshotMap,
  updateNode,
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

describe('shared texts', () => {
  it('keep what two people type at the same time in different places of one text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setSharedText(a, 'planSummary', 'Wij bereiken mantelzorgers.');
    sync(a, b);
    // Each edits the whole field's value as a textarea reports it; only the difference is applied.
    editSharedText(a, 'planSummary', 'Wij bereiken mantelzorgers in Oost.', 'a');
    editSharedText(b, 'planSummary', 'Samen: Wij bereiken mantelzorgers.', 'b');
    sync(a, b);
    expect(readTexts(a)).toEqual({ planSummary: 'Samen: Wij bereiken mantelzorgers in Oost.' });
    expect(readTexts(b)).toEqual(readTexts(a));
    expect(snapshotMap(a).texts).toEqual({ planSummary: 'Samen: Wij bereiken mantelzorgers in Oost.' });
  });

  it('leave empty texts out of the snapshot and survive a crafted client that made a text name a map', () => {
    const doc = new Y.Doc();
    setSharedText(doc, 'planQuestion', '');
    doc.getMap('t:planBorgen').set('x', 1);
    expect(sharedText(doc, 'planBorgen')).toBeNull();
    expect(() => editSharedText(doc, 'planBorgen', 'tekst')).not.toThrow();
    expect(snapshotMap(doc).texts).toEqual({});
  });
});
