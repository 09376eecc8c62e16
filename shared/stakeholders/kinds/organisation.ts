import type { NodeRecord } from '../../model/schema';
import { amountField, optionField } from '../nodeData';
import { ORGANISATION_TYPE_OPTIONS, type OrganisationTypeId } from '../organisationTypes';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

/**
 * An organisation at the table (the steunpunt, the gemeente, a welfare organisation), as opposed to a partner around it.
 * It gives relations such as "de huisarts verwijst naar het steunpunt" an end, and can own a commitment of its own.
 * Team members belong to it by name (their `organisation` field).
 */
export interface Organisation {
  id: string;
  label: string;
  organisationType: OrganisationTypeId | null;
  capacityHoursPerMonth: number | null;
}

const ORGANISATION_TYPES = ORGANISATION_TYPE_OPTIONS.map((o) => o.value as OrganisationTypeId);

export const organisationKind: NodeKindSpec = {
  id: KIND.organisation,
  title: { nl: 'Organisatie aan tafel', en: 'Participating organisation' },
  pluralTitle: { nl: 'Organisaties aan tafel', en: 'Participating organisations' },
  icon: 'landmark',
  color: '#ede9fe',
  borderColor: '#553c9a',
  shape: 'rectangle',
  defaultSize: { width: 220, height: 72 },
  fields: [
    { key: 'organisationType', type: 'select', label: { nl: 'Soort organisatie', en: 'Organisation type' }, options: ORGANISATION_TYPE_OPTIONS },
    commonFields.capacity({ nl: 'Uren per maand die de organisatie voor het project vrijmaakt.', en: 'Hours per month the organisation makes available.' }),
  ],
};

export function readOrganisation(node: NodeRecord): Organisation {
  return {
    id: node.id,
    label: node.label,
    organisationType: optionField(node.data, 'organisationType', ORGANISATION_TYPES),
    capacityHoursPerMonth: amountField(node.data, 'capacityHoursPerMonth'),
  };
}
