import * as Y from 'yjs';
import { deleteEdges, deleteNodes } from '../../shared/model/mapDoc';
import { deletePrivateFields, readPrivateFields, setPrivateFields } from '../../shared/model/privateDoc';
import type { FieldValue } from '../../shared/model/schema';

/** Where a delete writes: the map, its private companion (null on view links), this person's origin and undo. */
export interface DeleteTarget {
  doc: Y.Doc;
  privateDoc: Y.Doc | null;
  origin: unknown;
  undoManager: Y.UndoManager;
}

/** Meta key on an undo stack item: the contact details its delete removed, to put back when it is undone. */
const CONTACT_DETAILS = 'mantelkaart:contactDetails';
type SavedFields = ReadonlyMap<string, Record<string, FieldValue>>;

/**
 * The one way cards and lines are deleted, whatever asked for it (Delete key, toolbar, context menu, an
 * extension): the nodes with every edge touching them, the given edges, and the nodes' contact details in the
 * private document (AVG: a deleted card must not leave a phone number behind). One undo step: an undo manager
 * spans one document, so the contact details ride on the map's stack item and `linkContactDetailsToUndo` puts
 * them back (and takes them out again on redo).
 */
export function deleteElements(target: DeleteTarget, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): void {
  const { doc, privateDoc, origin, undoManager } = target;
  const nodes = [...new Set(nodeIds)];
  const edges = [...edgeIds];
  if (nodes.length === 0 && edges.length === 0) return;
  const saved = new Map<string, Record<string, FieldValue>>();
  if (privateDoc) {
    for (const id of nodes) {
      const fields = readPrivateFields(privateDoc, id);
      if (Object.keys(fields).length > 0) saved.set(id, fields);
    }
  }
  // Its own undo step, so the contact details are tied to exactly this delete and not merged into a drag before.
  undoManager.stopCapturing();
  const before = undoManager.undoStack.length;
  doc.transact(() => {
    deleteEdges(doc, edges, origin);
    deleteNodes(doc, nodes, origin);
  }, origin);
  undoManager.stopCapturing();
  // Every private entry goes, also an empty one: its key alone says this card had contact details.
  if (privateDoc) deletePrivateFields(privateDoc, nodes, origin);
  const item = undoManager.undoStack.length > before ? undoManager.undoStack[undoManager.undoStack.length - 1] : undefined;
  if (item && saved.size > 0) item.meta.set(CONTACT_DETAILS, saved);
}

/**
 * Makes undo and redo of a delete carry its contact details, however undo is called. Yjs adds the new stack item
 * (of the opposite stack) before it reports the popped one, so the newest is remembered to pass the details on.
 */
export function linkContactDetailsToUndo(undoManager: Y.UndoManager, privateDoc: Y.Doc | null, origin: unknown): () => void {
  if (!privateDoc) return () => {};
  let lastAdded: { meta: Map<unknown, unknown> } | null = null;
  const onAdded = (e: { stackItem: { meta: Map<unknown, unknown> } }) => {
    lastAdded = e.stackItem;
  };
  const onPopped = (e: { stackItem: { meta: Map<unknown, unknown> }; type: 'undo' | 'redo' }) => {
    const saved = e.stackItem.meta.get(CONTACT_DETAILS) as SavedFields | undefined;
    if (!saved) return;
    if (e.type === 'undo') {
      privateDoc.transact(() => {
        for (const [id, fields] of saved) setPrivateFields(privateDoc, id, fields, origin);
      }, origin);
    } else {
      deletePrivateFields(privateDoc, saved.keys(), origin);
    }
    lastAdded?.meta.set(CONTACT_DETAILS, saved);
    lastAdded = null;
  };
  undoManager.on('stack-item-added', onAdded);
  undoManager.on('stack-item-popped', onPopped);
  return () => {
    undoManager.off('stack-item-added', onAdded);
    undoManager.off('stack-item-popped', onPopped);
  };
}
