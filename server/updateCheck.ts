import * as Y from 'yjs';

/** The state vector of an empty document: diffUpdate against it keeps every struct. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/**
 * Whether an update Yjs can decode can also be applied. The frame gate only decodes; a crafted update can decode
 * and still throw while being integrated. Such an update must be refused before it is stored, or every later
 * load of the room would trip over it. The verdict is that of applying it to an empty document (appliesToEmptyDoc);
 * most updates reach a yes more cheaply (passesWithoutDoc), and whatever that cannot vouch for is applied.
 */
export function appliesCleanly(update: Uint8Array): boolean {
  return passesWithoutDoc(update) || appliesToEmptyDoc(update);
}

/**
 * True when applying `update` to an empty document certainly succeeds, found without one. Only a client whose
 * structs start at clock 0 can integrate anything into an empty document. For any other update, applying it
 * decodes every struct and the delete set and then encodes them again as pending, which is what can still throw
 * (content that decodes but cannot be written back, an empty delete range). This does the same decoding and
 * encoding without a Y.Doc or pending bookkeeping: almost every update after a client's first, at a fraction of
 * the cost. test/server/updateCheck.test.ts holds it against appliesToEmptyDoc on real, broken and crafted updates.
 */
export function passesWithoutDoc(update: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    if (structs.some((s) => s.id.clock === 0)) return false;
    for (const ranges of ds.clients.values()) for (const range of ranges) if (range.len === 0) return false;
    Y.diffUpdate(update, EMPTY_STATE_VECTOR);
    return true;
  } catch {
    return false;
  }
}

/** Applies `update` to a scratch document: missing dependencies just stay pending there. */
export function appliesToEmptyDoc(update: Uint8Array): boolean {
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
