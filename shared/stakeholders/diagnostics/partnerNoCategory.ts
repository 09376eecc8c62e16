import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { readPartner } from '../kinds/partner';
import type { Problem } from './problem';

/** Without a category a partner is invisible in the coverage matrix, and a missing category can go unnoticed. */
export function partnerNoCategory(snapshot: MapSnapshot): Problem[] {
  return snapshot.nodes
    .filter((n) => n.kind === KIND.partner && readPartner(n).category === null)
    .map((n) => ({
      code: 'partner.noCategory',
      severity: 'info',
      message: {
        nl: `${nodeName(n, 'nl')} heeft geen categorie. Kies er een uit de bijlage van het Stappenplan, zodat het overzicht laat zien welke soorten partners nog ontbreken.`,
        en: `${nodeName(n, 'en')} has no category. Pick one from the Stappenplan appendix, so coverage shows which kinds of partners are still missing.`,
      },
      // Bookkeeping of the map, not a risk to the project.
      risk: null,
      nodeIds: [n.id],
      quickFixes: [{ title: { nl: 'Categorie kiezen', en: 'Choose a category' }, command: STAKEHOLDER_COMMANDS.editNodeField, args: { nodeId: n.id, field: 'category' } }],
    }) satisfies Problem);
}
