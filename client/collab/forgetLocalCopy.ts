import { clearDocument } from 'y-indexeddb';
import { privateRoomOf } from '../../shared/model/roomName';
import { localCopyKey } from './docChannel';

/**
 * Removes what this browser keeps of a map (the IndexedDB copies of the map and its private document, and the
 * list of unsent changes), once the map is deleted on the server: it held people's contact details. IndexedDB
 * waits with the deletion until the closing session has let go of its connection.
 */
export async function forgetLocalCopy(room: string): Promise<void> {
  for (const docName of [room, privateRoomOf(room)]) {
    try {
      localStorage.removeItem(`mantelkaart:unsent:${docName}`);
      localStorage.removeItem(localCopyKey(docName));
    } catch {
      // Storage refused: nothing was kept there either.
    }
    if (typeof indexedDB !== 'undefined') await clearDocument(`mantelkaart:${docName}`).catch(() => undefined);
  }
}
