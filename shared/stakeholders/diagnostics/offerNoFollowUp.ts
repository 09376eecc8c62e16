import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { readOffer } from '../kinds/offer';
import { compareMonths, formatMonth } from '../months';
import { projectPeriod } from '../projectPeriod';
import type { DiagnosticOptions, Problem } from './problem';

/**
 * Borgen: an offer whose commitments stop while the project runs on vanishes unless someone arranges what comes
 * next. Warns when an offer with commitments ends before the project does and names no follow-up offer.
 * Offers that run to the project's end are left to the plan's borgen section, which covers the whole project.
 */
export function offerNoFollowUp(snapshot: MapSnapshot, options: DiagnosticOptions = {}): Problem[] {
  const period = projectPeriod(snapshot, options.period);
  if (!period) return [];
  const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
  const commitments = readCommitments(snapshot);
  const problems: Problem[] = [];
  for (const node of snapshot.nodes) {
    if (node.kind !== KIND.offer) continue;
    const offer = readOffer(node);
    if (offer.followUp && nodeIds.has(offer.followUp)) continue;
    const serving = commitments.filter((c) => c.servesOffer === offer.id);
    if (serving.length === 0) continue;
    // Without its own end, the offer ends when the last commitment carrying it ends (never, if one is open).
    const end = offer.end ?? (serving.some((c) => c.to === null) ? null : serving.map((c) => c.to as string).sort(compareMonths).pop() ?? null);
    if (end === null || compareMonths(end, period.to) >= 0) continue;
    problems.push({
      code: 'offer.noFollowUp',
      severity: 'warning',
      message: {
        nl: `${nodeName(node, 'nl')} stopt na ${formatMonth(end, 'nl')} en er is geen vervolg vastgelegd. Spreek af wat de deelnemers daarna krijgen en wie contact houdt (borgen), en kies een vervolgaanbod.`,
        en: `${nodeName(node, 'en')} ends after ${formatMonth(end, 'en')} and no follow-up is set. Agree what participants get next and who keeps in touch, and choose a follow-up offer.`,
      },
      risk: {
        nl: `${nodeName(node, 'nl')} stopt na ${formatMonth(end, 'nl')} zonder afgesproken vervolg; de deelnemers kunnen daarna uit beeld raken. Maatregel: afspreken wat zij daarna krijgen en wie contact met hen houdt.`,
        en: `${nodeName(node, 'en')} ends after ${formatMonth(end, 'en')} with no agreed follow-up; participants may drop out of sight. Measure: agree what they get next and who keeps in touch with them.`,
      },
      nodeIds: [node.id],
      recordIds: serving.filter((c) => c.to !== null && compareMonths(c.to, end) <= 0).map((c) => c.id),
      quickFixes: [
        { title: { nl: 'Vervolgaanbod kiezen', en: 'Choose a follow-up offer' }, command: STAKEHOLDER_COMMANDS.editNodeField, args: { nodeId: node.id, field: 'followUp' } },
      ],
    });
  }
  return problems;
}
