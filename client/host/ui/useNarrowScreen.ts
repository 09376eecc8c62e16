import { useSyncExternalStore } from 'react';

/** Phones (portrait and landscape): no room for an activity bar beside the map, and no keyboard for the palette. */
export const NARROW_QUERY = '(max-width: 600px), (max-height: 500px) and (pointer: coarse)';

function query(): MediaQueryList | null {
  return typeof window === 'undefined' || !window.matchMedia ? null : window.matchMedia(NARROW_QUERY);
}

/** Whether the screen is phone-sized; re-renders when that changes (rotation, a resized window). */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const q = query();
      q?.addEventListener('change', listener);
      return () => q?.removeEventListener('change', listener);
    },
    () => query()?.matches ?? false,
    () => false,
  );
}
