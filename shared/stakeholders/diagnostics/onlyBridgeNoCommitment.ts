import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { readCommitments } from '../commitments';
import { formatList, nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { keyFiguresOf } from '../links';
import type { Problem } from './problem';

/**
 * A key figure who is a community's only bridge carries the whole contact, yet with no agreement at all nobody
 * knows what may be asked of them, and they are the first to be overasked or to drop out unseen (Pharos: "grenzen
 * stellen"; les 2: agree time and role). Names every community that hangs on them.
 */
export function onlyBridgeNoCommitment(snapshot: MapSnapshot): Problem[] {
  const committed = new Set(readCommitments(snapshot).map((c) => c.who));
  const onlyBridgeFor = new Map<string, string[]>();
  for (const community of snapshot.nodes) {
    if (community.kind !== KIND.community) continue;
    const figures = keyFiguresOf(snapshot, community.id);
    if (figures.length !== 1 || committed.has(figures[0])) continue;
    onlyBridgeFor.set(figures[0], [...(onlyBridgeFor.get(figures[0]) ?? []), community.id]);
  }
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  return [...onlyBridgeFor].map(([figureId, communities]): Problem => {
    const figure = byId.get(figureId);
    const names = (locale: 'nl' | 'en') => formatList(communities.map((id) => nodeName(byId.get(id), locale)), locale);
    return {
      code: 'keyfigure.onlyBridgeNoCommitment',
      severity: 'warning',
      message: {
        nl: `${nodeName(figure, 'nl')} is de enige brug naar de ${names('nl')}, maar er is niets met ${nodeName(figure, 'nl')} afgesproken over tijd, rol of vergoeding. Leg vast wat je van elkaar verwacht, zodat het contact niet ongemerkt wegvalt.`,
        en: `${nodeName(figure, 'en')} is the only bridge to the ${names('en')}, but nothing is agreed with ${nodeName(figure, 'en')} about time, role or allowance. Record what you expect of each other, so the contact does not fade unnoticed.`,
      },
      nodeIds: [figureId, ...communities],
      quickFixes: [
        { title: { nl: `Afspraak met ${nodeName(figure, 'nl')} toevoegen`, en: `Add a commitment with ${nodeName(figure, 'en')}` }, command: STAKEHOLDER_COMMANDS.addCommitment, args: { who: figureId } },
      ],
    };
  });
}
