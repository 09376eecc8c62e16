import { SCHEMA_VERSION, type FieldValue, type MapSnapshot } from '../model/schema';
import { MAP_FILE_FORMAT } from './mapFileSchema';
import type { PrivateFieldsByNode } from './privateFieldsOf';

export interface MapFile {
  format: typeof MAP_FILE_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  app?: string;
  map: {
    meta: { title: string; template: string; createdAt: number };
    nodes: MapSnapshot['nodes'];
    edges: MapSnapshot['edges'];
    collections: MapSnapshot['collections'];
    texts: MapSnapshot['texts'];
  };
  private?: PrivateFieldsByNode;
}

export interface ExportMapJsonOptions {
  /** Private fields go into the file only when this is true and privateFields are given (AVG: opt in, never by default). */
  includePrivate?: boolean;
  /** Defaults to now; pass a fixed date for reproducible files and tests. */
  exportedAt?: Date;
  /** Who wrote the file, e.g. "Mantelkaart 0.1.0". */
  app?: string;
}

const copy = (data: Record<string, FieldValue>): Record<string, FieldValue> => {
  const out: Record<string, FieldValue> = {};
  for (const k of Object.keys(data).sort()) {
    const v = data[k];
    out[k] = Array.isArray(v) ? ([...v] as FieldValue) : v;
  }
  return out;
};

/** The whole map as a versioned file object, ready for JSON.stringify; parseMapFile reads it back. */
export function exportMapJson(snapshot: MapSnapshot, privateFields?: PrivateFieldsByNode, options: ExportMapJsonOptions = {}): MapFile {
  const file: MapFile = {
    format: MAP_FILE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    ...(options.app ? { app: options.app } : {}),
    map: {
      meta: { title: snapshot.meta.title, template: snapshot.meta.template, createdAt: snapshot.meta.createdAt },
      nodes: snapshot.nodes.map((n) => ({ ...n, data: copy(n.data) })),
      edges: snapshot.edges.map((e) => ({ ...e, data: copy(e.data) })),
      collections: Object.fromEntries(
        Object.keys(snapshot.collections)
          .sort()
          .map((name) => [name, snapshot.collections[name].map((r) => ({ id: r.id, data: copy(r.data) }))]),
      ),
      texts: Object.fromEntries(Object.keys(snapshot.texts).sort().map((name) => [name, snapshot.texts[name]])),
    },
  };
  if (options.includePrivate && privateFields) {
    const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
    const priv: PrivateFieldsByNode = {};
    for (const id of Object.keys(privateFields).sort()) {
      if (nodeIds.has(id) && Object.keys(privateFields[id]).length > 0) priv[id] = copy(privateFields[id]);
    }
    if (Object.keys(priv).length > 0) file.private = priv;
  }
  return file;
}

/** The file as text: indented, so a person can read it and an import error's line number is useful. */
export function stringifyMapFile(file: MapFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
