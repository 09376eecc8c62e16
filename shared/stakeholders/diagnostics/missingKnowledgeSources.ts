import type { MapSnapshot } from '../../model/schema';
import { STAKEHOLDER_COMMANDS } from '../commands';
import { KIND } from '../kinds/kindIds';
import { readTeamMember } from '../kinds/teamMember';
import type { KnowledgeSourceId } from '../knowledgeSources';
import type { Problem, Severity } from './problem';

interface Missing {
  code: string;
  severity: Severity;
  nl: string;
  en: string;
  fix: { nl: string; en: string; organisationType: string };
}

/** Per source: what is missing without it. Lived experience is the perspective the team works for: a warning. */
const MISSING: Record<KnowledgeSourceId, Missing> = {
  ervaring: {
    code: 'team.noErvaringskennis',
    severity: 'warning',
    nl: 'Er zit geen ervaringskennis aan tafel: niemand in het team brengt de ervaring van mantelzorgers zelf mee. Nodig een (ex-)mantelzorger uit als ervaringsdeskundige.',
    en: 'There is no lived experience at the table: nobody in the team brings caregivers’ own experience. Invite a (former) caregiver as expert by experience.',
    fix: { nl: 'Ervaringsdeskundige aan het team toevoegen', en: 'Add an expert by experience to the team', organisationType: 'mantelzorger' },
  },
  praktijk: {
    code: 'team.noPraktijkkennis',
    severity: 'info',
    nl: 'Er zit geen praktijkkennis aan tafel: niemand in het team werkt zelf met mantelzorgers. Vraag een mantelzorgconsulent of sociaal werker erbij.',
    en: 'There is no practice knowledge at the table: nobody in the team works with caregivers day to day. Ask a caregiver consultant or social worker to join.',
    fix: { nl: 'Professional met praktijkkennis toevoegen', en: 'Add a professional with practice knowledge', organisationType: 'sociaalWerk' },
  },
  wetenschappelijk: {
    code: 'team.noWetenschappelijkeKennis',
    severity: 'info',
    nl: 'Er zit geen wetenschappelijke kennis aan tafel: niemand brengt onderzoek of cijfers mee. Vraag een hogeschool, kennisinstituut of lectoraat om mee te denken.',
    en: 'There is no research knowledge at the table: nobody brings research or figures. Ask a university of applied sciences or knowledge institute to join.',
    fix: { nl: 'Kennispartner aan het team toevoegen', en: 'Add a knowledge partner to the team', organisationType: 'kennisinstelling' },
  },
};

/**
 * Movisie, les 1: research, practice and lived experience at the table. Each missing source is reported; quiet
 * until a team is on the map, so a new map starts without noise.
 */
export function missingKnowledgeSources(snapshot: MapSnapshot): Problem[] {
  const team = snapshot.nodes.filter((n) => n.kind === KIND.teamMember);
  if (team.length === 0) return [];
  const present = new Set(team.flatMap((n) => readTeamMember(n).knowledgeSources));
  return (['ervaring', 'praktijk', 'wetenschappelijk'] as const)
    .filter((source) => !present.has(source))
    .map((source): Problem => {
      const m = MISSING[source];
      return {
        code: m.code,
        severity: m.severity,
        message: { nl: m.nl, en: m.en },
        nodeIds: [],
        quickFixes: [
          {
            title: { nl: m.fix.nl, en: m.fix.en },
            command: STAKEHOLDER_COMMANDS.addNode,
            args: { kind: KIND.teamMember, data: { organisationType: m.fix.organisationType, knowledgeSources: [source] } },
          },
        ],
      };
    });
}
