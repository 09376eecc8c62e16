import { createContext, useContext } from 'react';

/** What node components need from the canvas beyond their props; stable for the canvas's lifetime. */
export interface CanvasContextValue {
  readOnly: boolean;
  /** Saves a node's label as this person's (undoable) change. */
  commitLabel(id: string, label: string): void;
  /** Leaves label editing, returning focus to the node so keyboard work can continue. */
  stopEditing(id: string): void;
}

export const CanvasContext = createContext<CanvasContextValue>({
  readOnly: true,
  commitLabel: () => {},
  stopEditing: () => {},
});

export function useCanvasContext(): CanvasContextValue {
  return useContext(CanvasContext);
}
