import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { KNOWLEDGE_SOURCES, readTeamMember } from '../../../../shared/stakeholders';
import type { StakeholderState } from '../state';
import { Facts } from './bodyParts';
import { CapacityBadge } from './CapacityBadge';

const SHORT = { wetenschappelijk: { nl: 'wetenschap', en: 'research' }, praktijk: { nl: 'praktijk', en: 'practice' }, ervaring: { nl: 'ervaring', en: 'lived experience' } };

/** A deelnemer: organisation and the knowledge source(s) they bring to the table. */
export function createTeamMemberBody(state: StakeholderState): ComponentType<NodeBodyProps> {
  return function TeamMemberBody({ node, language }) {
    const m = readTeamMember(node);
    const sources = KNOWLEDGE_SOURCES.filter((k) => m.knowledgeSources.includes(k.id)).map((k) => SHORT[k.id][language]);
    return (
      <div className="sh-body-row sh-body">
        <Facts items={[m.organisation, sources.join(', ')]} />
        <CapacityBadge state={state} nodeId={node.id} language={language} />
      </div>
    );
  };
}
