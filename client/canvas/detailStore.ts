import { useSyncExternalStore } from 'react';

/**
 * Asks the canvas to draw full cards and edges even when zoomed out below FAR_ZOOM: an exported picture must show
 * labels and real edges whatever the zoom it was taken at. Counted, so overlapping requests each release their own.
 */
let holders = 0;
const listeners = new Set<() => void>();

export function forceFullDetail(): () => void {
  holders++;
  if (holders === 1) for (const l of listeners) l();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0) for (const l of listeners) l();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const get = () => holders > 0;

export function useFullDetailForced(): boolean {
  return useSyncExternalStore(subscribe, get, get);
}
