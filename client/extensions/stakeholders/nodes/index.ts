import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { KIND, type StakeholderKindId } from '../../../../shared/stakeholders';
import type { StakeholderState } from '../state';
import { createAreaBody } from './AreaBody';
import { createCommunityBody } from './CommunityBody';
import { createKeyFigureBody } from './KeyFigureBody';
import { createOfferBody } from './OfferBody';
import { createOrganisationBody } from './OrganisationBody';
import { createPartnerBody } from './PartnerBody';
import { createPlaceBody } from './PlaceBody';
import { createTeamMemberBody } from './TeamMemberBody';
import './nodes.css';

/** Node bodies by kind: a plain map from kind to component, as the host registers them. */
export function createNodeBodies(state: StakeholderState): Record<StakeholderKindId, ComponentType<NodeBodyProps>> {
  return {
    [KIND.community]: createCommunityBody(),
    [KIND.keyFigure]: createKeyFigureBody(state),
    [KIND.place]: createPlaceBody(),
    [KIND.partner]: createPartnerBody(state),
    [KIND.teamMember]: createTeamMemberBody(state),
    [KIND.organisation]: createOrganisationBody(state),
    [KIND.offer]: createOfferBody(),
    [KIND.area]: createAreaBody(),
  };
}
