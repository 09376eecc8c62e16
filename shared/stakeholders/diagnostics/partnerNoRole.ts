import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { nodeName } from '../format';
import { KIND } from '../kinds/kindIds';
import { readPartner } from '../kinds/partner';
import { PARTNER_ROLES } from '../partnerRoles';
import type { Problem } from './problem';

/** Step 07: a partner is only useful once the team knows what it does for them: refer, be referred to, collaborate, share knowledge. */
export function partnerNoRole(snapshot: MapSnapshot): Problem[] {
  return snapshot.nodes
    .filter((n) => n.kind === KIND.partner && readPartner(n).role === null)
    .map((n) => ({
      code: 'partner.noRole',
      severity: 'warning',
      message: {
        nl: `${nodeName(n, 'nl')} heeft nog geen rol. Bespreek wat deze partner voor jullie doet: verwijst hij mantelzorgers, verwijzen jullie naar hem door, werken jullie samen of delen jullie kennis?`,
        en: `${nodeName(n, 'en')} has no role yet. Discuss what this partner does for you: refer caregivers, receive referrals, collaborate or share knowledge?`,
      },
      nodeIds: [n.id],
      quickFixes: PARTNER_ROLES.map((r) => ({
        title: { nl: `Rol: ${r.label.nl.toLowerCase()}`, en: `Role: ${r.label.en.toLowerCase()}` },
        command: STAKEHOLDER_COMMANDS.setNodeField,
        args: { nodeId: n.id, field: 'role', value: r.id },
      })),
    }) satisfies Problem);
}
