import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode, deleteNodes, setNodeData, updateNode } from '../../shared/model/mapDoc';
import { FlowMirror } from '../../client/canvas/flowMirror';

const resolve = (kind: string) => (kind === 'note' ? 'note' : 'mk-default');

describe('the canvas view of the map document', () => {
  it('replaces only the node that changed, so a map of 2,000 cards re-renders one card per edit', () => {
    const doc = new Y.Doc();
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < 2000; i++) ids.push(createNode(doc, { x: i * 10, y: 0, label: `kaart ${i}` }));
    });
    const mirror = new FlowMirror(doc, resolve);
    const before = mirror.getNodes();
    expect(before).toHaveLength(2000);
    let emits = 0;
    mirror.subscribe(() => emits++);

    updateNode(doc, ids[7], { x: 500 });
    const after = mirror.getNodes();
    expect(emits).toBe(1);
    expect(after).not.toBe(before);
    const changed = after.filter((n, i) => n !== before[i]);
    expect(changed.map((n) => n.id)).toEqual([ids[7]]);
    expect(changed[0].position.x).toBe(500);

    // A change inside a node's data map counts as a change of that node.
    setNodeData(doc, ids[9], { priority: true });
    expect(mirror.getNodes().find((n) => n.id === ids[9])?.data.record.data.priority).toBe(true);
    mirror.destroy();
  });

  it('keeps selection and measured size local and carries them over when the doc changes a node', () => {
    const doc = new Y.Doc();
    const a = createNode(doc, { label: 'a' });
    const b = createNode(doc, { label: 'b', kind: 'stakeholders.unknown' });
    const mirror = new FlowMirror(doc, resolve);
    mirror.setSelection(new Set([a]), new Set());
    mirror.setMeasured(a, { width: 200, height: 70 });
    updateNode(doc, a, { label: 'A' });
    const node = mirror.getNode(a);
    expect(node?.selected).toBe(true);
    expect(node?.measured).toEqual({ width: 200, height: 70 });
    expect(node?.data.record.label).toBe('A');
    expect(mirror.getNode(b)?.type).toBe('mk-default');
    expect(doc.getMap('nodes').get(a)).toBeInstanceOf(Y.Map);
    expect([...(doc.getMap('nodes').get(a) as Y.Map<unknown>).keys()]).not.toContain('selected');
    deleteNodes(doc, [a]);
    expect(mirror.getNode(a)).toBeUndefined();
    mirror.destroy();
  });

  it('outlines nodes other people have selected without touching the rest', () => {
    const doc = new Y.Doc();
    const a = createNode(doc, { label: 'a' });
    const b = createNode(doc, { label: 'b' });
    const mirror = new FlowMirror(doc, resolve);
    const nodeB = mirror.getNode(b);
    mirror.setRemoteSelection(new Map([[a, '#c2410c']]));
    expect(mirror.getNode(a)?.data.remoteColor).toBe('#c2410c');
    expect(mirror.getNode(b)).toBe(nodeB);
    mirror.destroy();
  });
});
