import * as Y from 'yjs';
import type { Edge, Node } from '@xyflow/react';
import { edgesMap, nodesMap, readEdge, readNode } from '../../shared/model/mapDoc';
import type { EdgeRecord, NodeRecord } from '../../shared/model/schema';
import type { NodeDecoration } from './nodeDecoration';

export type FlowNodeData = {
  record: NodeRecord;
  decoration: NodeDecoration | null;
  /** Colour of someone else who has this node selected. */
  remoteColor: string | null;
};
export type FlowNode = Node<FlowNodeData>;
export type FlowEdgeData = { record: EdgeRecord; remoteColor: string | null };
export type FlowEdge = Edge<FlowEdgeData>;

type Listener = () => void;

/**
 * React Flow's view of the Y.Doc, kept incrementally: a change to one node replaces that node's object only,
 * so React Flow and the memoised node components skip every other node (maps of thousands of nodes stay
 * smooth). Local-only state (selection, measured size, decorations, other people's selections) is merged in
 * here, never written to the doc.
 */
export class FlowMirror {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly edges = new Map<string, FlowEdge>();
  private nodeArray: FlowNode[] = [];
  private edgeArray: FlowEdge[] = [];
  private nodesDirty = true;
  private edgesDirty = true;
  private selectedNodes: ReadonlySet<string> = new Set();
  private selectedEdges: ReadonlySet<string> = new Set();
  private decorations: ReadonlyMap<string, NodeDecoration> = new Map();
  private remote: ReadonlyMap<string, string> = new Map();
  private readonly measured = new Map<string, { width: number; height: number }>();
  /** Stacking per node kind (negative: behind edges and other nodes, for lanes and frames). */
  private resolveZIndex: (kind: string) => number | undefined = () => undefined;
  private readonly listeners = new Set<Listener>();
  private readonly unobserve: () => void;

  constructor(
    private readonly doc: Y.Doc,
    private resolveType: (kind: string) => string,
  ) {
    const nodes = nodesMap(doc);
    const edges = edgesMap(doc);
    nodes.forEach((y, id) => this.refreshNode(id));
    edges.forEach((y, id) => this.refreshEdge(id));
    const onNodes = (events: Y.YEvent<any>[]) => {
      const ids = new Set<string>();
      for (const e of events) {
        if (e.target === nodes) for (const key of e.changes.keys.keys()) ids.add(key);
        else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
      }
      for (const id of ids) this.refreshNode(id);
      if (ids.size) this.emit();
    };
    const onEdges = (events: Y.YEvent<any>[]) => {
      const ids = new Set<string>();
      for (const e of events) {
        if (e.target === edges) for (const key of e.changes.keys.keys()) ids.add(key);
        else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
      }
      for (const id of ids) this.refreshEdge(id);
      if (ids.size) this.emit();
    };
    nodes.observeDeep(onNodes);
    edges.observeDeep(onEdges);
    this.unobserve = () => {
      nodes.unobserveDeep(onNodes);
      edges.unobserveDeep(onEdges);
    };
  }

  private buildNode(id: string, record: NodeRecord): FlowNode {
    const m = this.measured.get(id);
    const zIndex = this.resolveZIndex(record.kind);
    return {
      id,
      type: this.resolveType(record.kind),
      ...(zIndex !== undefined ? { zIndex } : {}),
      position: { x: record.x, y: record.y },
      width: record.width,
      height: record.height,
      selected: this.selectedNodes.has(id),
      ...(m ? { measured: m } : {}),
      data: { record, decoration: this.decorations.get(id) ?? null, remoteColor: this.remote.get(id) ?? null },
    };
  }

  private refreshNode(id: string): void {
    const y = nodesMap(this.doc).get(id);
    if (y instanceof Y.Map) this.nodes.set(id, this.buildNode(id, readNode(id, y)));
    else {
      this.nodes.delete(id);
      this.measured.delete(id);
    }
    this.nodesDirty = true;
  }

  private refreshEdge(id: string): void {
    const y = edgesMap(this.doc).get(id);
    if (y instanceof Y.Map) {
      const record = readEdge(id, y);
      this.edges.set(id, {
        id,
        source: record.source,
        target: record.target,
        sourceHandle: record.sourceHandle,
        targetHandle: record.targetHandle,
        label: record.label || undefined,
        selected: this.selectedEdges.has(id),
        data: { record, remoteColor: this.remote.get(id) ?? null },
        ...(this.remote.has(id) ? { style: { stroke: this.remote.get(id) } } : {}),
      });
    } else this.edges.delete(id);
    this.edgesDirty = true;
  }

  /** Replaces the node objects whose local-only state differs; `patch` returns null when nothing changes. */
  private patchNodes(ids: Iterable<string>, patch: (n: FlowNode) => FlowNode | null): boolean {
    let changed = false;
    for (const id of ids) {
      const n = this.nodes.get(id);
      if (!n) continue;
      const next = patch(n);
      if (next) {
        this.nodes.set(id, next);
        changed = true;
      }
    }
    if (changed) this.nodesDirty = true;
    return changed;
  }

  setSelection(nodes: ReadonlySet<string>, edges: ReadonlySet<string>): void {
    const prevNodes = this.selectedNodes;
    const prevEdges = this.selectedEdges;
    this.selectedNodes = nodes;
    this.selectedEdges = edges;
    const touched = new Set([...prevNodes, ...nodes]);
    let changed = this.patchNodes(touched, (n) => (!!n.selected === nodes.has(n.id) ? null : { ...n, selected: nodes.has(n.id) }));
    for (const id of new Set([...prevEdges, ...edges])) {
      const e = this.edges.get(id);
      if (e && !!e.selected !== edges.has(id)) {
        this.edges.set(id, { ...e, selected: edges.has(id) });
        this.edgesDirty = true;
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  setDecorations(decorations: ReadonlyMap<string, NodeDecoration>): void {
    const prev = this.decorations;
    this.decorations = decorations;
    const changed = this.patchNodes(new Set([...prev.keys(), ...decorations.keys()]), (n) => {
      const d = decorations.get(n.id) ?? null;
      return n.data.decoration === d ? null : { ...n, data: { ...n.data, decoration: d } };
    });
    if (changed) this.emit();
  }

  /** Other people's selections: element id → the colour to outline it with. */
  setRemoteSelection(remote: ReadonlyMap<string, string>): void {
    const prev = this.remote;
    this.remote = remote;
    const ids = new Set([...prev.keys(), ...remote.keys()]);
    let changed = this.patchNodes(ids, (n) => {
      const c = remote.get(n.id) ?? null;
      return n.data.remoteColor === c ? null : { ...n, data: { ...n.data, remoteColor: c } };
    });
    for (const id of ids) {
      const e = this.edges.get(id);
      if (e && (e.data?.remoteColor ?? null) !== (remote.get(id) ?? null)) {
        this.refreshEdge(id);
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  /** React Flow measured a node: kept locally so later rebuilds of that node do not hide it again. */
  setMeasured(id: string, size: { width: number; height: number }): void {
    const prev = this.measured.get(id);
    if (prev && prev.width === size.width && prev.height === size.height) return;
    this.measured.set(id, size);
    if (this.patchNodes([id], (n) => ({ ...n, measured: size }))) this.emit();
  }

  setTypeResolver(resolve: (kind: string) => string): void {
    this.resolveType = resolve;
    const changed = this.patchNodes([...this.nodes.keys()], (n) => {
      const type = resolve(n.data.record.kind);
      return n.type === type ? null : { ...n, type };
    });
    if (changed) this.emit();
  }

  /** Sets the stacking of nodes by kind; undefined leaves React Flow's default. */
  setZIndexResolver(resolve: (kind: string) => number | undefined): void {
    this.resolveZIndex = resolve;
    const changed = this.patchNodes([...this.nodes.keys()], (n) => {
      const zIndex = resolve(n.data.record.kind);
      if (n.zIndex === zIndex) return null;
      const { zIndex: _old, ...rest } = n;
      return zIndex === undefined ? rest : { ...rest, zIndex };
    });
    if (changed) this.emit();
  }

  getNode(id: string): FlowNode | undefined {
    return this.nodes.get(id);
  }

  getNodes = (): FlowNode[] => {
    if (this.nodesDirty) {
      this.nodeArray = [...this.nodes.values()];
      this.nodesDirty = false;
    }
    return this.nodeArray;
  };

  getEdges = (): FlowEdge[] => {
    if (this.edgesDirty) {
      this.edgeArray = [...this.edges.values()];
      this.edgesDirty = false;
    }
    return this.edgeArray;
  };

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private batchDepth = 0;
  private emitPending = false;

  /**
   * Runs `fn` and tells listeners once at the end: React Flow reports the sizes of 2,000 freshly drawn nodes in
   * one call, and one emit per node made every listener rebuild the node array 2,000 times.
   */
  batch(fn: () => void): void {
    this.batchDepth++;
    try {
      fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.emitPending) {
        this.emitPending = false;
        this.emit();
      }
    }
  }

  private emit(): void {
    if (this.batchDepth > 0) {
      this.emitPending = true;
      return;
    }
    for (const l of this.listeners) l();
  }

  destroy(): void {
    this.unobserve();
    this.listeners.clear();
  }
}
