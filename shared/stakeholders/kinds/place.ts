import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { PLACE_TYPE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const FIELDS = [
  field.text('placeType', { nl: 'Soort plek', en: 'Type of place' }, { suggestions: PLACE_TYPE_SUGGESTIONS }),
  // The address of a mosque or community centre is public, so it stays in the shared map (unlike a person's home address).
  field.text('address', { nl: 'Adres', en: 'Address' }),
  commonFields.note(),
] as const;

/** A vindplaats: where people already meet. */
export type Place = KindRecord<typeof FIELDS>;

export function readPlace(node: NodeRecord): Place {
  return readKind(node, FIELDS);
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
  fields: schemasOf(FIELDS),
};
