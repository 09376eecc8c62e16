import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { EdgeRecord } from '../../shared/model/schema';
import type { FlowEdge, FlowNode } from './flowMirror';

/** The colour of an edge's line; the host answers from the edge's declared kind. */
export type EdgeColor = (record: EdgeRecord) => string | undefined;

const NEUTRAL = '#64748b';
const SELECTED = 'var(--accent, #1d4ed8)';

interface Group {
  color: string;
  selected: boolean;
  d: string[];
}

function centre(n: FlowNode): { x: number; y: number } {
  const w = n.measured?.width ?? n.width ?? 0;
  const h = n.measured?.height ?? n.height ?? 0;
  return { x: n.position.x + w / 2, y: n.position.y + h / 2 };
}

/**
 * Every edge zoomed out below FAR_ZOOM, drawn as straight lines between card centres in one SVG path per colour,
 * inside React Flow's viewport so panning and zooming never redraw it. React Flow gets no edges at that zoom:
 * 3,000 edge components each re-computed their position on every store change and painted as 3,000 separate
 * pieces, which alone cost more than a frame. Lines here are not clickable; zooming in brings the full edges back.
 */
export const FarEdges = memo(function FarEdges({ nodes, edges, colorOf }: { nodes: FlowNode[]; edges: FlowEdge[]; colorOf?: EdgeColor }) {
  const groups = useMemo(() => {
    const centres = new Map<string, { x: number; y: number }>();
    for (const n of nodes) if (!n.hidden) centres.set(n.id, centre(n));
    const byKey = new Map<string, Group>();
    for (const e of edges) {
      const a = centres.get(e.source);
      const b = centres.get(e.target);
      if (!a || !b) continue;
      const selected = !!e.selected;
      const record = e.data?.record;
      const color = selected ? SELECTED : (e.data?.remoteColor ?? (record && colorOf?.(record)) ?? NEUTRAL);
      const key = `${selected ? 1 : 0}${color}`;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { color, selected, d: [] }));
      g.d.push(`M${Math.round(a.x)} ${Math.round(a.y)}L${Math.round(b.x)} ${Math.round(b.y)}`);
    }
    // Selected lines last, so they are drawn on top.
    return [...byKey.values()].sort((x, y) => Number(x.selected) - Number(y.selected));
  }, [nodes, edges, colorOf]);
  return (
    <ViewportPortal>
      <svg className="mk-far-edges" aria-hidden="true" data-testid="far-edges">
        {groups.map((g) => (
          <path key={`${g.selected ? 1 : 0}${g.color}`} d={g.d.join('')} stroke={g.color} className={g.selected ? 'is-selected' : undefined} />
        ))}
      </svg>
    </ViewportPortal>
  );
});
