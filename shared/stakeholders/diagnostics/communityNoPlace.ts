import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { placesOf } from '../links';
import { RELATION } from '../relations';
import type { Problem } from './problem';

/** People are reached where they already are; a community with no known meeting place is not really reached. */
export function communityNoPlace(snapshot: MapSnapshot): Problem[] {
  const problems: Problem[] = [];
  for (const community of snapshot.nodes) {
    if (community.kind !== KIND.community || placesOf(snapshot, community.id).length > 0) continue;
    problems.push({
      code: 'community.noPlace',
      severity: 'warning',
      message: {
        nl: `Er is nog geen plek bekend waar de ${nodeName(community, 'nl')} samenkomt. Vraag na waar mensen al komen (moskee, kerk, buurthuis, vrouwengroep, markt) en zet die plek op de kaart.`,
        en: `No place is known where the ${nodeName(community, 'en')} meets. Find out where people already go (mosque, church, community centre, women’s group, market) and put it on the map.`,
      },
      risk: {
        nl: `Er is nog geen plek bekend waar de ${nodeName(community, 'nl')} samenkomt, dus ook geen plek om mantelzorgers daar te ontmoeten. Maatregel: nagaan waar mensen al komen (moskee, kerk, buurthuis, vrouwengroep, markt).`,
        en: `No place is known where the ${nodeName(community, 'en')} meets, so there is no place yet to meet caregivers there. Measure: find out where people already go (mosque, church, community centre, women’s group, market).`,
      },
      nodeIds: [community.id],
      quickFixes: [
        {
          title: { nl: 'Vindplaats toevoegen', en: 'Add a place' },
          command: STAKEHOLDER_COMMANDS.addNode,
          args: { kind: KIND.place, connectTo: { nodeId: community.id, relation: RELATION.meetsAt, direction: 'from' } },
        },
      ],
    });
  }
  return problems;
}
