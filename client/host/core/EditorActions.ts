/** Canvas actions the core commands need that only the mounted canvas can do (label editing, its own create). */
export interface EditorActions {
  /** Creates a note at a map position (or the middle of the screen), selects it and starts editing its text. */
  createNote(at?: { x: number; y: number }): void;
  /** Starts editing a node's text. */
  editLabel(nodeId: string): void;
  /** Deletes the selected nodes and edges. */
  deleteSelection(): void;
  /** Opens the share dialog (owners); absent where sharing is not possible. */
  share?: () => void;
  /** Asks the owner to confirm, then deletes the map for everyone; absent for other roles. */
  deleteMap?: () => void;
  /**
   * Deletes nodes completely on the server: from the map, their private fields (phone, e-mail, address), and the
   * old values from the stored update log (AVG). Owners only; absent for other roles.
   */
  deleteNodesCompletely?: (nodeIds: string[]) => Promise<void>;
}
