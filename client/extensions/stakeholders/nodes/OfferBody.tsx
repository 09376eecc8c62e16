import type { ComponentType } from 'react';
import type { NodeBodyProps } from '../../../host/api';
import { PHASES, readOffer } from '../../../../shared/stakeholders';
import { Facts } from './bodyParts';

/** An ondersteuningsaanbod: its phase as a coloured chip and its period. */
export function createOfferBody(): ComponentType<NodeBodyProps> {
  return function OfferBody({ node, language }) {
    const o = readOffer(node);
    const phase = PHASES.find((p) => p.id === o.phase);
    const period = o.start ? `${o.start} – ${o.end ?? '…'}` : null;
    return (
      <div className="sh-body-row sh-body">
        {phase && <span className={`sh-phase is-${phase.id}`}>{phase.label[language]}</span>}
        <Facts items={[period]} />
      </div>
    );
  };
}
