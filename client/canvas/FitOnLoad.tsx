import { useEffect, useRef } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';

/**
 * Frames the map once, when its content first arrives (from IndexedDB or the server). A map that is empty
 * then is never re-framed later: the first card someone creates must not make the view jump.
 */
export function FitOnLoad({ loaded, hasNodes }: { loaded: boolean; hasNodes: boolean }) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !loaded) return;
    if (!hasNodes) {
      done.current = true;
      return;
    }
    if (!initialized) return;
    done.current = true;
    void flow.fitView({ padding: 0.15, maxZoom: 1.2 });
  }, [loaded, hasNodes, initialized, flow]);
  return null;
}
