import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { FlowMirror, type FlowEdge, type FlowNode } from './flowMirror';
import type { NodeDecoration } from './nodeDecoration';
import { getSelection, subscribeSelection } from './selectionStore';
import type { Awareness } from 'y-protocols/awareness';

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
const noSubscribe = () => () => {};
const noNodes = () => NO_NODES;
const noEdges = () => NO_EDGES;

export interface FlowMirrorOptions {
  resolveType: (kind: string) => string;
  decorations: ReadonlyMap<string, NodeDecoration>;
  zIndex?: (kind: string) => number | undefined;
}

/**
 * The React Flow view of the document: a FlowMirror kept in step with the type resolver, decorations, stacking
 * and the local selection (which also goes out as presence), and the nodes and edges it derives.
 */
export function useFlowMirror(doc: Y.Doc, awareness: Awareness, options: FlowMirrorOptions): { mirror: FlowMirror | null; nodes: FlowNode[]; edges: FlowEdge[] } {
  const { resolveType, decorations, zIndex } = options;
  // The mirror belongs to one effect run: React may run an effect's cleanup and then the effect again for the
  // same component (StrictMode, re-parenting), and a mirror kept in useMemo would then stay unobserved.
  const resolveTypeRef = useRef(resolveType);
  resolveTypeRef.current = resolveType;
  const [mirror, setMirror] = useState<FlowMirror | null>(null);
  useEffect(() => {
    const m = new FlowMirror(doc, resolveTypeRef.current);
    setMirror(m);
    return () => {
      m.destroy();
      setMirror((cur) => (cur === m ? null : cur));
    };
  }, [doc]);
  useEffect(() => mirror?.setTypeResolver(resolveType), [mirror, resolveType]);
  useEffect(() => mirror?.setDecorations(decorations), [mirror, decorations]);
  useEffect(() => mirror?.setZIndexResolver(zIndex ?? (() => undefined)), [mirror, zIndex]);
  useEffect(() => {
    const sync = () => {
      const s = getSelection();
      mirror?.setSelection(s.nodes, s.edges);
      awareness.setLocalStateField('selection', [...s.nodes, ...s.edges]);
    };
    sync();
    return subscribeSelection(sync);
  }, [mirror, awareness]);

  const nodes = useSyncExternalStore(mirror ? mirror.subscribe : noSubscribe, mirror ? mirror.getNodes : noNodes);
  const edges = useSyncExternalStore(mirror ? mirror.subscribe : noSubscribe, mirror ? mirror.getEdges : noEdges);
  return { mirror, nodes, edges };
}
