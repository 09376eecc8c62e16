import { useEffect } from 'react';
import type { MapSession } from '../collab/MapSession';
import { pickColor } from '../collab/presence';
import { usePeers } from '../collab/usePeers';
import { Cursors } from './Cursors';
import type { FlowMirror } from './flowMirror';
import { FollowController } from './FollowController';

/**
 * Everything on the canvas that follows other people: their cursors, their selections outlined in their colour,
 * following someone's view, and a colour of one's own. Kept apart from MapCanvas because awareness changes with
 * every pointer move of anyone on the map: re-rendering the whole canvas for each of them cost tens of
 * milliseconds per frame on large maps.
 */
export function CanvasPresence({ session, mirror }: { session: MapSession; mirror: FlowMirror | null }) {
  const peers = usePeers(session.awareness);
  const selfId = session.awareness.clientID;

  useEffect(() => {
    const remote = new Map<string, string>();
    for (const p of peers) if (p.clientId !== selfId) for (const id of p.selection) if (!remote.has(id)) remote.set(id, p.user.color);
    mirror?.setRemoteSelection(remote);
  }, [peers, selfId, mirror]);

  // Two people with one colour cannot tell their cursors apart: the later arrival (higher id) moves to a free one.
  useEffect(() => {
    const me = peers.find((p) => p.clientId === selfId);
    if (!me) return;
    const others = peers.filter((p) => p.clientId !== selfId);
    if (!others.some((p) => p.clientId < selfId && p.user.color === me.user.color)) return;
    const color = pickColor(me.user.color, others.map((p) => p.user.color));
    if (color !== me.user.color) session.awareness.setLocalStateField('user', { ...me.user, color });
  }, [peers, selfId, session]);

  return (
    <>
      <Cursors peers={peers} selfId={selfId} />
      <FollowController peers={peers} selfId={selfId} />
    </>
  );
}
