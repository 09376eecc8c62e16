import { krachtenveldTemplate } from './krachtenveld';
import { leegTemplate } from './leeg';
import type { MapTemplate } from './mapTemplate';
import { stappenplanTemplate } from './stappenplan';
import { voorbeeldkaartTemplate } from './voorbeeldkaart';

export * from './mapTemplate';
export { leegTemplate } from './leeg';
export { stappenplanTemplate, STAPPENPLAN_LANE } from './stappenplan';
export { krachtenveldTemplate, quadrantOf, quadrantOfNode, KRACHTENVELD_GRID, type Grid } from './krachtenveld';
export { voorbeeldkaartTemplate } from './voorbeeldkaart';

/** The templates a new map can start from, in the order the "new map" dialog lists them. */
export const MAP_TEMPLATES: readonly MapTemplate[] = [leegTemplate, stappenplanTemplate, krachtenveldTemplate, voorbeeldkaartTemplate];

export function mapTemplate(id: string): MapTemplate | undefined {
  return MAP_TEMPLATES.find((t) => t.id === id);
}
