import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { ORGANISATION_TYPES, ORGANISATION_TYPE_OPTIONS } from '../organisationTypes';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const FIELDS = [
  field.select('organisationType', { nl: 'Soort organisatie', en: 'Organisation type' }, ORGANISATION_TYPES, ORGANISATION_TYPE_OPTIONS),
  commonFields.capacity({ nl: 'Uren per maand die de organisatie voor het project vrijmaakt.', en: 'Hours per month the organisation makes available.' }),
] as const;

/**
 * An organisation at the table (the steunpunt, the gemeente, a welfare organisation), as opposed to a partner around it.
 * It gives relations such as "de huisarts verwijst naar het steunpunt" an end, and can own a commitment of its own.
 * Team members belong to it by name (their `organisation` field).
 */
export type Organisation = KindRecord<typeof FIELDS>;

export function readOrganisation(node: NodeRecord): Organisation {
  return readKind(node, FIELDS);
}

export const organisationKind: NodeKindSpec = {
  id: KIND.organisation,
  title: { nl: 'Organisatie aan tafel', en: 'Participating organisation' },
  pluralTitle: { nl: 'Organisaties aan tafel', en: 'Participating organisations' },
  icon: 'landmark',
  color: '#ede9fe',
  borderColor: '#553c9a',
  shape: 'rectangle',
  defaultSize: { width: 220, height: 72 },
  fields: schemasOf(FIELDS),
};
