import { useSyncExternalStore } from 'react';

/**
 * What this person has selected on the canvas. Local to the tab (never in the Y.Doc); commands read and set
 * it here, and the canvas mirrors it. Ids of deleted elements are harmless: the canvas ignores them.
 */
export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

const EMPTY: Selection = { nodes: new Set(), edges: new Set() };
let current: Selection = EMPTY;
const listeners = new Set<() => void>();

export function getSelection(): Selection {
  return current;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

/** Replaces the selection; a side left out keeps its value. */
export function setSelection(next: { nodes?: Iterable<string>; edges?: Iterable<string> }): void {
  const nodes = next.nodes ? new Set(next.nodes) : current.nodes;
  const edges = next.edges ? new Set(next.edges) : current.edges;
  if (sameSet(nodes, current.nodes) && sameSet(edges, current.edges)) return;
  current = { nodes, edges };
  for (const l of listeners) l();
}

export function clearSelection(): void {
  setSelection({ nodes: [], edges: [] });
}

export function subscribeSelection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSelection(): Selection {
  return useSyncExternalStore(subscribeSelection, getSelection, getSelection);
}
