import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type Peer } from './presence';

const cache = new WeakMap<Awareness, { peers: Peer[] }>();

function snapshot(awareness: Awareness): Peer[] {
  const entry = cache.get(awareness);
  if (entry) return entry.peers;
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const p = readPresence(state);
    if (p) peers.push({ ...p, clientId });
  });
  peers.sort((a, b) => a.clientId - b.clientId);
  cache.set(awareness, { peers });
  return peers;
}

/** Everyone on the map (including this tab, marked by awareness.clientID), re-read on every awareness change. */
export function usePeers(awareness: Awareness): Peer[] {
  return useSyncExternalStore(
    (listener) => {
      const onChange = () => {
        cache.delete(awareness);
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    () => snapshot(awareness),
  );
}
