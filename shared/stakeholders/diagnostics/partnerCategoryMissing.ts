import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { KIND } from '../kinds/kindIds';
import { readPartner } from '../kinds/partner';
import { PARTNER_CATEGORIES } from '../partnerCategories';
import type { Problem } from './problem';

/**
 * Step 07 asks "welke organisaties in je netwerk missen nog?": one problem per appendix category without a partner,
 * with the appendix's examples as one-click suggestions. Quiet on a map without partners, which has not got there yet.
 */
export function partnerCategoryMissing(snapshot: MapSnapshot): Problem[] {
  const partners = snapshot.nodes.filter((n) => n.kind === KIND.partner).map(readPartner);
  if (partners.length === 0) return [];
  const present = new Set(partners.map((p) => p.category));
  return PARTNER_CATEGORIES.filter((c) => !present.has(c.id)).map((c) => ({
    code: 'partners.categoryMissing',
    severity: 'info',
    message: {
      nl: `Er staat nog geen partner uit de categorie ${c.label.nl} op de kaart. Ga na wie er in jullie gemeente is, bijvoorbeeld: ${c.examples.slice(0, 3).join(', ').toLowerCase()}.`,
      en: `No partner from the category ${c.label.en} is on the map yet. Find out who there is locally, for example: ${c.examples.slice(0, 3).join(', ').toLowerCase()}.`,
    },
    risk: {
      nl: `Uit de categorie ${c.label.nl} is nog geen partner betrokken. Maatregel: nagaan wie er in de gemeente is, bijvoorbeeld: ${c.examples.slice(0, 3).join(', ').toLowerCase()}.`,
      en: `No partner from the category ${c.label.en} is involved yet. Measure: find out who there is locally, for example: ${c.examples.slice(0, 3).join(', ').toLowerCase()}.`,
    },
    nodeIds: [],
    quickFixes: c.examples.slice(0, 3).map((example) => ({
      title: { nl: `${example} toevoegen`, en: `Add ${example}` },
      command: STAKEHOLDER_COMMANDS.addNode,
      args: { kind: KIND.partner, label: example, data: { category: c.id } },
    })),
  }) satisfies Problem);
}
