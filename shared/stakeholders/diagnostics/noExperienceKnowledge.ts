import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { KIND } from '../kinds/kindIds';
import { readTeamMember } from '../kinds/teamMember';
import type { Problem } from './problem';

/**
 * Movisie, les 1: put research, practice and lived experience at the table. Without caregivers' own experience a
 * team misses the perspective it works for. Quiet until a team is on the map, so a new map starts without noise.
 */
export function noExperienceKnowledge(snapshot: MapSnapshot): Problem[] {
  const team = snapshot.nodes.filter((n) => n.kind === KIND.teamMember);
  if (team.length === 0) return [];
  if (team.some((n) => readTeamMember(n).knowledgeSources.includes('ervaring'))) return [];
  return [
    {
      code: 'team.noErvaringskennis',
      severity: 'warning',
      message: {
        nl: 'Er zit geen ervaringskennis aan tafel: niemand in het team brengt de ervaring van mantelzorgers zelf mee. Nodig een (ex-)mantelzorger uit als ervaringsdeskundige.',
        en: 'There is no lived experience at the table: nobody in the team brings caregivers’ own experience. Invite a (former) caregiver as expert by experience.',
      },
      nodeIds: [],
      quickFixes: [
        {
          title: { nl: 'Ervaringsdeskundige aan het team toevoegen', en: 'Add an expert by experience to the team' },
          command: STAKEHOLDER_COMMANDS.addNode,
          args: { kind: KIND.teamMember, data: { organisationType: 'mantelzorger', knowledgeSources: ['ervaring'] } },
        },
      ],
    },
  ];
}
