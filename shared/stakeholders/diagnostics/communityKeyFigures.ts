import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { keyFiguresOf } from '../links';
import { RELATION } from '../relations';
import type { Problem } from './problem';

/**
 * A community reached by no key figure is not reached; one reached by a single key figure hangs on one person
 * (who may move, fall ill or be overasked). Reach works through trusted people, not flyers.
 */
export function communityKeyFigures(snapshot: MapSnapshot): Problem[] {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const problems: Problem[] = [];
  for (const community of snapshot.nodes) {
    if (community.kind !== KIND.community) continue;
    const figures = keyFiguresOf(snapshot, community.id);
    const name = { nl: nodeName(community, 'nl'), en: nodeName(community, 'en') };
    const addKeyFigure = {
      title: { nl: 'Sleutelfiguur toevoegen die deze gemeenschap bereikt', en: 'Add a key figure who reaches this community' },
      command: STAKEHOLDER_COMMANDS.addNode,
      args: { kind: KIND.keyFigure, connectTo: { nodeId: community.id, relation: RELATION.reaches, direction: 'to' } },
    };
    if (figures.length === 0) {
      problems.push({
        code: 'community.noKeyFigure',
        severity: 'warning',
        message: {
          nl: `Niemand op de kaart bereikt de ${name.nl}. Zoek een sleutelfiguur die de mensen vertrouwen en verbind die met ‘bereikt’.`,
          en: `Nobody on the map reaches the ${name.en}. Find a key figure people trust and connect them with ‘reaches’.`,
        },
        risk: {
          nl: `Voor de ${name.nl} is er nog geen sleutelfiguur die de mensen vertrouwen; zonder zo iemand bereiken we deze mantelzorgers nauwelijks. Maatregel: via partners en vindplaatsen een sleutelfiguur zoeken.`,
          en: `The ${name.en} has no key figure people trust yet; without one we hardly reach these caregivers. Measure: find a key figure through partners and meeting places.`,
        },
        nodeIds: [community.id],
        quickFixes: [addKeyFigure],
      });
    } else if (figures.length === 1) {
      const figure = byId.get(figures[0]);
      problems.push({
        code: 'community.singleKeyFigure',
        // The domain calls a community reached by one key figure "not really reached", like one reached by none.
        severity: 'warning',
        message: {
          nl: `De ${name.nl} wordt maar door één sleutelfiguur bereikt (${nodeName(figure, 'nl')}). Zoek een tweede, zodat het contact niet van één persoon afhangt.`,
          en: `The ${name.en} is reached by one key figure only (${nodeName(figure, 'en')}). Find a second one so contact does not hang on one person.`,
        },
        nodeIds: [community.id, figures[0]],
        quickFixes: [addKeyFigure],
      });
    }
  }
  return problems;
}
