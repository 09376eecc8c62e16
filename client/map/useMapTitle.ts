import { useSyncExternalStore } from 'react';
import { metaMap, readMeta } from '../../shared/model/mapDoc';
import type { MapSession } from '../collab/MapSession';

/** The map's title as stored in the doc (renames by the owner arrive live); `fallback` until it is known. */
export function useMapTitle(session: MapSession | null, fallback: string): string {
  const title = useSyncExternalStore(
    (listener) => {
      if (!session) return () => {};
      const meta = metaMap(session.doc);
      meta.observe(listener);
      return () => meta.unobserve(listener);
    },
    () => (session ? readMeta(session.doc).title : ''),
  );
  return title || fallback;
}
