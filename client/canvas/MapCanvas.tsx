import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type EdgeProps,
  type EdgeTypes,
  type NodeChange,
  type Viewport as FlowViewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { createEdge, createNode, deleteEdges, deleteNodes, edgesMap, readEdge, updateNode } from '../../shared/model/mapDoc';
import { DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH, type NodeRecord } from '../../shared/model/schema';
import type { MapSession } from '../collab/MapSession';
import { LOCAL_ORIGIN } from '../collab/localOrigin';
import { useT } from '../i18n/i18n';
import { CanvasContext, FAR_ZOOM, TINY_ZOOM, type CanvasContextValue } from './CanvasContext';
import { setCanvasController } from './canvasController';
import { SessionStatusMarker } from './SessionStatusMarker';
import { CanvasPresence } from './CanvasPresence';
import { DefaultNode } from './DefaultNode';
import { useFullDetailForced } from './detailStore';
import { FarEdges, type EdgeColor } from './FarEdges';
import { TinyCanvas } from './TinyCanvas';
import { getEditingNode, setEditingNode } from './editingStore';
import { FitOnLoad } from './FitOnLoad';
import { FlowMirror, type FlowEdge, type FlowNode } from './flowMirror';
import { isTypingTarget } from './isTypingTarget';
import type { MapNodeProps } from './mapNodeProps';
import type { NodeDecoration } from './nodeDecoration';
import { clearSelection, getSelection, setSelection, subscribeSelection } from './selectionStore';
import { getViewState, updateViewState } from './viewportStore';
import * as Y from 'yjs';

export interface MapCanvasProps {
  session: MapSession;
  /** Node components by node kind; kinds missing here render as the neutral default card. */
  nodeTypes?: Readonly<Record<string, ComponentType<MapNodeProps>>>;
  /** View links: nothing that edits is offered. Defaults to the session's role. */
  readOnly?: boolean;
  /** Markers and dimming by node id (problems, filters); local, never stored. */
  nodeDecorations?: ReadonlyMap<string, NodeDecoration>;
  /** Stacking per node kind: a negative value draws nodes of that kind behind edges and other nodes. */
  nodeZIndex?: (kind: string) => number | undefined;
  /** Draws every edge (the host draws declared edge kinds); React Flow's default edge when absent. */
  edgeComponent?: ComponentType<EdgeProps<FlowEdge>>;
  /** Line colour per edge when zoomed out (FarEdges draws them then); a neutral grey when absent. */
  edgeColor?: EdgeColor;
  /** Card colour per node when zoomed far out (TinyCanvas draws them then); neutral when absent. */
  nodeColor?: (record: NodeRecord) => string | undefined;
  onNodeContextMenu?: (event: ReactMouseEvent | MouseEvent, nodeId: string) => void;
  /** `position` is where the menu was opened, in flow coordinates (to create something there). */
  onPaneContextMenu?: (event: ReactMouseEvent | MouseEvent, position: { x: number; y: number }) => void;
  /** Keyboard shortcuts for undo/redo/delete/edit (default true); the host turns them off when it binds its own. */
  shortcuts?: boolean;
  children?: ReactNode;
}

/** Internal type for any kind without a component. */
const FALLBACK_TYPE = 'mk-default';
const EMPTY_DECORATIONS: ReadonlyMap<string, NodeDecoration> = new Map();
// Props React Flow copies into its store: a new object or array per render is a store update (every node and
// edge component re-checks its selector), so they are constants.
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
/** How often this person's pointer position goes to the others at most (20 per second looks smooth). */
const CURSOR_INTERVAL_MS = 50;
const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
const noSubscribe = () => () => {};
const noNodes = () => NO_NODES;
const noEdges = () => NO_EDGES;
// Constant strings: the canvas re-renders only when the zoom crosses FAR_ZOOM or TINY_ZOOM.
const selectZoomLevel = (s: { transform: [number, number, number] }) => (s.transform[2] >= FAR_ZOOM ? 'near' : s.transform[2] >= TINY_ZOOM ? 'far' : 'tiny');
const selectFlowId = (s: { rfId: string }) => s.rfId;

/** A full-window React Flow canvas bound to the session's Y.Doc. */
export function MapCanvas(props: MapCanvasProps) {
  return (
    <ReactFlowProvider>
      <MapCanvasInner {...props} />
    </ReactFlowProvider>
  );
}

function MapCanvasInner({
  session,
  nodeTypes,
  readOnly: readOnlyProp,
  nodeDecorations = EMPTY_DECORATIONS,
  nodeZIndex,
  edgeComponent,
  edgeColor,
  nodeColor,
  onNodeContextMenu,
  onPaneContextMenu,
  shortcuts = true,
  children,
}: MapCanvasProps) {
  const t = useT();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const readOnly = readOnlyProp ?? session.role === 'view';
  const doc = session.doc;
  const wrapper = useRef<HTMLDivElement>(null);
  // Zoomed out, cards and edges draw simplified (FarCard, FarEdges), unless an export needs every detail.
  const zoomLevel = useStore(selectZoomLevel);
  const detailForced = useFullDetailForced();
  const far = zoomLevel !== 'near' && !detailForced;
  const tiny = zoomLevel === 'tiny' && !detailForced;
  const flowId = useStore(selectFlowId);

  const types = useMemo(() => ({ note: DefaultNode, ...nodeTypes, [FALLBACK_TYPE]: DefaultNode }), [nodeTypes]);
  const resolveType = useCallback((kind: string) => (Object.prototype.hasOwnProperty.call(types, kind) ? kind : FALLBACK_TYPE), [types]);

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
  useEffect(() => mirror?.setDecorations(nodeDecorations), [mirror, nodeDecorations]);
  useEffect(() => mirror?.setZIndexResolver(nodeZIndex ?? (() => undefined)), [mirror, nodeZIndex]);
  // React Flow types edge components over untyped data; ours read FlowEdge data, which the mirror always sets.
  const edgeTypes = useMemo<EdgeTypes | undefined>(() => (edgeComponent ? { default: edgeComponent as EdgeTypes[string] } : undefined), [edgeComponent]);
  useEffect(() => {
    const sync = () => {
      const s = getSelection();
      mirror?.setSelection(s.nodes, s.edges);
      session.awareness.setLocalStateField('selection', [...s.nodes, ...s.edges]);
    };
    sync();
    return subscribeSelection(sync);
  }, [mirror, session]);
  useEffect(() => () => {
    clearSelection();
    setEditingNode(null);
  }, [session]);

  const nodes = useSyncExternalStore(mirror ? mirror.subscribe : noSubscribe, mirror ? mirror.getNodes : noNodes);
  // The server's state has arrived, or this browser's copy (when it has anything): then the view is framed.
  // A boolean selector, so changes of the unsent count do not re-render the canvas.
  const synced = useSyncExternalStore(session.subscribe, () => session.getStatus().synced);
  const localLoaded = useSyncExternalStore(session.subscribe, () => session.getStatus().localLoaded);
  const loaded = synced || (localLoaded && nodes.length > 0);
  const edges = useSyncExternalStore(mirror ? mirror.subscribe : noSubscribe, mirror ? mirror.getEdges : noEdges);

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
          if (c.setAttributes && !readOnly) {
            writes.push({ id: c.id, patch: { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) } });
          }
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
      if (readOnly || !c.source || !c.target || c.source === c.target) return;
      // One link between two cards is enough; a second drag between them is most likely a slip.
      let exists = false;
      edgesMap(doc).forEach((y, id) => {
        if (!(y instanceof Y.Map)) return;
        const e = readEdge(id, y);
        if ((e.source === c.source && e.target === c.target) || (e.source === c.target && e.target === c.source)) exists = true;
      });
      if (exists) return;
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
      const id = createNode(
        doc,
        { x: Math.round(pos.x - DEFAULT_NODE_WIDTH / 2), y: Math.round(pos.y - DEFAULT_NODE_HEIGHT / 2), label: '' },
        LOCAL_ORIGIN,
      );
      setSelection({ nodes: [id], edges: [] });
      setEditingNode(id);
      return id;
    },
    [doc, flow, readOnly],
  );

  const deleteSelection = useCallback(() => {
    if (readOnly) return;
    const { nodes: n, edges: e } = getSelection();
    if (n.size === 0 && e.size === 0) return;
    session.transact(() => {
      deleteEdges(doc, e, LOCAL_ORIGIN);
      deleteNodes(doc, n, LOCAL_ORIGIN);
    });
    clearSelection();
    wrapper.current?.focus();
  }, [doc, readOnly, session]);

  const focusNode = useCallback((id: string) => {
    const el = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    el?.focus({ preventScroll: true });
  }, []);

  const tinyColors = useMemo(() => ({ node: nodeColor, edge: edgeColor }), [nodeColor, edgeColor]);

  const context = useMemo<CanvasContextValue>(
    () => ({
      readOnly,
      far,
      tiny,
      flowId,
      commitLabel: (id, label) => {
        if (!readOnly) updateNode(doc, id, { label }, LOCAL_ORIGIN);
      },
      stopEditing: (id) => {
        if (getEditingNode() === id) setEditingNode(null);
        focusNode(id);
      },
    }),
    [doc, readOnly, far, tiny, flowId, focusNode],
  );

  const undo = useCallback(() => {
    if (!readOnly) session.undoManager.undo();
  }, [readOnly, session]);
  const redo = useCallback(() => {
    if (!readOnly) session.undoManager.redo();
  }, [readOnly, session]);

  useEffect(() => {
    setCanvasController({
      createNode: createAt,
      editLabel: (id) => {
        if (!readOnly && mirror?.getNode(id)) setEditingNode(id);
      },
      deleteSelection,
      revealNodes: (ids) => {
        setSelection({ nodes: ids, edges: [] });
        const targets = ids.map((id) => ({ id }));
        if (targets.length) void flow.fitView({ nodes: targets, padding: 0.4, maxZoom: 1.2, duration: 250 });
      },
      fitView: () => void flow.fitView({ padding: 0.15, duration: 250 }),
      undo,
      redo,
    });
    return () => setCanvasController(null);
  }, [createAt, deleteSelection, flow, mirror, readOnly, undo, redo]);

  // Undo and redo listen on the window: focus may be on a toolbar button, not the canvas.
  useEffect(() => {
    if (!shortcuts || readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTypingTarget(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey)) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts, readOnly, undo, redo]);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (!shortcuts || isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (readOnly) return;
        e.preventDefault();
        deleteSelection();
      } else if (e.key === 'Enter') {
        if (readOnly) return;
        const focused = (e.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
        const sel = getSelection().nodes;
        const id = focused ?? (sel.size === 1 ? [...sel][0] : null);
        if (id) {
          e.preventDefault();
          setSelection({ nodes: [id], edges: [] });
          setEditingNode(id);
        }
      } else if (e.key === 'Escape') {
        clearSelection();
        wrapper.current?.focus();
      }
    },
    [deleteSelection, readOnly, shortcuts],
  );

  // Presence: the pointer in flow coordinates, at most every CURSOR_INTERVAL_MS (the latest position always goes
  // out). Every frame was 60 awareness messages a second per person, each relayed to everyone on the map.
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

  // The visible area, for the status bar (zoom) and, from owners and editors, for followers.
  const publishTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const publishViewport = useCallback(() => {
    publishTimer.current = null;
    const el = wrapper.current;
    if (!el || readOnly) return;
    const rect = el.getBoundingClientRect();
    const a = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
    const b = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
    session.awareness.setLocalStateField('viewport', { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
  }, [flow, readOnly, session]);
  const onMove = useCallback(
    (_e: MouseEvent | TouchEvent | null, vp: FlowViewport) => {
      updateViewState({ zoom: vp.zoom });
      if (!readOnly && publishTimer.current === null) publishTimer.current = setTimeout(publishViewport, 100);
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

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      if (readOnly) return;
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      createAt(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [createAt, flow, readOnly],
  );

  // Handlers reach React Flow through refs: a new handler identity would re-render every node wrapper (React
  // Flow passes them to each of them), which at 2,000 nodes cost a quarter of a second per pan step.
  const nodeMenuRef = useRef(onNodeContextMenu);
  nodeMenuRef.current = onNodeContextMenu;
  const paneMenuRef = useRef(onPaneContextMenu);
  paneMenuRef.current = onPaneContextMenu;
  const hasNodeMenu = onNodeContextMenu !== undefined;
  const hasPaneMenu = onPaneContextMenu !== undefined;
  const handleNodeContextMenu = useMemo(
    () =>
      hasNodeMenu
        ? (e: ReactMouseEvent, node: FlowNode) => {
            if (!nodeMenuRef.current) return;
            e.preventDefault();
            nodeMenuRef.current(e, node.id);
          }
        : undefined,
    [hasNodeMenu],
  );
  const handlePaneContextMenu = useMemo(
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
  const onNodeDoubleClick = useCallback(
    (_e: ReactMouseEvent, node: FlowNode) => {
      if (readOnly) return;
      setSelection({ nodes: [node.id], edges: [] });
      setEditingNode(node.id);
    },
    [readOnly],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'controls.interactive.ariaLabel': t('canvas.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
      'node.a11yDescription.default': t(readOnly ? 'canvas.nodeHelpReadOnly' : 'canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t(readOnly ? 'canvas.nodeHelpReadOnly' : 'canvas.nodeHelp'),
      'edge.a11yDescription.default': t(readOnly ? 'canvas.edgeHelpReadOnly' : 'canvas.edgeHelp'),
    }),
    [t, readOnly],
  );

  return (
    <CanvasContext.Provider value={context}>
      <div
        ref={wrapper}
        className={`mk-canvas ${readOnly ? 'is-readonly' : ''} ${far ? 'is-far' : ''} ${tiny ? 'is-tiny' : ''}`}
        tabIndex={-1}
        aria-label={t('canvas.label')}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onDoubleClick={onDoubleClick}
      >
        <SessionStatusMarker session={session} />
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={far ? NO_EDGES : edges}
          nodeTypes={types}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeContextMenu={handleNodeContextMenu}
          onPaneContextMenu={handlePaneContextMenu}
          onMove={onMove}
          onMoveStart={onMoveStart}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={false}
          elementsSelectable
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={3}
          ariaLabelConfig={ariaLabelConfig}
          proOptions={PRO_OPTIONS}
        >
          {/* Zoomed out the dots would be a grey haze of tens of thousands, redrawn on every frame of a pan. */}
          {!far && <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="#cbd5e1" />}
          {/* Far out the map is its own overview; the minimap's 2,000 shapes repainted on every frame of a drag. */}
          {!tiny && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor="#94a3b8" className="mk-minimap" />}
          <Controls showInteractive={false} />
          {far && !tiny && <FarEdges nodes={nodes} edges={edges} colorOf={edgeColor} />}
          {tiny && <TinyCanvas session={session} nodes={nodes} edges={edges} colors={tinyColors} readOnly={readOnly} onNodeContextMenu={onNodeContextMenu} />}
          <CanvasPresence session={session} mirror={mirror} />
          <FitOnLoad loaded={loaded} hasNodes={nodes.length > 0} />
          {nodes.length === 0 && (
            <div className="mk-empty-hint" role="note">
              {t(readOnly ? 'canvas.emptyHintReadOnly' : 'canvas.emptyHint')}
            </div>
          )}
          {children}
        </ReactFlow>
      </div>
    </CanvasContext.Provider>
  );
}
