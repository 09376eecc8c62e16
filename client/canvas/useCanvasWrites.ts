import { useCallback, useMemo, type RefObject } from 'react';
import type { Connection, EdgeChange, NodeChange, ReactFlowInstance } from '@xyflow/react';
import * as Y from 'yjs';
import { createEdge, createNode, edgesMap, readEdge, updateNode } from '../../shared/model/mapDoc';
import { DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH } from '../../shared/model/schema';
import type { MapSession } from '../collab/MapSession';
import { LOCAL_ORIGIN } from '../collab/localOrigin';
import { setEditingNode } from './editingStore';
import type { FlowEdge, FlowMirror, FlowNode } from './flowMirror';
import { clearSelection, getSelection, setSelection } from './selectionStore';

/** The canvas's writes to the map, each this person's undoable change; none of them writes on a view link. */
export interface CanvasWrites {
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  onConnect(c: Connection): void;
  /** Creates a note (at a flow position, or in the middle of the canvas), selects it and starts editing it. */
  createAt(at?: { x: number; y: number }): string | null;
  /** Deletes the selection through the session's one delete path (contact details included). */
  deleteSelection(): void;
  commitLabel(id: string, label: string): void;
}

/** True when a card or a line already joins these two cards, in either direction: a second one is most likely a slip. */
function linked(doc: Y.Doc, a: string, b: string): boolean {
  let exists = false;
  edgesMap(doc).forEach((y, id) => {
    if (exists || !(y instanceof Y.Map)) return;
    const e = readEdge(id, y);
    exists = (e.source === a && e.target === b) || (e.source === b && e.target === a);
  });
  return exists;
}

export function useCanvasWrites(
  session: MapSession,
  mirror: FlowMirror | null,
  readOnly: boolean,
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
  wrapper: RefObject<HTMLDivElement | null>,
): CanvasWrites {
  const doc = session.doc;

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let selected: Set<string> | null = null;
      const writes: { id: string; patch: { x?: number; y?: number; width?: number; height?: number } }[] = [];
      const measured: { id: string; size: { width: number; height: number } }[] = [];
      for (const c of changes) {
        if (c.type === 'select') {
          selected ??= new Set(getSelection().nodes);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        } else if (c.type === 'position' && c.position && !readOnly) {
          writes.push({ id: c.id, patch: { x: Math.round(c.position.x), y: Math.round(c.position.y) } });
        } else if (c.type === 'dimensions' && c.dimensions) {
          if (c.setAttributes && !readOnly) writes.push({ id: c.id, patch: { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) } });
          measured.push({ id: c.id, size: c.dimensions });
        }
      }
      if (measured.length && mirror) {
        mirror.batch(() => {
          for (const m of measured) mirror.setMeasured(m.id, m.size);
        });
      }
      if (writes.length) {
        session.transact(() => {
          for (const w of writes) updateNode(doc, w.id, w.patch, LOCAL_ORIGIN);
        });
      }
      if (selected) setSelection({ nodes: selected });
    },
    [doc, mirror, readOnly, session],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(getSelection().edges);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected) setSelection({ edges: selected });
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target || c.source === c.target || linked(doc, c.source, c.target)) return;
      createEdge(doc, { source: c.source, target: c.target, sourceHandle: c.sourceHandle, targetHandle: c.targetHandle }, LOCAL_ORIGIN);
    },
    [doc, readOnly],
  );

  const createAt = useCallback(
    (at?: { x: number; y: number }): string | null => {
      if (readOnly) return null;
      let pos = at;
      if (!pos) {
        const rect = wrapper.current?.getBoundingClientRect();
        pos = flow.screenToFlowPosition({ x: (rect?.left ?? 0) + (rect?.width ?? 800) / 2, y: (rect?.top ?? 0) + (rect?.height ?? 600) / 2 });
      }
      const id = createNode(doc, { x: Math.round(pos.x - DEFAULT_NODE_WIDTH / 2), y: Math.round(pos.y - DEFAULT_NODE_HEIGHT / 2), label: '' }, LOCAL_ORIGIN);
      setSelection({ nodes: [id], edges: [] });
      setEditingNode(id);
      return id;
    },
    [doc, flow, readOnly, wrapper],
  );

  const deleteSelection = useCallback(() => {
    if (readOnly) return;
    const { nodes, edges } = getSelection();
    if (nodes.size === 0 && edges.size === 0) return;
    session.deleteElements(nodes, edges);
    clearSelection();
    wrapper.current?.focus();
  }, [readOnly, session, wrapper]);

  const commitLabel = useCallback(
    (id: string, label: string) => {
      if (readOnly) return;
      // A rename is one step of its own: never merged into whatever this person did just before (a drag, a new card).
      session.undoManager.stopCapturing();
      updateNode(doc, id, { label }, LOCAL_ORIGIN);
      session.undoManager.stopCapturing();
    },
    [doc, readOnly, session],
  );

  return useMemo(
    () => ({ onNodesChange, onEdgesChange, onConnect, createAt, deleteSelection, commitLabel }),
    [onNodesChange, onEdgesChange, onConnect, createAt, deleteSelection, commitLabel],
  );
}
