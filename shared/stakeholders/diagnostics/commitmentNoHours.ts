import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import type { Problem } from './problem';
import { commitmentName, sentence } from './commitmentName';

/** Les 2: agree on time up front. A commitment without hours counts for nothing in totals or capacity. */
export function commitmentNoHours(snapshot: MapSnapshot): Problem[] {
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return readCommitments(snapshot)
    .filter((c) => c.hours === null)
    .map((c) => {
      const owner = c.who ? nodes.get(c.who) : undefined;
      const name = commitmentName(c, owner);
      return {
        code: 'commitment.noHours',
        severity: 'warning',
        message: {
          nl: `${sentence(name.nl)} heeft geen uren. Spreek af hoeveel uur per week of per maand dit kost, zodat niemand ongemerkt overvraagd wordt.`,
          en: `${sentence(name.en)} has no hours. Agree how many hours per week or month it takes, so nobody is overasked unnoticed.`,
        },
        nodeIds: owner ? [owner.id] : [],
        recordIds: [c.id],
        quickFixes: [{ title: { nl: 'Uren invullen', en: 'Fill in hours' }, command: STAKEHOLDER_COMMANDS.editCommitment, args: { commitmentId: c.id, field: 'hours' } }],
      } satisfies Problem;
    });
}
