import * as Y from 'yjs';
import type { FieldValue } from './schema';
import { toFieldValue } from './fieldValue';
import { ROOT_NODES } from './schema';

/**
 * A map's private companion document (room `<id>.private`) holds the fields a view link must never receive:
 * phone numbers, e-mail and home addresses of people. The server lets only edit and owner tokens open it.
 * Layout: `people` Y.Map<nodeId, Y.Map<field, value>>.
 */
export const ROOT_PEOPLE = 'people';

export function peopleMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT_PEOPLE);
}

export function readPrivateFields(doc: Y.Doc, nodeId: string): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const y = peopleMap(doc).get(nodeId);
  if (!(y instanceof Y.Map)) return out;
  y.forEach((v, k) => {
    const fv = toFieldValue(v);
    if (fv !== undefined) out[k] = fv;
  });
  return out;
}

export function setPrivateFields(doc: Y.Doc, nodeId: string, fields: Record<string, FieldValue | undefined>, origin?: unknown): void {
  doc.transact(() => {
    const people = peopleMap(doc);
    let y = people.get(nodeId);
    if (!(y instanceof Y.Map)) {
      y = new Y.Map<unknown>();
      people.set(nodeId, y);
    }
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined || v === '') y.delete(k);
      else y.set(k, v);
    }
  }, origin);
}

/** Removes everything stored privately about the given nodes (part of deleting a person completely). */
export function deletePrivateFields(doc: Y.Doc, nodeIds: Iterable<string>, origin?: unknown): void {
  doc.transact(() => {
    const people = peopleMap(doc);
    for (const id of nodeIds) people.delete(id);
  }, origin);
}

/**
 * Private entries whose card was deleted from the map: contact details nobody can see any more, which the server
 * purges at compaction (AVG). Only cards the map once held and no longer does count: a card whose creation has
 * not reached the map yet (it travels on another socket) keeps its entry.
 */
export function orphanedPrivateEntries(map: Y.Doc, priv: Y.Doc): string[] {
  const nodes = map.getMap(ROOT_NODES);
  const orphans: string[] = [];
  for (const id of peopleMap(priv).keys()) {
    // A deleted key stays in a Y.Map's item table as a tombstone; that tells "deleted" from "not arrived yet".
    const item = nodes._map.get(id);
    if (item !== undefined && item.deleted) orphans.push(id);
  }
  return orphans;
}
