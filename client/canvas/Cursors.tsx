import { memo } from 'react';
import { useStore, ViewportPortal } from '@xyflow/react';
import type { Peer } from '../collab/presence';

/**
 * Other people's pointers, drawn in flow coordinates (inside the viewport), so a cursor points at the same
 * card on every screen whatever the zoom. Scaled back by the zoom so name tags keep a readable size.
 */
export const Cursors = memo(function Cursors({ peers, selfId }: { peers: Peer[]; selfId: number }) {
  const zoom = useStore((s) => s.transform[2]);
  return (
    <ViewportPortal>
      {peers.map((p) =>
        p.clientId === selfId || !p.cursor ? null : (
          <div
            key={p.clientId}
            className="mk-cursor"
            style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px) scale(${1 / zoom})`, color: p.user.color }}
            aria-hidden="true"
          >
            <svg width="18" height="22" viewBox="0 0 18 22">
              <path d="M1 1 L1 18 L6 13.5 L9.5 21 L12.5 19.6 L9 12.3 L16 12 Z" fill="currentColor" stroke="white" strokeWidth="1.5" />
            </svg>
            <span className="mk-cursor-name" style={{ background: p.user.color }}>
              {p.user.name}
            </span>
          </div>
        ),
      )}
    </ViewportPortal>
  );
});
