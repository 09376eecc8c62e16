import { useSyncExternalStore } from 'react';
import type { MapSession } from '../collab/MapSession';

const NONE = { canUndo: false, canRedo: false };
const cache = new WeakMap<MapSession, { canUndo: boolean; canRedo: boolean }>();

/** Whether this person has something to undo or redo, for enabling the toolbar buttons. */
export function useUndoState(session: MapSession | null): { canUndo: boolean; canRedo: boolean } {
  return useSyncExternalStore(
    (listener) => {
      if (!session) return () => {};
      const um = session.undoManager;
      const onChange = () => {
        cache.delete(session);
        listener();
      };
      um.on('stack-item-added', onChange);
      um.on('stack-item-popped', onChange);
      um.on('stack-cleared', onChange);
      return () => {
        um.off('stack-item-added', onChange);
        um.off('stack-item-popped', onChange);
        um.off('stack-cleared', onChange);
      };
    },
    () => {
      if (!session) return NONE;
      let v = cache.get(session);
      if (!v) {
        v = { canUndo: session.undoManager.canUndo(), canRedo: session.undoManager.canRedo() };
        cache.set(session, v);
      }
      return v;
    },
  );
}
