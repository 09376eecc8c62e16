import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Peer } from '../collab/presence';
import { updateViewState, useViewState } from './viewportStore';

/**
 * While following someone, this screen shows the area they look at (fitted to this screen's shape). When an editor
 * calls everyone to their view ("Iedereen hierheen"), this screen starts following them; touching the map ends it.
 */
export function FollowController({ peers, selfId }: { peers: Peer[]; selfId: number }) {
  const { following } = useViewState();
  const flow = useReactFlow();
  const last = useRef<string>('');
  // The summon each person had when this screen first saw them: only a new one later pulls this screen along.
  const summons = useRef(new Map<number, number | null>());

  useEffect(() => {
    for (const p of peers) {
      if (p.clientId === selfId) continue;
      const known = summons.current.has(p.clientId);
      const before = summons.current.get(p.clientId);
      summons.current.set(p.clientId, p.summon);
      if (known && p.summon !== null && p.summon !== before && p.role !== 'view' && p.viewport) {
        last.current = '';
        updateViewState({ following: p.clientId });
      }
    }
  }, [peers, selfId]);
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
