import { useMemo, useRef, type MouseEvent as ReactMouseEvent } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flowMirror';

export type NodeMenuHandler = (event: ReactMouseEvent | MouseEvent, nodeId: string) => void;
export type PaneMenuHandler = (event: ReactMouseEvent | MouseEvent, position: { x: number; y: number }) => void;

/**
 * Context menu handlers for React Flow, with a stable identity: a new handler would re-render every node wrapper
 * (React Flow passes them to each of them), which at 2,000 nodes cost a quarter of a second per pan step. The
 * callers' latest handlers are reached through refs.
 */
export function useCanvasMenus(
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
  onNodeContextMenu: NodeMenuHandler | undefined,
  onPaneContextMenu: PaneMenuHandler | undefined,
): { node?: (e: ReactMouseEvent, node: FlowNode) => void; pane?: (e: ReactMouseEvent | MouseEvent) => void } {
  const nodeMenuRef = useRef(onNodeContextMenu);
  nodeMenuRef.current = onNodeContextMenu;
  const paneMenuRef = useRef(onPaneContextMenu);
  paneMenuRef.current = onPaneContextMenu;
  const hasNodeMenu = onNodeContextMenu !== undefined;
  const hasPaneMenu = onPaneContextMenu !== undefined;
  const node = useMemo(
    () =>
      hasNodeMenu
        ? (e: ReactMouseEvent, n: FlowNode) => {
            if (!nodeMenuRef.current) return;
            e.preventDefault();
            nodeMenuRef.current(e, n.id);
          }
        : undefined,
    [hasNodeMenu],
  );
  const pane = useMemo(
    () =>
      hasPaneMenu
        ? (e: ReactMouseEvent | MouseEvent) => {
            if (!paneMenuRef.current) return;
            e.preventDefault();
            paneMenuRef.current(e, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
          }
        : undefined,
    [flow, hasPaneMenu],
  );
  return useMemo(() => ({ node, pane }), [node, pane]);
}
