import type { NodeRecord } from '../../model/schema';
import { parseMonth, type Month } from '../months';
import { listField, optionField, textField } from '../nodeData';
import { PHASE_OPTIONS, type PhaseId } from '../phases';
import { LANGUAGE_SUGGESTIONS, OFFER_TYPE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

/** An ondersteuningsaanbod, with the phase it serves and, for borgen, what follows when it ends. */
export interface Offer {
  id: string;
  label: string;
  offerType: string;
  phase: PhaseId | null;
  languages: string[];
  communities: string[];
  place: string | null;
  start: Month | null;
  end: Month | null;
  followUp: string | null;
}

export const offerKind: NodeKindSpec = {
  id: KIND.offer,
  title: { nl: 'Aanbod', en: 'Support offer' },
  pluralTitle: { nl: 'Ondersteuningsaanbod', en: 'Support offers' },
  icon: 'hand-heart',
  color: '#fde2e4',
  borderColor: '#c53030',
  shape: 'document',
  defaultSize: { width: 210, height: 72 },
  fields: [
    { key: 'offerType', type: 'text', label: { nl: 'Soort aanbod', en: 'Type of offer' }, suggestions: OFFER_TYPE_SUGGESTIONS },
    { key: 'phase', type: 'select', label: { nl: 'Fase', en: 'Phase' }, options: PHASE_OPTIONS },
    { ...commonFields.languages(), suggestions: LANGUAGE_SUGGESTIONS },
    { key: 'communities', type: 'nodeRefs', refKinds: [KIND.community], label: { nl: 'Voor welke gemeenschappen', en: 'For which communities' } },
    { key: 'place', type: 'nodeRef', refKinds: [KIND.place], label: { nl: 'Waar', en: 'Where' } },
    { key: 'start', type: 'month', label: { nl: 'Start', en: 'Start' } },
    { key: 'end', type: 'month', label: { nl: 'Einde', en: 'End' } },
    {
      key: 'followUp', type: 'nodeRef', refKinds: [KIND.offer], label: { nl: 'Vervolgaanbod', en: 'Follow-up offer' },
      description: { nl: 'Wat deelnemers krijgen als dit aanbod stopt (borgen).', en: 'What participants get when this offer ends.' },
    },
  ],
};

export function readOffer(node: NodeRecord): Offer {
  const d = node.data;
  const place = textField(d, 'place');
  const followUp = textField(d, 'followUp');
  return {
    id: node.id,
    label: node.label,
    offerType: textField(d, 'offerType'),
    phase: optionField(d, 'phase', ['bereiken', 'binden', 'borgen'] as const),
    languages: listField(d, 'languages'),
    communities: listField(d, 'communities'),
    place: place || null,
    start: parseMonth(d.start),
    end: parseMonth(d.end),
    followUp: followUp || null,
  };
}
