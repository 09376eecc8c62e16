import type { MapApi } from '../../../host/api';
import type { FieldValue } from '../../../../shared/model/schema';
import type { MapTemplate } from '../../../../shared/stakeholders/templates/index';

function remap(value: FieldValue, ids: Map<string, string>): FieldValue {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value.map((v) => ids.get(v) ?? v);
  return value;
}

function remapData(data: Record<string, FieldValue> | undefined, ids: Map<string, string>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, remap(v, ids)]));
}

/**
 * Writes a template through the map API in one transaction (one undo step), next to what is already there:
 * the template's local ids become fresh node ids and references in data follow them.
 */
export function applyTemplateThroughApi(map: MapApi, template: MapTemplate): string[] {
  const existing = map.getNodes();
  const right = existing.length ? Math.max(...existing.map((n) => n.x + n.width)) + 200 : 0;
  const top = existing.length ? Math.min(...existing.map((n) => n.y)) : 0;
  const ids = new Map<string, string>();
  map.transact(() => {
    for (const n of template.nodes) {
      const { id: localId, ...init } = n;
      ids.set(localId, map.createNode({ ...init, x: (n.x ?? 0) + right, y: (n.y ?? 0) + top, data: {} }));
    }
    // Data after all nodes exist, so references to later nodes resolve too.
    for (const n of template.nodes) map.setNodeData(ids.get(n.id)!, remapData(n.data, ids));
    for (const e of template.edges) {
      const source = ids.get(e.source);
      const target = ids.get(e.target);
      if (!source || !target) continue;
      const { id: _id, ...init } = e;
      map.createEdge({ ...init, source, target, data: remapData(e.data, ids) });
    }
    for (const [collection, records] of Object.entries(template.records)) for (const r of records) map.putRecord(collection, remapData(r.data, ids));
  });
  return [...ids.values()];
}
