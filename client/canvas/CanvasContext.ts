import { createContext, useContext } from 'react';

/**
 * What node components need from the canvas beyond their props. Changes rarely (read-only toggles, the zoom
 * crossing FAR_ZOOM), so every node re-rendering on a change is fine.
 */
export interface CanvasContextValue {
  readOnly: boolean;
  /**
   * Zoomed out below FAR_ZOOM: cards draw as FarCard (a coloured box with a one-line label) and edges as one
   * line layer (FarEdges), which keeps panning and dragging thousands of nodes smooth without a GPU.
   */
  far: boolean;
  /** Below TINY_ZOOM the map is drawn on one canvas (TinyCanvas); node components render nothing. */
  tiny: boolean;
  /** React Flow's id for this canvas, which static handles need in their data-id. */
  flowId: string;
  /** Saves a node's label as this person's (undoable) change. */
  commitLabel(id: string, label: string): void;
  /** Leaves label editing, returning focus to the node so keyboard work can continue. */
  stopEditing(id: string): void;
}

/** Below this zoom the canvas draws the simplified view; card text is barely readable there anyway. */
export const FAR_ZOOM = 0.45;
/** Below this zoom the map is one canvas drawing: cards a few pixels high, text unreadable. */
export const TINY_ZOOM = 0.25;

export const CanvasContext = createContext<CanvasContextValue>({
  readOnly: true,
  far: false,
  tiny: false,
  flowId: '1',
  commitLabel: () => {},
  stopEditing: () => {},
});

export function useCanvasContext(): CanvasContextValue {
  return useContext(CanvasContext);
}
