import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { readKeyFigure } from '../../../../shared/stakeholders';
import type { StakeholderState } from '../state';
import { Facts } from './bodyParts';
import { CapacityBadge } from './CapacityBadge';

/** A sleutelfiguur: languages, volunteer or paid, and committed hours against capacity. */
export function createKeyFigureBody(state: StakeholderState): ComponentType<NodeBodyProps> {
  return function KeyFigureBody({ node, language }) {
    const k = readKeyFigure(node);
    const engagement = k.engagement === 'betaald' ? (language === 'nl' ? 'betaald' : 'paid') : k.engagement === 'vrijwilliger' ? (language === 'nl' ? 'vrijwilliger' : 'volunteer') : null;
    return (
      <div className="sh-body-row sh-body">
        <Facts items={[engagement, k.languages.slice(0, 2).join(', ')]} />
        <CapacityBadge state={state} nodeId={node.id} language={language} />
      </div>
    );
  };
}
