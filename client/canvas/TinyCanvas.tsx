import { useCallback, useEffect, useMemo, useRef, type MouseEvent as ReactMouseEvent } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { updateNode } from '../../shared/model/mapDoc';
import type { MapSession } from '../collab/MapSession';
import { LOCAL_ORIGIN } from '../collab/localOrigin';
import { drawTinyMap, groupEdges, nodeAt, stackingOrder, type TinyMapColors } from './drawTinyMap';
import type { FlowEdge, FlowNode } from './flowMirror';
import { getSelection, setSelection } from './selectionStore';

/** Pointer travel (screen pixels) before a press on a card becomes a drag. */
const DRAG_THRESHOLD = 3;

export interface TinyCanvasProps {
  session: MapSession;
  nodes: FlowNode[];
  edges: FlowEdge[];
  colors: TinyMapColors;
  readOnly: boolean;
  onNodeContextMenu?: (event: ReactMouseEvent | MouseEvent, nodeId: string) => void;
}

const selectTransform = (s: { transform: [number, number, number] }) => s.transform;

/**
 * The map zoomed far out (below TINY_ZOOM), drawn on one canvas instead of thousands of card elements: without a
 * GPU, Chromium spent more than a frame per frame compositing, rasterising and hit-testing 2,000 cards however
 * plain they were. React Flow keeps its nodes (minimap, box selection, framing work as before) but they are not
 * displayed; pressing, dragging, double-clicking and right-clicking a card are handled here, in the same way.
 */
export function TinyCanvas({ session, nodes, edges, colors, readOnly, onNodeContextMenu }: TinyCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore(selectTransform);
  const ordered = useMemo(() => stackingOrder(nodes), [nodes]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const edgeGroups = useMemo(() => groupEdges(edges, colors), [edges, colors]);

  // Latest values for the native listeners, which are attached once.
  const live = useRef({ ordered, zoom, tx, ty, readOnly, onNodeContextMenu });
  live.current = { ordered, zoom, tx, ty, readOnly, onNodeContextMenu };

  // Drawing: at most once per frame, whatever changed (pan, zoom, an edit, a resize).
  const scene = useRef({ ordered, byId, edgeGroups, colors, tx, ty, zoom });
  scene.current = { ordered, byId, edgeGroups, colors, tx, ty, zoom };
  const frame = useRef(0);
  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const s = scene.current;
      canvas.dataset.drawnNodes = String(drawTinyMap(ctx, { width, height, dpr }, { x: s.tx, y: s.ty, zoom: s.zoom }, s.ordered, s.byId, s.edgeGroups, s.colors));
    });
  }, []);
  useEffect(schedule, [schedule, ordered, byId, edgeGroups, colors, tx, ty, zoom]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(schedule);
    ro.observe(canvas);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule]);

  // Pressing, dragging and menus on cards. Capture phase on React Flow's element, so a press on a card never
  // reaches the pane (which would pan) and a press on empty canvas goes on to it unchanged.
  useEffect(() => {
    const host = canvasRef.current?.parentElement;
    if (!host) return;
    const hit = (e: MouseEvent): FlowNode | undefined => {
      if (!(e.target instanceof Element) || e.target.closest('.react-flow__panel, .react-flow__nodesselection')) return undefined;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      return nodeAt(live.current.ordered, p.x, p.y);
    };
    const focusCanvas = () => host.closest<HTMLElement>('.mk-canvas')?.focus({ preventScroll: true });
    // The click that follows a press on a card must not reach the pane, which would clear the selection.
    let swallowClick = false;
    const onClick = (e: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.preventDefault();
      e.stopPropagation();
    };

    const onPointerDown = (e: PointerEvent) => {
      // Fingers pan and pinch here as everywhere (a card is a few pixels wide at this zoom).
      if (e.button !== 0 || !e.isPrimary || e.pointerType === 'touch') return;
      const node = hit(e);
      if (!node) return;
      e.preventDefault();
      e.stopPropagation();
      swallowClick = true;
      focusCanvas();
      const multi = e.shiftKey || e.ctrlKey || e.metaKey;
      const selected = new Set(getSelection().nodes);
      if (multi) {
        if (selected.has(node.id)) selected.delete(node.id);
        else selected.add(node.id);
        setSelection({ nodes: selected });
        return;
      }
      if (!selected.has(node.id)) setSelection({ nodes: [node.id], edges: [] });
      if (live.current.readOnly) return;

      const ids = getSelection().nodes;
      const starts = live.current.ordered.filter((n) => ids.has(n.id)).map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));
      const sx = e.clientX;
      const sy = e.clientY;
      let moved = false;
      let pending: { dx: number; dy: number } | null = null;
      let raf = 0;
      const write = () => {
        raf = 0;
        if (!pending) return;
        const { dx, dy } = pending;
        pending = null;
        session.transact(() => {
          for (const s of starts) updateNode(session.doc, s.id, { x: Math.round(s.x + dx), y: Math.round(s.y + dy) }, LOCAL_ORIGIN);
        });
      };
      const onMove = (m: PointerEvent) => {
        if (!moved && Math.hypot(m.clientX - sx, m.clientY - sy) < DRAG_THRESHOLD) return;
        moved = true;
        const z = live.current.zoom;
        pending = { dx: (m.clientX - sx) / z, dy: (m.clientY - sy) / z };
        if (!raf) raf = requestAnimationFrame(write);
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onUp);
        if (raf) cancelAnimationFrame(raf);
        write();
        // A plain click on one of several selected cards selects just that card, as on the full canvas.
        if (!moved && ids.size > 1) setSelection({ nodes: [node.id], edges: [] });
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onUp);
    };
    const onDoubleClick = (e: MouseEvent) => {
      const node = hit(e);
      if (!node) return;
      e.preventDefault();
      e.stopPropagation();
      // Far out, a double click on a card goes to it.
      void flow.fitView({ nodes: [{ id: node.id }], padding: 0.6, maxZoom: 1, duration: 300 });
    };
    const onContextMenu = (e: MouseEvent) => {
      const node = hit(e);
      const open = live.current.onNodeContextMenu;
      if (!node || !open) return;
      e.preventDefault();
      e.stopPropagation();
      if (!getSelection().nodes.has(node.id)) setSelection({ nodes: [node.id], edges: [] });
      open(e, node.id);
    };
    const onHover = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      host.classList.toggle('mk-over-tiny-card', hit(e) !== undefined);
    };
    host.addEventListener('pointerdown', onPointerDown, true);
    host.addEventListener('click', onClick, true);
    host.addEventListener('dblclick', onDoubleClick, true);
    host.addEventListener('contextmenu', onContextMenu, true);
    host.addEventListener('pointermove', onHover);
    return () => {
      host.removeEventListener('pointerdown', onPointerDown, true);
      host.removeEventListener('click', onClick, true);
      host.removeEventListener('dblclick', onDoubleClick, true);
      host.removeEventListener('contextmenu', onContextMenu, true);
      host.removeEventListener('pointermove', onHover);
      host.classList.remove('mk-over-tiny-card');
    };
  }, [flow, session]);

  return <canvas ref={canvasRef} className="mk-tiny-canvas" aria-hidden="true" data-testid="tiny-canvas" />;
}
