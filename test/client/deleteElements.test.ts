import { describe, expect, it } from 'vitest';
import { createEdge, createNode, edgesMap, nodesMap } from '../../shared/model/mapDoc';
import { peopleMap, readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import { createTestSession, LOCAL } from './host/hostTestSession';

describe('the one delete path', () => {
  it('deletes a card with its lines and contact details; one undo brings all back, redo removes them again', () => {
    const s = createTestSession('edit');
    const a = createNode(s.doc, { kind: 'keyFigure', label: 'Hatice' }, LOCAL);
    const b = createNode(s.doc, { kind: 'community', label: 'Turkse gemeenschap' }, LOCAL);
    const line = createEdge(s.doc, { source: a, target: b }, LOCAL);
    setPrivateFields(s.privateDoc!, a, { phone: '06-12345678', email: 'h@example.nl' }, LOCAL);
    s.undoManager.clear();

    s.deleteElements([a]);
    expect(nodesMap(s.doc).has(a)).toBe(false);
    expect(edgesMap(s.doc).has(line)).toBe(false);
    expect(peopleMap(s.privateDoc!).has(a)).toBe(false);
    expect(s.undoManager.undoStack.length).toBe(1);

    s.undo();
    expect(nodesMap(s.doc).has(a)).toBe(true);
    expect(edgesMap(s.doc).has(line)).toBe(true);
    expect(readPrivateFields(s.privateDoc!, a)).toEqual({ phone: '06-12345678', email: 'h@example.nl' });

    s.redo();
    expect(nodesMap(s.doc).has(a)).toBe(false);
    expect(peopleMap(s.privateDoc!).has(a)).toBe(false);

    s.undo();
    expect(readPrivateFields(s.privateDoc!, a).phone).toBe('06-12345678');
  });

  it('leaves contact details of cards it did not delete alone, and an undo of an earlier step does not restore any', () => {
    const s = createTestSession('edit');
    const a = createNode(s.doc, { label: 'a' }, LOCAL);
    const b = createNode(s.doc, { label: 'b' }, LOCAL);
    setPrivateFields(s.privateDoc!, b, { phone: '06-1' }, LOCAL);
    s.deleteElements([a]);
    expect(readPrivateFields(s.privateDoc!, b).phone).toBe('06-1');
    s.undo();
    s.undo();
    expect(peopleMap(s.privateDoc!).has(a)).toBe(false);
  });
});
