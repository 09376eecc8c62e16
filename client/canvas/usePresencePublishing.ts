import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ReactFlowInstance, Viewport as FlowViewport } from '@xyflow/react';
import type { MapSession } from '../collab/MapSession';
import type { FlowEdge, FlowNode } from './flowMirror';
import { getViewState, updateViewState } from './viewportStore';

/** How often this person's pointer position goes to the others at most (20 per second looks smooth). */
const CURSOR_INTERVAL_MS = 50;
/** How often an editor's visible area goes to followers at most. */
const VIEWPORT_INTERVAL_MS = 100;

/**
 * What this person shows the others: the pointer (throttled; every frame was 60 awareness messages a second per
 * person, each relayed to everyone on the map), the role, and for owners and editors the visible area that
 * followers fit to. Also ends following when this person pans or zooms by hand.
 */
export function usePresencePublishing(session: MapSession, flow: ReactFlowInstance<FlowNode, FlowEdge>, wrapper: RefObject<HTMLDivElement | null>, readOnly: boolean) {
  const pending = useRef<{ x: number; y: number } | null>(null);
  const cursorTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      if (e.pointerType === 'touch') return;
      pending.current = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      if (cursorTimer.current !== null) return;
      cursorTimer.current = setTimeout(() => {
        cursorTimer.current = null;
        session.awareness.setLocalStateField('cursor', pending.current);
      }, CURSOR_INTERVAL_MS);
    },
    [flow, session],
  );
  const onPointerLeave = useCallback(() => {
    pending.current = null;
    session.awareness.setLocalStateField('cursor', null);
  }, [session]);

  const publishTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const publishViewport = useCallback(() => {
    publishTimer.current = null;
    const el = wrapper.current;
    if (!el || readOnly) return;
    const rect = el.getBoundingClientRect();
    const a = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
    const b = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
    session.awareness.setLocalStateField('viewport', { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
  }, [flow, readOnly, session, wrapper]);
  const onMove = useCallback(
    (_e: MouseEvent | TouchEvent | null, vp: FlowViewport) => {
      updateViewState({ zoom: vp.zoom });
      if (!readOnly && publishTimer.current === null) publishTimer.current = setTimeout(publishViewport, VIEWPORT_INTERVAL_MS);
    },
    [publishViewport, readOnly],
  );
  const onMoveStart = useCallback((e: MouseEvent | TouchEvent | null) => {
    // Panning or zooming by hand ends following; the follower's own programmatic moves have no event.
    if (e && getViewState().following !== null) updateViewState({ following: null });
  }, []);
  useEffect(() => {
    session.awareness.setLocalStateField('role', session.role);
    if (readOnly) session.awareness.setLocalStateField('viewport', null);
    else publishViewport();
    return () => {
      if (publishTimer.current) clearTimeout(publishTimer.current);
      if (cursorTimer.current !== null) clearTimeout(cursorTimer.current);
    };
  }, [publishViewport, readOnly, session]);

  return { onPointerMove, onPointerLeave, onMove, onMoveStart };
}
