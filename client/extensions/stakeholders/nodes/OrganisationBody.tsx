import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { ORGANISATION_TYPE_OPTIONS, readOrganisation } from '../../../../shared/stakeholders';
import type { StakeholderState } from '../state';
import { Facts, optionLabel } from './bodyParts';
import { CapacityBadge } from './CapacityBadge';

/** An organisation at the table: its type, and its committed hours against what it made available. */
export function createOrganisationBody(state: StakeholderState): ComponentType<NodeBodyProps> {
  return function OrganisationBody({ node, language }) {
    const o = readOrganisation(node);
    return (
      <div className="sh-body-row sh-body">
        <Facts items={[optionLabel(ORGANISATION_TYPE_OPTIONS, o.organisationType, language)]} />
        <CapacityBadge state={state} nodeId={node.id} language={language} />
      </div>
    );
  };
}
