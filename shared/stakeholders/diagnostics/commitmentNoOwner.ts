import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import type { Problem } from './problem';
import { commitmentName, sentence } from './commitmentName';

/** Every commitment needs someone who carries it; one whose owner was deleted from the map is orphaned too. */
export function commitmentNoOwner(snapshot: MapSnapshot): Problem[] {
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return readCommitments(snapshot)
    .filter((c) => c.who === null || !nodes.has(c.who))
    .map((c) => {
      const name = sentence(commitmentName(c, undefined).nl);
      const nameEn = sentence(commitmentName(c, undefined).en);
      const deleted = c.who !== null;
      return {
        code: 'commitment.noOwner',
        severity: 'error',
        message: {
          nl: deleted
            ? `${name} hoort bij iemand die niet meer op de kaart staat. Kies wie deze taak nu uitvoert, of verwijder de afspraak.`
            : `${name} heeft niemand die hem uitvoert. Kies een persoon of organisatie op de kaart.`,
          en: deleted
            ? `${nameEn} belongs to someone no longer on the map. Choose who carries it now, or delete it.`
            : `${nameEn} has nobody to carry it. Choose a person or organisation on the map.`,
        },
        nodeIds: [],
        recordIds: [c.id],
        quickFixes: [{ title: { nl: 'Wie kiezen', en: 'Choose who' }, command: STAKEHOLDER_COMMANDS.editCommitment, args: { commitmentId: c.id, field: 'who' } }],
      } satisfies Problem;
    });
}
