import * as Y from 'yjs';
import { collectionMap, collectionNames, deleteNodes } from '../model/mapDoc';
import { COMMITMENTS } from './commitments';

/**
 * Removes a card and every trace of it from a map document in one transaction: the card, its relations, the
 * commitments it owns, and its id from any other record that points to it (a plan's contact person, a phase's
 * people, a risk's owner). Used when a person is deleted completely, on the live map and in every stored version.
 */
export function removePerson(doc: Y.Doc, nodeId: string, origin?: unknown): void {
  doc.transact(() => {
    deleteNodes(doc, [nodeId], origin);
    for (const name of collectionNames(doc)) {
      const records = collectionMap(doc, name);
      records.forEach((record, id) => {
        if (!(record instanceof Y.Map)) return;
        if (name === COMMITMENTS && record.get('who') === nodeId) {
          records.delete(id);
          return;
        }
        for (const [key, value] of [...record.entries()]) {
          if (value === nodeId) record.delete(key);
          else if (Array.isArray(value) && value.includes(nodeId)) record.set(key, value.filter((v) => v !== nodeId));
        }
      });
    }
  }, origin);
}
