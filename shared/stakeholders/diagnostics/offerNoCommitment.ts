import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import type { Problem } from './problem';

/**
 * Les 2: agree time and role up front. An offer on the map that nobody has committed hours to exists on paper
 * only: someone has to run the inloopspreekuur or the lotgenotengroep.
 */
export function offerNoCommitment(snapshot: MapSnapshot): Problem[] {
  const served = new Set(readCommitments(snapshot).filter((c) => c.hours !== null && c.servesOffer !== null).map((c) => c.servesOffer));
  return snapshot.nodes
    .filter((n) => n.kind === KIND.offer && !served.has(n.id))
    .map((offer): Problem => ({
      code: 'offer.noCommitment',
      severity: 'warning',
      message: {
        nl: `Niemand heeft uren toegezegd voor ${nodeName(offer, 'nl')}. Spreek af wie het aanbod uitvoert en hoeveel tijd dat kost.`,
        en: `Nobody has committed hours to ${nodeName(offer, 'en')}. Agree who runs this offer and how much time it takes.`,
      },
      nodeIds: [offer.id],
      quickFixes: [
        { title: { nl: 'Afspraak voor dit aanbod toevoegen', en: 'Add a commitment for this offer' }, command: STAKEHOLDER_COMMANDS.addCommitment, args: { servesOffer: offer.id } },
      ],
    }));
}
