import { useEffect, useRef } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';

/** Frames the whole map once, when its nodes first appear (from IndexedDB or from the server). */
export function FitOnLoad({ hasNodes }: { hasNodes: boolean }) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !hasNodes || !initialized) return;
    done.current = true;
    void flow.fitView({ padding: 0.15, maxZoom: 1.2 });
  }, [hasNodes, initialized, flow]);
  return null;
}
