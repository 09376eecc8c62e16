import type { NodeRecord } from '../../model/schema';
import { KNOWLEDGE_SOURCES, KNOWLEDGE_SOURCE_OPTIONS } from '../knowledgeSources';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { ORGANISATION_TYPES, ORGANISATION_TYPE_OPTIONS } from '../organisationTypes';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

const FIELDS = [
  field.text('organisation', { nl: 'Organisatie', en: 'Organisation' }, {
    description: { nl: 'Leeg laten voor een mantelzorger die op eigen titel meedoet.', en: 'Leave empty for a caregiver taking part on their own behalf.' },
  }),
  field.select('organisationType', { nl: 'Soort organisatie', en: 'Organisation type' }, ORGANISATION_TYPES, ORGANISATION_TYPE_OPTIONS),
  // Several: a social worker who also cares for a parent brings practice and lived experience.
  field.multiselect('knowledgeSources', { nl: 'Kennisbron', en: 'Knowledge source' }, KNOWLEDGE_SOURCES.map((k) => k.id), KNOWLEDGE_SOURCE_OPTIONS),
  commonFields.capacity({ nl: 'Hoeveel uur per maand deze deelnemer kan geven.', en: 'Hours per month this member can give.' }),
  commonFields.phone(),
  commonFields.email(),
] as const;

/** A deelnemer at the lerende praktijk's table. */
export type TeamMember = KindRecord<typeof FIELDS>;

export function readTeamMember(node: NodeRecord): TeamMember {
  return readKind(node, FIELDS);
}

export const teamMemberKind: NodeKindSpec = {
  id: KIND.teamMember,
  title: { nl: 'Deelnemer', en: 'Team member' },
  pluralTitle: { nl: 'Team', en: 'Team' },
  icon: 'user',
  color: '#f3e8ff',
  borderColor: '#6b46c1',
  shape: 'rounded',
  defaultSize: { width: 190, height: 64 },
  fields: schemasOf(FIELDS),
};
