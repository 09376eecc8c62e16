import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import type { Problem } from './problem';
import { commitmentName, sentence } from './commitmentName';

/** An open-ended commitment is never reviewed and quietly becomes a burden; agree until when, then look again. */
export function commitmentNoEndDate(snapshot: MapSnapshot): Problem[] {
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return readCommitments(snapshot)
    .filter((c) => c.to === null && c.status !== 'afgerond')
    .map((c) => {
      const owner = c.who ? nodes.get(c.who) : undefined;
      const name = commitmentName(c, owner);
      return {
        code: 'commitment.noEndDate',
        severity: 'warning',
        message: {
          nl: `${sentence(name.nl)} heeft geen einddatum. Spreek af tot wanneer hij loopt en wanneer jullie hem samen opnieuw bekijken.`,
          en: `${sentence(name.en)} has no end date. Agree until when it runs and when you review it together.`,
        },
        nodeIds: owner ? [owner.id] : [],
        recordIds: [c.id],
        quickFixes: [{ title: { nl: 'Einddatum invullen', en: 'Set an end date' }, command: STAKEHOLDER_COMMANDS.editCommitment, args: { commitmentId: c.id, field: 'to' } }],
      } satisfies Problem;
    });
}
