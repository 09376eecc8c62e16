import * as Y from 'yjs';

/**
 * Whether an update Yjs can decode can also be applied. The frame gate only decodes; a crafted update can decode
 * and still throw while being integrated. Such an update must be refused before it is stored, or every later
 * load of the room would trip over it. Applied to a scratch document: missing dependencies just stay pending there.
 */
export function appliesCleanly(update: Uint8Array): boolean {
  // A fixed guid: the default draws a random UUID per document, which was most of this check's cost per update.
  const scratch = new Y.Doc({ gc: false, guid: 'update-check' });
  try {
    Y.applyUpdate(scratch, update);
    return true;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}
