import { useSyncExternalStore } from 'react';

/** Which node's label is being edited in this tab (at most one). Local state, never in the doc. */
let editing: string | null = null;
const listeners = new Set<() => void>();

export function getEditingNode(): string | null {
  return editing;
}

export function setEditingNode(id: string | null): void {
  if (id === editing) return;
  editing = id;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True only for the node being edited, so only that node (and the one before) re-renders. */
export function useIsEditing(id: string): boolean {
  return useSyncExternalStore(subscribe, () => editing === id);
}
