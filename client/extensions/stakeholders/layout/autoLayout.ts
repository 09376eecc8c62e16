import dagre from '@dagrejs/dagre';
import type { EdgeRecord, NodeRecord } from '../../../../shared/model/schema';

export interface LayoutOptions {
  /** Only these nodes may move (the selection); all unpinned nodes when absent. */
  only?: ReadonlySet<string>;
  /** Kinds that are never laid out (background lanes and quadrants). */
  fixedKinds?: ReadonlySet<string>;
  direction?: 'LR' | 'TB';
}

export type Positions = Map<string, { x: number; y: number }>;

/**
 * A layered (Sugiyama) layout with dagre of the nodes that may move: pinned nodes, background kinds and nodes
 * outside `only` stay exactly where they are. The result keeps the moved group's top-left corner where it was,
 * so "arrange the selection" tidies in place instead of throwing the nodes to the origin.
 * Returns new positions for the moved nodes only.
 */
export function autoLayout(nodes: NodeRecord[], edges: EdgeRecord[], options: LayoutOptions = {}): Positions {
  const movable = nodes.filter((n) => !n.pinned && !options.fixedKinds?.has(n.kind) && (!options.only || options.only.has(n.id)));
  const out: Positions = new Map();
  if (movable.length === 0) return out;
  const ids = new Set(movable.map((n) => n.id));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: options.direction ?? 'LR', nodesep: 36, ranksep: 110, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of movable) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);

  const minX = Math.min(...movable.map((n) => n.x));
  const minY = Math.min(...movable.map((n) => n.y));
  let laidMinX = Infinity;
  let laidMinY = Infinity;
  const raw = new Map<string, { x: number; y: number }>();
  for (const n of movable) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    if (!p) continue;
    // dagre gives centres; the map stores top-left corners.
    const x = p.x - n.width / 2;
    const y = p.y - n.height / 2;
    raw.set(n.id, { x, y });
    laidMinX = Math.min(laidMinX, x);
    laidMinY = Math.min(laidMinY, y);
  }
  for (const [id, p] of raw) out.set(id, { x: Math.round(p.x - laidMinX + minX), y: Math.round(p.y - laidMinY + minY) });
  return out;
}
