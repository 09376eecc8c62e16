import type * as Y from 'yjs';
import type { FieldValue } from '../model/schema';
import { peopleMap, readPrivateFields } from '../model/privateDoc';

/** Private fields (phone, e-mail, address) per node id, as read from a map's private companion document. */
export type PrivateFieldsByNode = Record<string, Record<string, FieldValue>>;

/** Everything in a private document, optionally only for the given nodes; nodes without fields are left out. */
export function privateFieldsOf(privateDoc: Y.Doc, nodeIds?: Iterable<string>): PrivateFieldsByNode {
  const only = nodeIds ? new Set(nodeIds) : null;
  const out: PrivateFieldsByNode = {};
  for (const id of [...peopleMap(privateDoc).keys()].sort()) {
    if (only && !only.has(id)) continue;
    const fields = readPrivateFields(privateDoc, id);
    if (Object.keys(fields).length > 0) out[id] = fields;
  }
  return out;
}
