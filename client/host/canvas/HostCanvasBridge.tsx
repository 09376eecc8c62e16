import { useEffect, useMemo } from 'react';
import { useOnViewportChange, useReactFlow, type Viewport } from '@xyflow/react';
import type { HostServices } from '../HostServices';

/**
 * Lends the mounted React Flow instance to the host (frame nodes, viewport, centre), rendered as a child of
 * MapCanvas so it sits inside React Flow's provider.
 */
export function HostCanvasBridge({ services }: { services: HostServices }) {
  const flow = useReactFlow();
  useEffect(() => {
    services.canvas.setController({
      fitView(nodeIds) {
        if (nodeIds?.length) void flow.fitView({ nodes: nodeIds.map((id) => ({ id })), padding: 0.4, maxZoom: 1.2, duration: 250 });
        else void flow.fitView({ padding: 0.15, duration: 250 });
      },
      getViewport: () => flow.getViewport(),
      setViewport: (v) => void flow.setViewport(v, { duration: 200 }),
      getCenter() {
        const rect = document.querySelector('.mk-editor')?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      focus: () => document.querySelector<HTMLElement>('.mk-canvas')?.focus({ preventScroll: true }),
    });
    return () => services.canvas.setController(null);
  }, [flow, services]);
  // One handler for the life of the services: React Flow keeps it in its store, and a new one per render was a
  // store update that every node and edge component re-checked.
  const report = useMemo(() => (v: Viewport) => services.canvas.reportViewport(v), [services]);
  useOnViewportChange({ onEnd: report, onChange: report });
  return null;
}
