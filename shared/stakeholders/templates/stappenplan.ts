import { KIND } from '../kinds/kindIds';
import { STAPPENPLAN_STEPS } from '../stappenplanSteps';
import type { MapTemplate } from './mapTemplate';

/** Lane geometry: wide enough for a few nodes side by side, tall enough for a workshop's worth of notes. */
export const STAPPENPLAN_LANE = { width: 420, height: 1000, gap: 40 };

/** The nine steps of the MantelzorgNL Stappenplan as lanes, left to right, each with its guiding questions. */
export const stappenplanTemplate: MapTemplate = {
  id: 'stappenplan',
  title: { nl: 'Stappenplan', en: 'Step-by-step plan' },
  description: {
    nl: 'De negen stappen van het MantelzorgNL Stappenplan als banen, met hun leidende vragen. Zet per stap op de kaart wat jullie vinden.',
    en: 'The nine steps of the MantelzorgNL plan as lanes with their guiding questions.',
  },
  nodes: STAPPENPLAN_STEPS.map((step, i) => ({
    id: `stap-${step.id}`,
    kind: KIND.area,
    label: `${step.id} ${step.title.nl}`,
    x: i * (STAPPENPLAN_LANE.width + STAPPENPLAN_LANE.gap),
    y: 0,
    width: STAPPENPLAN_LANE.width,
    height: STAPPENPLAN_LANE.height,
    // Lanes stay put when the team runs automatic layout on what they placed inside them.
    pinned: true,
    data: { step: step.id, questions: [...step.questions] },
  })),
  edges: [],
  records: {},
};
