import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { readPlace } from '../../../../shared/stakeholders';
import { Facts } from './bodyParts';

/** A vindplaats: what kind of place it is. */
export function createPlaceBody(): ComponentType<NodeBodyProps> {
  return function PlaceBody({ node }) {
    return <Facts items={[readPlace(node).placeType]} />;
  };
}
