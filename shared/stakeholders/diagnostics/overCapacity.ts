import type { MapSnapshot } from '../../model/schema';
import { capacityUse } from '../capacity';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import { formatHours } from '../format';
import { KIND } from '../kinds/kindIds';
import { formatMonths } from '../months';
import { commitmentMonths } from '../totals';
import { projectPeriod } from '../projectPeriod';
import type { DiagnosticOptions, Problem } from './problem';

/**
 * Key figures and volunteers get overasked ("leeggezogen"): warn for every person or organisation whose committed
 * hours in a month exceed the capacity on their node, naming the months.
 */
export function overCapacity(snapshot: MapSnapshot, options: DiagnosticOptions = {}): Problem[] {
  const period = projectPeriod(snapshot, options.period);
  const commitments = readCommitments(snapshot);
  const problems: Problem[] = [];
  for (const use of capacityUse(snapshot, options)) {
    if (use.overMonths.length === 0 || use.capacity === null) continue;
    const over = use.months.filter((m) => m.over);
    const peak = Math.max(...over.map((m) => m.committed));
    const varies = over.some((m) => Math.abs(m.committed - peak) > 1e-6);
    const isKeyFigure = use.kind === KIND.keyFigure;
    const overSet = new Set(use.overMonths);
    const recordIds = commitments
      .filter((c) => c.who === use.partyId && commitmentMonths(c, period).some((m) => overSet.has(m)))
      .map((c) => c.id);
    problems.push({
      code: isKeyFigure ? 'keyfigure.overCapacity' : 'party.overCapacity',
      severity: 'warning',
      message: {
        nl:
          `${use.label} heeft in ${formatMonths(use.overMonths, 'nl')} ${varies ? 'tot ' : ''}${formatHours(peak, 'nl')} uur per maand aan afspraken, ` +
          `meer dan de capaciteit van ${formatHours(use.capacity, 'nl')} uur per maand. Verdeel taken over anderen of spreek minder uren af` +
          (isKeyFigure ? '; sleutelfiguren raken snel overvraagd.' : '.'),
        en:
          `${use.label} is committed ${varies ? 'up to ' : ''}${formatHours(peak, 'en')} h/month in ${formatMonths(use.overMonths, 'en')}, ` +
          `more than the capacity of ${formatHours(use.capacity, 'en')} h/month. Share tasks with others or agree on fewer hours` +
          (isKeyFigure ? '; key figures are easily overasked.' : '.'),
      },
      nodeIds: [use.partyId],
      recordIds,
      quickFixes: [
        {
          title: { nl: 'Afspraken van deze persoon bekijken', en: 'Review this party’s commitments' },
          command: STAKEHOLDER_COMMANDS.openCommitments,
          args: { who: use.partyId, commitmentIds: recordIds },
        },
      ],
    });
  }
  return problems;
}
