import * as Y from 'yjs';
import { collectionMap, collectionNames, deleteNodes } from '../model/mapDoc';
import { COMMITMENTS } from './commitments';
import { VOTES_COLLECTION } from '../participation/votes';

/** A vote's cards, counts and labels are parallel lists: the person leaves all three at the same place. */
function removeFromVote(record: Y.Map<unknown>, nodeId: string): void {
  const cards = record.get('cards');
  if (!Array.isArray(cards)) return;
  const at = cards.indexOf(nodeId);
  if (at < 0) return;
  for (const key of ['cards', 'counts', 'labels']) {
    const list = record.get(key);
    if (Array.isArray(list) && list.length === cards.length) record.set(key, list.filter((_, i) => i !== at));
  }
}

/**
 * Removes a card and every trace of it from a map document in one transaction: the card, its relations, the
 * commitments it owns, and its id from any other record that points to it (a plan's contact person, a phase's
 * people, a risk's owner, a vote's result with the card's label). Used when a person is deleted completely, on the live map and in every stored version.
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
        if (name === VOTES_COLLECTION) removeFromVote(record, nodeId);
        for (const [key, value] of [...record.entries()]) {
          if (value === nodeId) record.delete(key);
          else if (Array.isArray(value) && value.includes(nodeId)) record.set(key, value.filter((v) => v !== nodeId));
        }
      });
    }
  }, origin);
}
