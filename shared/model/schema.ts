/**
 * The layout of a map's Y.Doc, defined once. Every reader and writer (client, server, exporters,
 * extensions) goes through the accessors in mapDoc.ts rather than naming these keys itself.
 *
 * - `meta`   Y.Map: schemaVersion, title, template, createdAt.
 * - `nodes`  Y.Map<id, Y.Map>: one Y.Map per node, so concurrent edits of different fields of one node both survive.
 *            Each node map holds id, kind, x, y, width, height, label, pinned and `data`, a nested Y.Map of the
 *            kind's own fields (created in the same transaction as the node, so it never races).
 * - `edges`  Y.Map<id, Y.Map>: id, kind, source, target, sourceHandle, targetHandle, label, `data` (nested Y.Map).
 * - `c:<name>` top-level Y.Maps<id, Y.Map>: record collections owned by extensions (commitments, …). Top-level
 *            because two clients that create the same nested collection at once would lose one side's entries.
 * - `t:<name>` top-level Y.Texts: shared texts owned by extensions (the plan's summary, …), where two people typing
 *            in the same text both keep their words. Top-level for the same reason as collections.
 *
 * Private fields (phone, e-mail, home address) never live in this document: see privateDoc.ts.
 */
export const SCHEMA_VERSION = 1;

export const ROOT_META = 'meta';
export const ROOT_NODES = 'nodes';
export const ROOT_EDGES = 'edges';
export const COLLECTION_PREFIX = 'c:';
export const TEXT_PREFIX = 't:';

/** The kind a node falls back to when no extension knows its kind. */
export const NOTE_KIND = 'note';
export const DEFAULT_EDGE_KIND = 'link';

export const DEFAULT_NODE_WIDTH = 180;
export const DEFAULT_NODE_HEIGHT = 64;

export type FieldValue = string | number | boolean | null | string[] | number[];

export interface NodeRecord {
  id: string;
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** Automatic layout leaves pinned nodes where they are. */
  pinned: boolean;
  data: Record<string, FieldValue>;
}

export interface EdgeRecord {
  id: string;
  kind: string;
  source: string;
  target: string;
  sourceHandle: string | null;
  targetHandle: string | null;
  label: string;
  data: Record<string, FieldValue>;
}

export interface CollectionRecord {
  id: string;
  data: Record<string, FieldValue>;
}

export interface MapMeta {
  schemaVersion: number;
  title: string;
  template: string;
  createdAt: number;
}

/** Everything in a map as plain values: what exporters, the plan and snapshot tests read. */
export interface MapSnapshot {
  meta: MapMeta;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  collections: Record<string, CollectionRecord[]>;
  /** Shared texts by name (`t:<name>`); empty texts are left out. */
  texts: Record<string, string>;
}
