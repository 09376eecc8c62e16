import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { LANGUAGE_SUGGESTIONS, MEDIA_SUGGESTIONS, ORIGIN_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const FIELDS = [
  field.text('origin', { nl: 'Herkomst', en: 'Origin' }, { suggestions: ORIGIN_SUGGESTIONS }),
  field.tags('wijk', { nl: 'Wijk', en: 'Neighbourhood' }),
  commonFields.languages({ suggestions: LANGUAGE_SUGGESTIONS }),
  field.amount('size', { nl: 'Grootte (ongeveer)', en: 'Rough size' }, { min: 0, step: 50, unit: { nl: 'mensen', en: 'people' } }),
  field.tags('media', { nl: 'Media en kanalen', en: 'Media and channels' }, { suggestions: MEDIA_SUGGESTIONS }),
  field.nodeRefs('places', { nl: 'Plekken waar men samenkomt', en: 'Places used' }, [KIND.place], {
    description: { nl: 'Vindplaatsen op de kaart; een lijn ‘komt samen in’ telt ook.', en: 'Places on the map; a ‘meets at’ relation counts too.' },
  }),
  field.tags('needs', { nl: 'Gehoorde behoeften', en: 'Needs heard' }, { description: { nl: 'Wat mantelzorgers zelf zeggen nodig te hebben.', en: 'What caregivers themselves say they need.' } }),
  commonFields.note(),
] as const;

/** A migrantengemeenschap (doelgroep). Places it meets at are `meetsAt` edges, or listed in `places`: both count. */
export type Community = KindRecord<typeof FIELDS>;

export function readCommunity(node: NodeRecord): Community {
  return readKind(node, FIELDS);
}

export const communityKind: NodeKindSpec = {
  id: KIND.community,
  title: { nl: 'Gemeenschap', en: 'Community' },
  pluralTitle: { nl: 'Gemeenschappen', en: 'Communities' },
  icon: 'users',
  color: '#fde7c4',
  borderColor: '#b7791f',
  shape: 'circle',
  defaultSize: { width: 200, height: 120 },
  fields: schemasOf(FIELDS),
};
