import type * as Y from 'yjs';
import type { LocalizedText } from '../../model/fields';
import { createEdge, createNode, putRecord, type EdgeInit, type NodeInit } from '../../model/mapDoc';
import { newId } from '../../model/ids';
import type { FieldValue } from '../../model/schema';

export type TemplateNode = NodeInit & { id: string };
export type TemplateEdge = EdgeInit;
export interface TemplateRecord {
  id: string;
  data: Record<string, FieldValue>;
}

/** Content to seed a new map with, as plain data. Ids are local to the template; references use them too. */
export interface MapTemplate {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  nodes: TemplateNode[];
  edges: TemplateEdge[];
  /** Records per collection name (e.g. COMMITMENTS). */
  records: Record<string, TemplateRecord[]>;
}

export interface ApplyTemplateOptions {
  /**
   * Keep the template's ids instead of minting fresh ones. Only for a fresh document (fixtures, demos): applied
   * twice into one map, kept ids would overwrite the first copy.
   */
  keepIds?: boolean;
  /** Shift every node, e.g. to drop a template next to existing content. */
  offset?: { x: number; y: number };
}

function remap(value: FieldValue, ids: Map<string, string>): FieldValue {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value.map((v) => ids.get(v) ?? v);
  return value;
}

function remapData(data: Record<string, FieldValue> | undefined, ids: Map<string, string>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = remap(v, ids);
  return out;
}

/**
 * Writes a template's nodes, edges and records into a map in one transaction (one undo step, one update for peers).
 * Node references inside data (a commitment's `who`, an offer's `followUp`) are rewritten to the new ids.
 * Returns the id each template node got in the document.
 */
export function applyTemplate(doc: Y.Doc, template: MapTemplate, origin?: unknown, options: ApplyTemplateOptions = {}): Record<string, string> {
  const ids = new Map<string, string>();
  for (const n of template.nodes) ids.set(n.id, options.keepIds ? n.id : newId());
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  doc.transact(() => {
    for (const n of template.nodes) {
      createNode(doc, { ...n, id: ids.get(n.id), x: (n.x ?? 0) + dx, y: (n.y ?? 0) + dy, data: remapData(n.data, ids) }, origin);
    }
    for (const e of template.edges) {
      const source = ids.get(e.source);
      const target = ids.get(e.target);
      // An edge to a node the template does not hold would dangle; templates are data, so guard rather than trust.
      if (!source || !target) continue;
      createEdge(doc, { ...e, id: options.keepIds ? e.id : undefined, source, target, data: remapData(e.data, ids) }, origin);
    }
    for (const [collection, records] of Object.entries(template.records)) {
      for (const r of records) putRecord(doc, collection, remapData(r.data, ids), options.keepIds ? r.id : undefined, origin);
    }
  }, origin);
  return Object.fromEntries(ids);
}
