import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType, type MouseEvent as ReactMouseEvent } from 'react';
import type { EdgeRecord, NodeRecord } from '../../shared/model/schema';
import { deleteNodeCompletely } from '../api/roomsApi';
import { MapCanvas } from '../canvas/MapCanvas';
import { getCanvasController } from '../canvas/canvasController';
import type { MapNodeProps } from '../canvas/mapNodeProps';
import type { MapSession } from '../collab/MapSession';
import { KindEdge } from './canvas/KindEdge';
import { KindNode } from './canvas/KindNode';
import { HostCanvasBridge } from './canvas/HostCanvasBridge';
import { createCoreExtension } from './core/createCoreExtension';
import type { ExtensionModule } from './api';
import { ExtensionHost } from './ExtensionHost';
import { createHostServices, type HostServices } from './HostServices';
import { appLanguage, hostSessionFrom } from './sessionAdapter';
import { Workbench } from './ui/Workbench';

/**
 * The map page's editor: host services and extensions for one session, the workbench shell, and the canvas
 * inside it with node kinds, problem markers, dimming and context menus from the host.
 */
export interface MapWorkbenchProps {
  session: MapSession;
  /** The extensions to activate after the core, in order; the app entry decides which (the host knows none). */
  extensions: readonly (() => Promise<ExtensionModule>)[];
  onShare?: () => void;
  onDeleteMap?: () => void;
}

export function MapWorkbench({ session, extensions, onShare, onDeleteMap }: MapWorkbenchProps) {
  const [state] = useState(() => {
    const services = createHostServices({ session: hostSessionFrom(session), language: appLanguage });
    return { services, host: new ExtensionHost(services), started: false, disposeTimer: 0 as ReturnType<typeof setTimeout> | 0 };
  });
  const { services, host } = state;
  const shareRef = useRef(onShare);
  shareRef.current = onShare;
  const deleteRef = useRef(onDeleteMap);
  deleteRef.current = onDeleteMap;

  useEffect(() => {
    // StrictMode mounts twice: the first cleanup only schedules disposal, which the second mount cancels.
    if (state.disposeTimer) clearTimeout(state.disposeTimer);
    state.disposeTimer = 0;
    if (!state.started) {
      state.started = true;
      void activateAll(services, host, extensions, {
        share: () => shareRef.current?.(),
        deleteMap: () => deleteRef.current?.(),
        deleteNodesCompletely: async (ids) => {
          for (const id of ids) await deleteNodeCompletely(session.room, session.token, id);
        },
      });
    }
    return () => {
      state.disposeTimer = setTimeout(() => void host.dispose().then(() => services.dispose()), 0);
    };
  }, [state, host, services, extensions]);

  return (
    <Workbench services={services} host={host}>
      <HostCanvas services={services} session={session} />
    </Workbench>
  );
}

/** Activates the core, then the given extensions in order; one failing does not stop the rest. */
async function activateAll(
  services: HostServices,
  host: ExtensionHost,
  extensions: readonly (() => Promise<ExtensionModule>)[],
  page: { share: () => void; deleteMap: () => void; deleteNodesCompletely: (ids: string[]) => Promise<void> },
): Promise<void> {
  const owner = services.session.role === 'owner';
  const core = createCoreExtension(services, {
    createNote: (at) => getCanvasController()?.createNode(at),
    editLabel: (id) => getCanvasController()?.editLabel(id),
    deleteSelection: () => getCanvasController()?.deleteSelection(),
    share: owner ? page.share : undefined,
    deleteMap: owner ? page.deleteMap : undefined,
    deleteNodesCompletely: owner ? page.deleteNodesCompletely : undefined,
  });
  await host.activate(core);
  for (const load of extensions) {
    try {
      await host.activate(await load());
    } catch (err) {
      console.error('[host/extension-load-failed]', err);
    }
  }
}

function HostCanvas({ services, session }: { services: HostServices; session: MapSession }) {
  const kindsVersion = useSyncExternalStore(
    (l) => {
      const d = services.nodeKinds.onDidChange(() => l());
      return () => d.dispose();
    },
    () => services.nodeKinds.all().map((k) => k.id).join('\n'),
  );
  // A stable map per set of kinds, so React Flow does not remount nodes on unrelated changes.
  const nodeTypes = useMemo(() => {
    const types: Record<string, ComponentType<MapNodeProps>> = {};
    for (const id of kindsVersion.split('\n')) if (id) types[id] = KindNode;
    return types;
  }, [kindsVersion]);
  // Far out the canvas draws cards itself, in their kind's colour.
  const nodeColor = useMemo(() => {
    void kindsVersion;
    return (record: NodeRecord) => {
      const kind = services.nodeKinds.get(record.kind);
      return kind ? (kind.declaration.color ?? '#475569') : undefined;
    };
  }, [kindsVersion, services]);
  // Background kinds (lanes, quadrants) sit behind edges and other nodes, even when selected (React Flow adds 1000).
  const nodeZIndex = useMemo(() => {
    void kindsVersion;
    return (kind: string) => (services.nodeKinds.get(kind)?.declaration.layer === 'background' ? -2000 : undefined);
  }, [kindsVersion, services]);
  const edgeKindsVersion = useSyncExternalStore(
    (l) => {
      const d = services.edgeKinds.onDidChange(() => l());
      return () => d.dispose();
    },
    () => services.edgeKinds.all().map((k) => `${k.id}:${k.declaration.style?.color ?? ''}`).join('\n'),
  );
  // Zoomed out, edges are drawn as plain lines in their kind's colour.
  const edgeColor = useMemo(() => {
    void edgeKindsVersion;
    return (record: EdgeRecord) => services.edgeKinds.get(record.kind)?.declaration.style?.color;
  }, [edgeKindsVersion, services]);
  const decorations = useSyncExternalStore(
    (l) => {
      const d = services.decorations.onDidChange(() => l());
      return () => d.dispose();
    },
    () => services.decorations.get(),
  );
  const ghosts = useSyncExternalStore(
    (l) => {
      const d = services.decorations.onDidChange(() => l());
      return () => d.dispose();
    },
    () => services.decorations.getGhosts(),
  );
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent | MouseEvent, nodeId: string) => {
      const selected = services.session.selection.get();
      const ids = selected.includes(nodeId) ? [...selected] : [nodeId];
      if (!selected.includes(nodeId)) services.session.selection.set(ids);
      services.contextMenu.open({ menu: 'node/context', x: e.clientX, y: e.clientY, arg: { nodeIds: ids }, returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    },
    [services],
  );
  const onPaneContextMenu = useCallback(
    (e: ReactMouseEvent | MouseEvent, position: { x: number; y: number }) => {
      services.contextMenu.open({ menu: 'canvas/context', x: e.clientX, y: e.clientY, arg: { position }, returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    },
    [services],
  );
  return (
    <MapCanvas
      session={session}
      nodeTypes={nodeTypes}
      nodeDecorations={decorations}
      ghosts={ghosts}
      ghostLabel={services.decorations.getGhostLabel()}
      nodeZIndex={nodeZIndex}
      edgeComponent={KindEdge}
      edgeColor={edgeColor}
      nodeColor={nodeColor}
      onNodeContextMenu={onNodeContextMenu}
      onPaneContextMenu={onPaneContextMenu}
    >
      <HostCanvasBridge services={services} />
    </MapCanvas>
  );
}
