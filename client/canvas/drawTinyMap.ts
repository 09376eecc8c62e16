import type { EdgeRecord, NodeRecord } from '../../shared/model/schema';
import type { FlowEdge, FlowNode } from './flowMirror';

/** Colours per node and edge (from their declared kinds); neutral when absent. */
export interface TinyMapColors {
  node?: (record: NodeRecord) => string | undefined;
  edge?: (record: EdgeRecord) => string | undefined;
}

export interface Transform {
  x: number;
  y: number;
  zoom: number;
}

const NEUTRAL_BORDER = '#94a3b8';
const NEUTRAL_FILL = '#fffef5';
const NEUTRAL_EDGE = '#94a3b8';
const ACCENT = '#1d4ed8';
const MARKER = { error: '#dc2626', warning: '#d97706', info: '#2563eb' } as const;

/** Nodes in drawing order: background kinds (negative z) first, then the rest as React Flow stacks them. */
export function stackingOrder(nodes: readonly FlowNode[]): FlowNode[] {
  return nodes.filter((n) => !n.hidden).sort((a, b) => (a.zIndex ?? 0) - (b.zIndex ?? 0) + (a.selected === b.selected ? 0 : a.selected ? 1 : -1));
}


/** The topmost node under a point in flow coordinates, from nodes in stacking order. */
export function nodeAt(ordered: readonly FlowNode[], x: number, y: number): FlowNode | undefined {
  for (let i = ordered.length - 1; i >= 0; i--) {
    const n = ordered[i];
    const w = n.measured?.width ?? n.width ?? 0;
    const h = n.measured?.height ?? n.height ?? 0;
    if (x >= n.position.x && x <= n.position.x + w && y >= n.position.y && y <= n.position.y + h) return n;
  }
  return undefined;
}

const tints = new Map<string, string>();

/** `share` of the colour on white, opaque (lines under a card must not show through it); remembered per colour. */
function tint(hex: string, share: number): string {
  const key = `${hex}|${share}`;
  const known = tints.get(key);
  if (known) return known;
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return NEUTRAL_FILL;
  const v = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(c * share + 255 * (1 - share));
  const out = `rgb(${mix((v >> 16) & 255)}, ${mix((v >> 8) & 255)}, ${mix(v & 255)})`;
  tints.set(key, out);
  return out;
}
const SELECTED_FILL = tint(ACCENT, 0.3);

/** Edges grouped by how they are drawn; rebuilt when edges change, not per frame. */
export interface EdgeGroup {
  color: string;
  width: number;
  edges: FlowEdge[];
}

export function groupEdges(edges: readonly FlowEdge[], colors: TinyMapColors): EdgeGroup[] {
  const groups = new Map<string, EdgeGroup>();
  for (const e of edges) {
    const record = e.data?.record;
    const strong = !!e.selected || !!e.data?.remoteColor;
    const color = e.selected ? ACCENT : (e.data?.remoteColor ?? (record && colors.edge?.(record)) ?? NEUTRAL_EDGE);
    const key = `${strong ? 2 : 1}|${color}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { color, width: strong ? 2 : 1, edges: [] }));
    g.edges.push(e);
  }
  // Selected and other people's lines last, so they are drawn on top.
  return [...groups.values()].sort((a, b) => a.width - b.width);
}

/**
 * Draws the whole map zoomed far out on one 2D canvas, in screen pixels: straight lines between card centres,
 * then cards as boxes in their kind's colour with selection, other people's selections, dimming and problem
 * dots. Allocates nothing per node or edge (it runs on every frame of a pan or drag). Returns how many cards
 * were on screen.
 */
export function drawTinyMap(
  ctx: CanvasRenderingContext2D,
  view: { width: number; height: number; dpr: number },
  t: Transform,
  ordered: readonly FlowNode[],
  byId: ReadonlyMap<string, FlowNode>,
  edgeGroups: readonly EdgeGroup[],
  colors: TinyMapColors,
): number {
  ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  const z = t.zoom;
  for (const g of edgeGroups) {
    ctx.beginPath();
    for (const e of g.edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) continue;
      ctx.moveTo((a.position.x + (a.measured?.width ?? a.width ?? 0) / 2) * z + t.x, (a.position.y + (a.measured?.height ?? a.height ?? 0) / 2) * z + t.y);
      ctx.lineTo((b.position.x + (b.measured?.width ?? b.width ?? 0) / 2) * z + t.x, (b.position.y + (b.measured?.height ?? b.height ?? 0) / 2) * z + t.y);
    }
    ctx.strokeStyle = g.color;
    ctx.lineWidth = g.width;
    ctx.stroke();
  }

  let drawn = 0;
  for (const n of ordered) {
    const w = n.measured?.width ?? n.width ?? 0;
    const h = n.measured?.height ?? n.height ?? 0;
    const x = n.position.x * z + t.x;
    const y = n.position.y * z + t.y;
    const sw = Math.max(w * z, 2);
    const sh = Math.max(h * z, 2);
    if (x > view.width || y > view.height || x + sw < 0 || y + sh < 0) continue;
    drawn++;
    const kindColor = colors.node?.(n.data.record);
    const dimmed = n.data.decoration?.dimmed;
    ctx.globalAlpha = dimmed ? 0.3 : 1;
    ctx.fillStyle = n.selected ? SELECTED_FILL : kindColor ? tint(kindColor, 0.25) : NEUTRAL_FILL;
    ctx.fillRect(x, y, sw, sh);
    ctx.lineWidth = n.selected ? 2 : 1;
    ctx.strokeStyle = n.selected ? ACCENT : (kindColor ?? NEUTRAL_BORDER);
    ctx.strokeRect(x + 0.5, y + 0.5, sw - 1, sh - 1);
    if (n.data.remoteColor) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = n.data.remoteColor;
      ctx.strokeRect(x - 2, y - 2, sw + 4, sh + 4);
    }
    const marker = n.data.decoration?.marker;
    if (marker) {
      ctx.fillStyle = MARKER[marker];
      ctx.beginPath();
      ctx.arc(x + sw, y, 3, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  return drawn;
}
