import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { PHASES, PHASE_OPTIONS } from '../phases';
import { LANGUAGE_SUGGESTIONS, OFFER_TYPE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const FIELDS = [
  field.text('offerType', { nl: 'Soort aanbod', en: 'Type of offer' }, { suggestions: OFFER_TYPE_SUGGESTIONS }),
  field.select('phase', { nl: 'Fase', en: 'Phase' }, PHASES.map((p) => p.id), PHASE_OPTIONS),
  commonFields.languages({ suggestions: LANGUAGE_SUGGESTIONS }),
  field.nodeRefs('communities', { nl: 'Voor welke gemeenschappen', en: 'For which communities' }, [KIND.community]),
  field.nodeRef('place', { nl: 'Waar', en: 'Where' }, [KIND.place]),
  field.month('start', { nl: 'Start', en: 'Start' }),
  field.month('end', { nl: 'Einde', en: 'End' }),
  field.nodeRef('followUp', { nl: 'Vervolgaanbod', en: 'Follow-up offer' }, [KIND.offer], {
    description: { nl: 'Wat deelnemers krijgen als dit aanbod stopt (borgen).', en: 'What participants get when this offer ends.' },
  }),
] as const;

/** An ondersteuningsaanbod, with the phase it serves and, for borgen, what follows when it ends. */
export type Offer = KindRecord<typeof FIELDS>;

export function readOffer(node: NodeRecord): Offer {
  return readKind(node, FIELDS);
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
  fields: schemasOf(FIELDS),
};
