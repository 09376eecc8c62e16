import { useSyncExternalStore } from 'react';

/**
 * The canvas's zoom and whom this person follows, for the status bar and the top bar. Local state only.
 * `following` is the awareness client id of the person whose view this screen copies.
 */
export interface ViewState {
  zoom: number;
  following: number | null;
}

let state: ViewState = { zoom: 1, following: null };
const listeners = new Set<() => void>();

export function getViewState(): ViewState {
  return state;
}

export function updateViewState(patch: Partial<ViewState>): void {
  const next = { ...state, ...patch };
  if (next.zoom === state.zoom && next.following === state.following) return;
  state = next;
  for (const l of listeners) l();
}

export function subscribeViewState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useViewState(): ViewState {
  return useSyncExternalStore(subscribeViewState, getViewState, getViewState);
}
