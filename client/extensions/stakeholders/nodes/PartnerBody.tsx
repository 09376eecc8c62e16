import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { PARTNER_CATEGORY_OPTIONS, PARTNER_ROLE_OPTIONS, readPartner } from '../../../../shared/stakeholders';
import type { StakeholderState } from '../state';
import { Facts, optionLabel } from './bodyParts';
import { CapacityBadge } from './CapacityBadge';

/** A samenwerkingspartner: category and role (or that the role is still missing), and hours if it committed any. */
export function createPartnerBody(state: StakeholderState): ComponentType<NodeBodyProps> {
  return function PartnerBody({ node, language }) {
    const p = readPartner(node);
    const role = optionLabel(PARTNER_ROLE_OPTIONS, p.role, language) ?? (language === 'nl' ? 'rol?' : 'role?');
    return (
      <div className="sh-body-row sh-body">
        <Facts items={[optionLabel(PARTNER_CATEGORY_OPTIONS, p.category, language), role]} />
        <CapacityBadge state={state} nodeId={node.id} language={language} />
      </div>
    );
  };
}
