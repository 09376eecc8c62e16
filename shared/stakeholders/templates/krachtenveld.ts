import type { NodeRecord } from '../../model/schema';
import { NOTE_KIND } from '../../model/schema';
import { KIND } from '../kinds/kindIds';
import type { QuadrantId } from '../kinds/area';
import type { MapTemplate } from './mapTemplate';

/**
 * The krachtenveld after Mendelow's power–interest grid: influence (invloed) upwards, involvement (betrokkenheid)
 * to the right. Screen y grows downwards, so high influence is the top half.
 */
export const KRACHTENVELD_GRID = { x: 0, y: 0, width: 1600, height: 1200 };

export type Grid = typeof KRACHTENVELD_GRID;

/** Which quadrant a point lies in; null outside the grid. Pass a node's centre (see quadrantOfNode). */
export function quadrantOf(x: number, y: number, grid: Grid = KRACHTENVELD_GRID): QuadrantId | null {
  if (x < grid.x || x > grid.x + grid.width || y < grid.y || y > grid.y + grid.height) return null;
  const involved = x >= grid.x + grid.width / 2;
  const influential = y < grid.y + grid.height / 2;
  if (influential) return involved ? 'nauwBetrekken' : 'tevredenHouden';
  return involved ? 'informeren' : 'monitoren';
}

/** The quadrant a node's centre is in, so dragging a node across the line changes its quadrant. */
export function quadrantOfNode(node: Pick<NodeRecord, 'x' | 'y' | 'width' | 'height'>, grid: Grid = KRACHTENVELD_GRID): QuadrantId | null {
  return quadrantOf(node.x + node.width / 2, node.y + node.height / 2, grid);
}

const half = { w: KRACHTENVELD_GRID.width / 2, h: KRACHTENVELD_GRID.height / 2 };

const QUADRANTS: { id: QuadrantId; label: string; description: string; col: 0 | 1; row: 0 | 1 }[] = [
  { id: 'tevredenHouden', label: 'Veel invloed, weinig betrokken: tevreden houden', description: 'Houd op de hoogte op momenten die voor hen tellen; vraag steun bij besluiten en financiering.', col: 0, row: 0 },
  { id: 'nauwBetrekken', label: 'Veel invloed, zeer betrokken: nauw betrekken', description: 'Sleutelspelers: betrek bij elke stap en maak samen afspraken over tijd en rol.', col: 1, row: 0 },
  { id: 'monitoren', label: 'Weinig invloed, weinig betrokken: monitoren', description: 'Volg wat er gebeurt; misschien worden ze later belangrijk.', col: 0, row: 1 },
  { id: 'informeren', label: 'Weinig invloed, zeer betrokken: informeren', description: 'Houd ze goed op de hoogte en gebruik hun betrokkenheid, bijvoorbeeld in een meekijkgroep.', col: 1, row: 1 },
];

export const krachtenveldTemplate: MapTemplate = {
  id: 'krachtenveld',
  title: { nl: 'Krachtenveld', en: 'Influence and involvement' },
  description: {
    nl: 'Een raster van invloed × betrokkenheid (naar Mendelow). Waar je een partij neerzet, bepaalt hoe je haar betrekt.',
    en: 'An influence × involvement grid (after Mendelow). Where you place a party sets how you engage it.',
  },
  nodes: [
    ...QUADRANTS.map((q) => ({
      id: `kwadrant-${q.id}`,
      kind: KIND.area,
      label: q.label,
      x: KRACHTENVELD_GRID.x + q.col * half.w,
      y: KRACHTENVELD_GRID.y + q.row * half.h,
      width: half.w,
      height: half.h,
      pinned: true,
      data: { quadrant: q.id, description: q.description },
    })),
    { id: 'as-invloed', kind: NOTE_KIND, label: '↑ Invloed', x: KRACHTENVELD_GRID.x - 200, y: KRACHTENVELD_GRID.y, width: 160, height: 48, pinned: true },
    { id: 'as-betrokkenheid', kind: NOTE_KIND, label: 'Betrokkenheid →', x: KRACHTENVELD_GRID.x + KRACHTENVELD_GRID.width - 200, y: KRACHTENVELD_GRID.y + KRACHTENVELD_GRID.height + 24, width: 200, height: 48, pinned: true },
  ],
  edges: [],
  records: {},
};
