import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ComponentType, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type EdgeProps, type EdgeTypes, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { MapSession } from '../collab/MapSession';
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
import type { MapNodeProps } from './mapNodeProps';
import type { NodeRecord } from '../../shared/model/schema';
import type { FlowEdge, FlowNode } from './flowMirror';
import { clearSelection, setSelection } from './selectionStore';
import { useCanvasMenus, type NodeMenuHandler, type PaneMenuHandler } from './useCanvasMenus';
import { useCanvasWrites } from './useCanvasWrites';
import { useFlowMirror } from './useFlowMirror';
import { usePresencePublishing } from './usePresencePublishing';
import type { NodeDecoration } from './nodeDecoration';
import { GHOST_PREFIX, GHOST_TYPE, GhostNode } from './GhostNode';

export interface MapCanvasProps {
  session: MapSession;
  /** Node components by node kind; kinds missing here render as the neutral default card. */
  nodeTypes?: Readonly<Record<string, ComponentType<MapNodeProps>>>;
  /** View links: nothing that edits is offered. Defaults to the session's role. */
  readOnly?: boolean;
  /** Markers and dimming by node id (problems, filters); local, never stored. */
  nodeDecorations?: ReadonlyMap<string, NodeDecoration>;
  /** Cards no longer on the map, drawn faded at their old place while comparing with a version; never interactive. */
  ghosts?: readonly NodeRecord[];
  /** The tag on a ghost ("verwijderd"). */
  ghostLabel?: string;
  /** Stacking per node kind: a negative value draws nodes of that kind behind edges and other nodes. */
  nodeZIndex?: (kind: string) => number | undefined;
  /** Draws every edge (the host draws declared edge kinds); React Flow's default edge when absent. */
  edgeComponent?: ComponentType<EdgeProps<FlowEdge>>;
  /** Line colour per edge when zoomed out (FarEdges draws them then); a neutral grey when absent. */
  edgeColor?: EdgeColor;
  /** Card colour per node when zoomed far out (TinyCanvas draws them then); neutral when absent. */
  nodeColor?: (record: NodeRecord) => string | undefined;
  onNodeContextMenu?: NodeMenuHandler;
  /** `position` is where the menu was opened, in flow coordinates (to create something there). */
  onPaneContextMenu?: PaneMenuHandler;
  children?: ReactNode;
}

/** Internal type for any kind without a component. */
const FALLBACK_TYPE = 'mk-default';
const EMPTY_DECORATIONS: ReadonlyMap<string, NodeDecoration> = new Map();
const NO_GHOSTS: readonly NodeRecord[] = [];

/** A removed card as React Flow draws it: at its old place, behind the map, and out of every interaction. */
function ghostNode(record: NodeRecord, label: string): FlowNode {
  return {
    id: `${GHOST_PREFIX}${record.id}`,
    type: GHOST_TYPE,
    position: { x: record.x, y: record.y },
    data: { record, decoration: { compare: { kind: 'removed', label } }, remoteColor: null },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    deletable: false,
    zIndex: -1,
  };
}
// Props React Flow copies into its store: a new object or array per render is a store update (every node and
// edge component re-checks its selector), so they are constants.
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const NO_EDGES: FlowEdge[] = [];
/** A touch screen without a mouse: double-clicking the canvas is not something people there do. */
const COARSE_POINTER = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
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
  ghosts = NO_GHOSTS,
  ghostLabel = '',
  nodeZIndex,
  edgeComponent,
  edgeColor,
  nodeColor,
  onNodeContextMenu,
  onPaneContextMenu,
  children,
}: MapCanvasProps) {
  const t = useT();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const readOnly = readOnlyProp ?? session.role === 'view';
  const wrapper = useRef<HTMLDivElement>(null);
  // Zoomed out, cards and edges draw simplified (FarCard, FarEdges), unless an export needs every detail.
  const zoomLevel = useStore(selectZoomLevel);
  const detailForced = useFullDetailForced();
  const far = zoomLevel !== 'near' && !detailForced;
  const tiny = zoomLevel === 'tiny' && !detailForced;
  const flowId = useStore(selectFlowId);

  const types = useMemo(() => ({ note: DefaultNode, ...nodeTypes, [FALLBACK_TYPE]: DefaultNode, [GHOST_TYPE]: GhostNode }), [nodeTypes]);
  const resolveType = useCallback((kind: string) => (Object.prototype.hasOwnProperty.call(types, kind) ? kind : FALLBACK_TYPE), [types]);
  const { mirror, nodes: mapNodes, edges } = useFlowMirror(session.doc, session.awareness, { resolveType, decorations: nodeDecorations, zIndex: nodeZIndex });
  const nodes = useMemo(() => (ghosts.length === 0 ? mapNodes : [...ghosts.map((g) => ghostNode(g, ghostLabel)), ...mapNodes]), [mapNodes, ghosts, ghostLabel]);
  // React Flow types edge components over untyped data; ours read FlowEdge data, which the mirror always sets.
  const edgeTypes = useMemo<EdgeTypes | undefined>(() => (edgeComponent ? { default: edgeComponent as EdgeTypes[string] } : undefined), [edgeComponent]);
  useEffect(() => () => {
    clearSelection();
    setEditingNode(null);
  }, [session]);

  // The server's state has arrived, or this browser's copy (when it has anything): then the view is framed.
  // A boolean selector, so changes of the unsent count do not re-render the canvas.
  const synced = useSyncExternalStore(session.subscribe, () => session.getStatus().synced);
  const localLoaded = useSyncExternalStore(session.subscribe, () => session.getStatus().localLoaded);
  // Only once the mirror reads the document: a map already synced when the canvas mounts (the socket opens before
  // the app has loaded) would otherwise look empty on the first render and never be framed.
  const loaded = mirror !== null && (synced || (localLoaded && nodes.length > 0));

  const writes = useCanvasWrites(session, mirror, readOnly, flow, wrapper);
  // React Flow reports sizes of ghost cards too; they are not in the document and must never be written.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => writes.onNodesChange(ghosts.length === 0 ? changes : changes.filter((c) => !('id' in c) || !c.id.startsWith(GHOST_PREFIX))),
    [writes, ghosts.length],
  );
  const menus = useCanvasMenus(flow, onNodeContextMenu, onPaneContextMenu);
  const presence = usePresencePublishing(session, flow, wrapper, readOnly);

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
      commitLabel: writes.commitLabel,
      stopEditing: (id) => {
        if (getEditingNode() === id) setEditingNode(null);
        focusNode(id);
      },
    }),
    [readOnly, far, tiny, flowId, focusNode, writes.commitLabel],
  );

  useEffect(() => {
    setCanvasController({
      createNode: writes.createAt,
      editLabel: (id) => {
        if (!readOnly && mirror?.getNode(id)) setEditingNode(id);
      },
      deleteSelection: writes.deleteSelection,
    });
    return () => setCanvasController(null);
  }, [writes, mirror, readOnly]);

  const { createAt } = writes;
  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      if (readOnly) return;
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      createAt(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [createAt, flow, readOnly],
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
        onPointerMove={presence.onPointerMove}
        onPointerLeave={presence.onPointerLeave}
        onDoubleClick={onDoubleClick}
      >
        <SessionStatusMarker session={session} />
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={far ? NO_EDGES : edges}
          nodeTypes={types}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={writes.onEdgesChange}
          onConnect={writes.onConnect}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeContextMenu={menus.node}
          onPaneContextMenu={menus.pane}
          onMove={presence.onMove}
          onMoveStart={presence.onMoveStart}
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
              {t(readOnly ? 'canvas.emptyHintReadOnly' : COARSE_POINTER ? 'canvas.emptyHintTouch' : 'canvas.emptyHint')}
            </div>
          )}
          {children}
        </ReactFlow>
      </div>
    </CanvasContext.Provider>
  );
}
