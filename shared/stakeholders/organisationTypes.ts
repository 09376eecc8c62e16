import type { FieldOption } from '../model/fields';

/** Who sits at the table; 'mantelzorger' is a person, not an organisation, so it never owes an organisation's commitment. */
export type OrganisationTypeId =
  | 'gemeente'
  | 'steunpuntMantelzorg'
  | 'sociaalWerk'
  | 'mantelzorger'
  | 'kennisinstelling'
  | 'zorgaanbieder'
  | 'migrantenorganisatie'
  | 'anders';

export const ORGANISATION_TYPE_OPTIONS: FieldOption[] = [
  { value: 'gemeente', label: { nl: 'Gemeente', en: 'Municipality' } },
  { value: 'steunpuntMantelzorg', label: { nl: 'Steunpunt mantelzorg', en: 'Caregiver support centre' } },
  { value: 'sociaalWerk', label: { nl: 'Sociaal werk', en: 'Social work' } },
  { value: 'mantelzorger', label: { nl: 'Mantelzorger', en: 'Informal caregiver' } },
  { value: 'kennisinstelling', label: { nl: 'Kennisinstelling', en: 'Knowledge institution' } },
  { value: 'zorgaanbieder', label: { nl: 'Zorgaanbieder', en: 'Care provider' } },
  { value: 'migrantenorganisatie', label: { nl: 'Migrantenorganisatie', en: 'Migrant organisation' } },
  { value: 'anders', label: { nl: 'Anders', en: 'Other' } },
];

/** The ids of ORGANISATION_TYPE_OPTIONS, typed. */
export const ORGANISATION_TYPES: readonly OrganisationTypeId[] = ['gemeente', 'steunpuntMantelzorg', 'sociaalWerk', 'mantelzorger', 'kennisinstelling', 'zorgaanbieder', 'migrantenorganisatie', 'anders'];
