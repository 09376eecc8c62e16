import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNode } from '../../../shared/model/mapDoc';
import { DisposableStore } from '../../../shared/plugin/Disposable';
import { FlowMirror } from '../../../client/canvas/flowMirror';
import { createMapApi } from '../../../client/host/services/createMapApi';
import { MapService } from '../../../client/host/services/MapService';
import { createTestSession } from './hostTestSession';

describe('background node kinds', () => {
  it('are stacked behind the others, and follow a change of the resolver', () => {
    const doc = new Y.Doc();
    const lane = createNode(doc, { kind: 'area', label: 'Stap 01' });
    const person = createNode(doc, { kind: 'keyFigure', label: 'Hatice' });
    const mirror = new FlowMirror(doc, (k) => k);
    expect(mirror.getNode(lane)?.zIndex).toBeUndefined();
    mirror.setZIndexResolver((kind) => (kind === 'area' ? -2000 : undefined));
    expect(mirror.getNode(lane)?.zIndex).toBe(-2000);
    expect(mirror.getNode(person)?.zIndex).toBeUndefined();
    mirror.setZIndexResolver(() => undefined);
    expect(mirror.getNode(lane)?.zIndex).toBeUndefined();
    mirror.destroy();
  });
});

describe('the selected edges', () => {
  it('are readable through the map API and reported with the selection', () => {
    const session = createTestSession('edit');
    let edges: readonly string[] = [];
    const listeners = new Set<() => void>();
    const base = session.selection;
    session.selection = {
      ...base,
      getEdges: () => edges,
      subscribe: (l) => {
        listeners.add(l);
        const off = base.subscribe(l);
        return () => (listeners.delete(l), off());
      },
    };
    const store = new DisposableStore();
    const service = new MapService(session);
    const api = createMapApi(service, { get: () => undefined }, store, 'test');
    const seen: { nodeIds: string[]; edgeIds: string[] }[] = [];
    api.onDidChangeSelection((e) => seen.push(e));
    expect(api.getSelectedEdges()).toEqual([]);
    edges = ['e1'];
    listeners.forEach((l) => l());
    expect(api.getSelectedEdges()).toEqual(['e1']);
    expect(seen.at(-1)).toEqual({ nodeIds: [], edgeIds: ['e1'] });
    store.dispose();
    service.dispose();
  });

  it('are empty where the selection source knows no edges', () => {
    const session = createTestSession('edit');
    const store = new DisposableStore();
    const api = createMapApi(new MapService(session), { get: () => undefined }, store, 'test');
    expect(api.getSelectedEdges()).toEqual([]);
    store.dispose();
  });
});
