import type * as Y from 'yjs';
import { collectionMap, createEdge, createNode, metaMap, putRecord, setSharedText } from '../model/mapDoc';
import { setPrivateFields } from '../model/privateDoc';
import { ROOT_META, SCHEMA_VERSION, type MapSnapshot } from '../model/schema';
import { mapFileError, type MapFileError } from './mapFileProblem';
import type { PrivateFieldsByNode } from './privateFieldsOf';

export interface ImportTargets {
  /** The new map's private companion document; private fields are dropped when it is absent. */
  privateDoc?: Y.Doc;
  privateFields?: PrivateFieldsByNode;
}

export type ImportResult = { ok: true; nodes: number; edges: number; records: number } | { ok: false; errors: MapFileError[] };

/**
 * True when no top-level type holds a live entry (a type fetched but never written to does not count). The meta map
 * does not count either: the server stamps a new map's title and version at creation, and a map that holds only
 * those is still the new, empty map an import may fill.
 */
function isEmptyDoc(doc: Y.Doc): boolean {
  for (const [name, type] of doc.share) {
    if (name === ROOT_META) continue;
    for (const item of type._map.values()) if (!item.deleted) return false;
    if (type._start !== null) return false;
  }
  return true;
}

/**
 * Writes a snapshot that came through parseMapFile into a new, empty map document in one transaction (one update
 * for the other clients and one undo step), through the mapDoc accessors. Refuses a document that already has content:
 * an import makes a new map and never merges into someone's work.
 */
export function importSnapshotIntoDoc(doc: Y.Doc, snapshot: MapSnapshot, origin: unknown, targets: ImportTargets = {}): ImportResult {
  if (!isEmptyDoc(doc)) {
    return {
      ok: false,
      errors: [
        mapFileError('TARGET_NOT_EMPTY', '', {
          nl: 'Een kaart wordt alleen in een nieuwe, lege kaart ingelezen. Maak eerst een nieuwe kaart.',
          en: 'A map is only imported into a new, empty map. Create a new map first.',
        }),
      ],
    };
  }
  let records = 0;
  doc.transact(() => {
    const m = metaMap(doc);
    m.set('schemaVersion', SCHEMA_VERSION);
    m.set('title', snapshot.meta.title);
    m.set('template', snapshot.meta.template);
    m.set('createdAt', snapshot.meta.createdAt);
    for (const n of snapshot.nodes) createNode(doc, n, origin);
    for (const e of snapshot.edges) createEdge(doc, e, origin);
    for (const [name, list] of Object.entries(snapshot.collections)) {
      collectionMap(doc, name); // an empty collection still exists after the import, as it did before the export
      for (const r of list) {
        putRecord(doc, name, r.data, r.id, origin);
        records++;
      }
    }
    for (const [name, value] of Object.entries(snapshot.texts)) setSharedText(doc, name, value, origin);
  }, origin);
  if (targets.privateDoc && targets.privateFields) {
    const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
    const priv = targets.privateDoc;
    const fields = targets.privateFields;
    priv.transact(() => {
      for (const [id, f] of Object.entries(fields)) if (nodeIds.has(id)) setPrivateFields(priv, id, f, origin);
    }, origin);
  }
  return { ok: true, nodes: snapshot.nodes.length, edges: snapshot.edges.length, records };
}
