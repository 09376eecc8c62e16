import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { formatList } from '../format';
import { participatingOrganisations } from '../participatingOrganisations';
import type { JsonValue, Problem } from './problem';

/**
 * Les 2: participating organisations commit explicitly. A member's personal hours are not the organisation's
 * commitment: when the member leaves, the hours leave too. Asks for a commitment owned by the organisation, or
 * one a member makes on its behalf.
 */
export function organisationNoCommitment(snapshot: MapSnapshot): Problem[] {
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.label]));
  return participatingOrganisations(snapshot)
    .filter((o) => o.commitmentIds.length === 0)
    .map((o): Problem => {
      const args: JsonValue = o.nodeId ? { who: o.nodeId } : { who: o.memberIds[0] ?? null, forOrganisation: true };
      const members = o.memberIds.map((id) => names.get(id) ?? '').filter(Boolean);
      const via = members.length ? ` (${formatList(members, 'nl')})` : '';
      const viaEn = members.length ? ` (${formatList(members, 'en')})` : '';
      const personal = o.memberCommitmentIds.length > 0;
      return {
        code: 'organisation.noCommitment',
        severity: 'warning',
        message: {
          nl:
            `${o.name} doet mee${via}, maar heeft als organisatie geen eigen afspraak over tijd en rol` +
            (personal ? '; de afspraken die er zijn, zijn persoonlijk' : '') +
            `. Leg vast wat ${o.name} inzet, of vink bij een afspraak ‘namens de organisatie’ aan.`,
          en:
            `${o.name} takes part${viaEn} but has no commitment of its own as an organisation` +
            (personal ? '; the existing ones are personal' : '') +
            `. Record what ${o.name} contributes, or tick ‘on behalf of the organisation’ on a commitment.`,
        },
        risk: {
          nl:
            `${o.name} doet mee${via}, maar heeft als organisatie nog niet vastgelegd welke tijd zij inzet` +
            (personal ? '; de afspraken die er zijn, zijn persoonlijk en vervallen als die mensen vertrekken' : '') +
            `. Maatregel: met ${o.name} afspreken wat de organisatie bijdraagt.`,
          en:
            `${o.name} takes part${viaEn} but has not yet committed time as an organisation` +
            (personal ? '; the existing commitments are personal and lapse when those people leave' : '') +
            `. Measure: agree with ${o.name} what the organisation contributes.`,
        },
        nodeIds: o.nodeId ? [o.nodeId, ...o.memberIds] : o.memberIds,
        recordIds: o.memberCommitmentIds,
        quickFixes: [
          {
            title: { nl: `Afspraak voor ${o.name} toevoegen`, en: `Add a commitment for ${o.name}` },
            command: STAKEHOLDER_COMMANDS.addCommitment,
            args,
          },
        ],
      };
    });
}
