import type { NodeRecord } from '../../model/schema';
import { KNOWLEDGE_SOURCES, KNOWLEDGE_SOURCE_OPTIONS, type KnowledgeSourceId } from '../knowledgeSources';
import { amountField, optionField, optionsField, textField } from '../nodeData';
import { ORGANISATION_TYPE_OPTIONS, type OrganisationTypeId } from '../organisationTypes';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

/** A deelnemer at the lerende praktijk's table. */
export interface TeamMember {
  id: string;
  label: string;
  organisation: string;
  organisationType: OrganisationTypeId | null;
  knowledgeSources: KnowledgeSourceId[];
  capacityHoursPerMonth: number | null;
}

const ORGANISATION_TYPES = ORGANISATION_TYPE_OPTIONS.map((o) => o.value as OrganisationTypeId);
const SOURCES = KNOWLEDGE_SOURCES.map((k) => k.id);

export const teamMemberKind: NodeKindSpec = {
  id: KIND.teamMember,
  title: { nl: 'Deelnemer', en: 'Team member' },
  pluralTitle: { nl: 'Team', en: 'Team' },
  icon: 'user',
  color: '#f3e8ff',
  borderColor: '#6b46c1',
  shape: 'rounded',
  defaultSize: { width: 190, height: 64 },
  fields: [
    {
      key: 'organisation', type: 'text', label: { nl: 'Organisatie', en: 'Organisation' },
      description: { nl: 'Leeg laten voor een mantelzorger die op eigen titel meedoet.', en: 'Leave empty for a caregiver taking part on their own behalf.' },
    },
    { key: 'organisationType', type: 'select', label: { nl: 'Soort organisatie', en: 'Organisation type' }, options: ORGANISATION_TYPE_OPTIONS },
    // Several: a social worker who also cares for a parent brings practice and lived experience.
    { key: 'knowledgeSources', type: 'multiselect', label: { nl: 'Kennisbron', en: 'Knowledge source' }, options: KNOWLEDGE_SOURCE_OPTIONS },
    commonFields.capacity({ nl: 'Hoeveel uur per maand deze deelnemer kan geven.', en: 'Hours per month this member can give.' }),
    commonFields.phone(),
    commonFields.email(),
  ],
};

export function readTeamMember(node: NodeRecord): TeamMember {
  const d = node.data;
  return {
    id: node.id,
    label: node.label,
    organisation: textField(d, 'organisation'),
    organisationType: optionField(d, 'organisationType', ORGANISATION_TYPES),
    knowledgeSources: optionsField(d, 'knowledgeSources', SOURCES),
    capacityHoursPerMonth: amountField(d, 'capacityHoursPerMonth'),
  };
}
