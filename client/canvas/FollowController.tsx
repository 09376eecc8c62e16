import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Peer } from '../collab/presence';
import { updateViewState, useViewState } from './viewportStore';

/** While following someone, this screen shows the area they look at (fitted to this screen's shape). */
export function FollowController({ peers }: { peers: Peer[] }) {
  const { following } = useViewState();
  const flow = useReactFlow();
  const last = useRef<string>('');
  const target = following === null ? undefined : peers.find((p) => p.clientId === following);

  useEffect(() => {
    if (following === null) {
      last.current = '';
      return;
    }
    if (!target) {
      // They left: stop following rather than freeze on a stale view.
      updateViewState({ following: null });
      return;
    }
    const vp = target.viewport;
    if (!vp) return;
    const key = `${vp.x},${vp.y},${vp.width},${vp.height}`;
    if (key === last.current) return;
    last.current = key;
    void flow.fitBounds({ x: vp.x, y: vp.y, width: vp.width, height: vp.height }, { padding: 0, duration: 120 });
  }, [following, target, flow]);
  return null;
}
