import type { NodeRecord } from '../../model/schema';
import { amountField, listField, textField } from '../nodeData';
import { LANGUAGE_SUGGESTIONS, MEDIA_SUGGESTIONS, ORIGIN_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

/** A migrantengemeenschap (doelgroep). Places it meets at are `meetsAt` edges, or listed in `places`: both count. */
export interface Community {
  id: string;
  label: string;
  origin: string;
  wijk: string[];
  languages: string[];
  size: number | null;
  media: string[];
  places: string[];
  needs: string[];
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
  fields: [
    { key: 'origin', type: 'text', label: { nl: 'Herkomst', en: 'Origin' }, suggestions: ORIGIN_SUGGESTIONS },
    { key: 'wijk', type: 'tags', label: { nl: 'Wijk', en: 'Neighbourhood' } },
    { ...commonFields.languages(), suggestions: LANGUAGE_SUGGESTIONS },
    { key: 'size', type: 'number', label: { nl: 'Grootte (ongeveer)', en: 'Rough size' }, min: 0, step: 50, unit: { nl: 'mensen', en: 'people' } },
    { key: 'media', type: 'tags', label: { nl: 'Media en kanalen', en: 'Media and channels' }, suggestions: MEDIA_SUGGESTIONS },
    {
      key: 'places', type: 'nodeRefs', refKinds: [KIND.place], label: { nl: 'Plekken waar men samenkomt', en: 'Places used' },
      description: { nl: 'Vindplaatsen op de kaart; een lijn ‘komt samen in’ telt ook.', en: 'Places on the map; a ‘meets at’ relation counts too.' },
    },
    { key: 'needs', type: 'tags', label: { nl: 'Gehoorde behoeften', en: 'Needs heard' }, description: { nl: 'Wat mantelzorgers zelf zeggen nodig te hebben.', en: 'What caregivers themselves say they need.' } },
  ],
};

export function readCommunity(node: NodeRecord): Community {
  const d = node.data;
  return {
    id: node.id,
    label: node.label,
    origin: textField(d, 'origin'),
    wijk: listField(d, 'wijk'),
    languages: listField(d, 'languages'),
    size: amountField(d, 'size'),
    media: listField(d, 'media'),
    places: listField(d, 'places'),
    needs: listField(d, 'needs'),
  };
}
