import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { readCommunity } from '../../../../shared/stakeholders';
import { formatCount } from '../../../../shared/stakeholders/format';
import { Facts } from './bodyParts';

/** A migrantengemeenschap: its wijk, languages and rough size. */
export function createCommunityBody(): ComponentType<NodeBodyProps> {
  return function CommunityBody({ node, language }) {
    const c = readCommunity(node);
    const size = c.size !== null ? `± ${formatCount(c.size, language)}` : null;
    return <Facts items={[c.wijk.join(', '), c.languages.slice(0, 3).join(', '), size]} />;
  };
}
