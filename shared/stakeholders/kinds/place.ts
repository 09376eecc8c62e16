import type { NodeRecord } from '../../model/schema';
import { textField } from '../nodeData';
import { PLACE_TYPE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import type { NodeKindSpec } from './nodeKindSpec';

/** A vindplaats: where people already meet. */
export interface Place {
  id: string;
  label: string;
  placeType: string;
  address: string;
}

export const placeKind: NodeKindSpec = {
  id: KIND.place,
  title: { nl: 'Vindplaats', en: 'Place' },
  pluralTitle: { nl: 'Vindplaatsen', en: 'Places' },
  icon: 'map-pin',
  color: '#e3e8ff',
  borderColor: '#4c51bf',
  shape: 'hexagon',
  defaultSize: { width: 180, height: 72 },
  fields: [
    { key: 'placeType', type: 'text', label: { nl: 'Soort plek', en: 'Type of place' }, suggestions: PLACE_TYPE_SUGGESTIONS },
    // The address of a mosque or community centre is public, so it stays in the shared map (unlike a person's home address).
    { key: 'address', type: 'text', label: { nl: 'Adres', en: 'Address' } },
  ],
};

export function readPlace(node: NodeRecord): Place {
  return { id: node.id, label: node.label, placeType: textField(node.data, 'placeType'), address: textField(node.data, 'address') };
}
