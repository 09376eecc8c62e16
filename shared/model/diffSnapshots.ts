import type { CollectionRecord, EdgeRecord, FieldValue, MapSnapshot, NodeRecord } from './schema';

/**
 * What changed between two versions of a map (issue 14: the compare view, the quarterly report). A pure function of
 * two snapshots, so the browser's compare view, the server's export and tests all get the same answer.
 */

/** One field that differs; `field` is `label`, `kind`, `source`, `target` or `data.<key>`. Undefined means absent. */
export interface FieldChange {
  field: string;
  before: FieldValue | undefined;
  after: FieldValue | undefined;
}

export type ChangeType = 'added' | 'removed' | 'changed' | 'moved';

export type MapChange =
  | { on: 'node'; type: 'added'; id: string; after: NodeRecord }
  | { on: 'node'; type: 'removed'; id: string; before: NodeRecord }
  | { on: 'node'; type: 'changed'; id: string; before: NodeRecord; after: NodeRecord; fields: FieldChange[] }
  /** Only with `includeMoves`: position, size or pinning changed and nothing else. */
  | { on: 'node'; type: 'moved'; id: string; before: NodeRecord; after: NodeRecord }
  | { on: 'edge'; type: 'added'; id: string; after: EdgeRecord }
  | { on: 'edge'; type: 'removed'; id: string; before: EdgeRecord }
  | { on: 'edge'; type: 'changed'; id: string; before: EdgeRecord; after: EdgeRecord; fields: FieldChange[] }
  | { on: 'record'; collection: string; type: 'added'; id: string; after: CollectionRecord }
  | { on: 'record'; collection: string; type: 'removed'; id: string; before: CollectionRecord }
  | { on: 'record'; collection: string; type: 'changed'; id: string; before: CollectionRecord; after: CollectionRecord; fields: FieldChange[] }
  | { on: 'title'; type: 'changed'; before: string; after: string };

export interface DiffOptions {
  /** Report cards that only moved, were resized or (un)pinned; by default a move is not a change. */
  includeMoves?: boolean;
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The differing fields among the named top-level ones and every key of `data`, in a fixed order. */
function fieldChanges<T extends { data: Record<string, FieldValue> }>(before: T, after: T, top: readonly (keyof T & string)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of top) {
    const a = before[key] as FieldValue | undefined;
    const b = after[key] as FieldValue | undefined;
    if (!same(a, b)) out.push({ field: key, before: a, after: b });
  }
  const keys = [...new Set([...Object.keys(before.data), ...Object.keys(after.data)])].sort();
  for (const key of keys) {
    const a = before.data[key];
    const b = after.data[key];
    if (!same(a, b)) out.push({ field: `data.${key}`, before: a, after: b });
  }
  return out;
}

/** Each id of either list, sorted, with its entry before and after (undefined where absent). */
function pairs<T extends { id: string }>(before: readonly T[], after: readonly T[]): [T | undefined, T | undefined, string][] {
  const a = new Map(before.map((x) => [x.id, x]));
  const b = new Map(after.map((x) => [x.id, x]));
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((id) => [a.get(id), b.get(id), id]);
}

function moved(a: NodeRecord, b: NodeRecord): boolean {
  return a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height || a.pinned !== b.pinned;
}

/**
 * Every change from `before` to `after`, in a deterministic order: the title, then cards, relations and records
 * (per collection, collections by name), each by id. A card whose content changed and that also moved is
 * `changed`; one that only moved is left out unless `includeMoves`.
 */
export function diffSnapshots(before: MapSnapshot, after: MapSnapshot, options: DiffOptions = {}): MapChange[] {
  const changes: MapChange[] = [];
  if (before.meta.title !== after.meta.title) changes.push({ on: 'title', type: 'changed', before: before.meta.title, after: after.meta.title });

  for (const [a, b, id] of pairs(before.nodes, after.nodes)) {
    if (!a) changes.push({ on: 'node', type: 'added', id, after: b! });
    else if (!b) changes.push({ on: 'node', type: 'removed', id, before: a });
    else {
      const fields = fieldChanges(a, b, ['kind', 'label']);
      if (fields.length > 0) changes.push({ on: 'node', type: 'changed', id, before: a, after: b, fields });
      else if (options.includeMoves && moved(a, b)) changes.push({ on: 'node', type: 'moved', id, before: a, after: b });
    }
  }
  for (const [a, b, id] of pairs(before.edges, after.edges)) {
    if (!a) changes.push({ on: 'edge', type: 'added', id, after: b! });
    else if (!b) changes.push({ on: 'edge', type: 'removed', id, before: a });
    else {
      const fields = fieldChanges(a, b, ['kind', 'label', 'source', 'target']);
      if (fields.length > 0) changes.push({ on: 'edge', type: 'changed', id, before: a, after: b, fields });
    }
  }
  for (const collection of [...new Set([...Object.keys(before.collections), ...Object.keys(after.collections)])].sort()) {
    for (const [a, b, id] of pairs(before.collections[collection] ?? [], after.collections[collection] ?? [])) {
      if (!a) changes.push({ on: 'record', collection, type: 'added', id, after: b! });
      else if (!b) changes.push({ on: 'record', collection, type: 'removed', id, before: a });
      else {
        const fields = fieldChanges(a, b, []);
        if (fields.length > 0) changes.push({ on: 'record', collection, type: 'changed', id, before: a, after: b, fields });
      }
    }
  }
  return changes;
}

/** How many of each kind of change, for a summary line ("3 nieuw, 1 weg, 2 gewijzigd"). */
export function countChanges(changes: readonly MapChange[]): Record<'node' | 'edge' | 'record', Record<ChangeType, number>> {
  const zero = (): Record<ChangeType, number> => ({ added: 0, removed: 0, changed: 0, moved: 0 });
  const counts = { node: zero(), edge: zero(), record: zero() };
  for (const c of changes) if (c.on !== 'title') counts[c.on][c.type] += 1;
  return counts;
}
