import type * as Y from 'yjs';
import { readNodes } from '../../../shared/model/mapDoc';
import { DEFAULT_NODE_HEIGHT, DEFAULT_NODE_WIDTH, type NodeRecord } from '../../../shared/model/schema';

const GAP = 40;

function overlaps(x: number, y: number, nodes: NodeRecord[]): boolean {
  return nodes.some((n) => x < n.x + n.width + 8 && x + DEFAULT_NODE_WIDTH + 8 > n.x && y < n.y + n.height + 8 && y + DEFAULT_NODE_HEIGHT + 8 > n.y);
}

/**
 * Where a new card goes: beside the card it relates to (right, then below, then left, then above, stepping
 * outwards) on the first free spot; without one, right of everything on the map.
 */
export function placeNear(doc: Y.Doc, near: NodeRecord | null, isBackground: (kind: string) => boolean): { x: number; y: number } {
  // Lanes and quadrants (background kinds) may lie under a card; only cards take space.
  const nodes = readNodes(doc).filter((n) => !isBackground(n.kind));
  if (near) {
    for (let ring = 1; ring <= 6; ring++) {
      const dx = (near.width + GAP) * ring;
      const dy = (near.height + GAP) * ring;
      const spots = [
        { x: near.x + dx, y: near.y },
        { x: near.x, y: near.y + dy },
        { x: near.x - (DEFAULT_NODE_WIDTH + GAP) * ring, y: near.y },
        { x: near.x, y: near.y - (DEFAULT_NODE_HEIGHT + GAP) * ring },
        { x: near.x + dx, y: near.y + dy },
      ];
      const free = spots.find((s) => !overlaps(s.x, s.y, nodes));
      if (free) return free;
    }
  }
  if (nodes.length === 0) return { x: 0, y: 0 };
  const right = Math.max(...nodes.map((n) => n.x + n.width));
  const top = Math.min(...nodes.map((n) => n.y));
  let y = top;
  while (overlaps(right + GAP, y, nodes)) y += DEFAULT_NODE_HEIGHT + GAP;
  return { x: right + GAP, y };
}
