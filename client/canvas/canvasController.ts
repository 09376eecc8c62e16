/**
 * Imperative actions on the mounted canvas, for commands, toolbars and the Problems panel. Every action
 * respects read-only: on a view link the editing ones do nothing.
 */
export interface CanvasController {
  /** Creates a note (at the given flow position, or in the middle of the screen), selects it and edits its label. */
  createNode(at?: { x: number; y: number }): string | null;
  /** Starts editing a node's label. */
  editLabel(id: string): void;
  /** Deletes the selected nodes (with their edges) and edges. */
  deleteSelection(): void;
}

let current: CanvasController | null = null;
const listeners = new Set<() => void>();

export function getCanvasController(): CanvasController | null {
  return current;
}

export function setCanvasController(c: CanvasController | null): void {
  current = c;
  for (const l of listeners) l();
}

export function subscribeCanvasController(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
