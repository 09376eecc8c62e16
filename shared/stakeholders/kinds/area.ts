import type { NodeRecord } from '../../model/schema';
import { listField, optionField, textField } from '../nodeData';
import { STAPPENPLAN_STEP_OPTIONS, STAPPENPLAN_STEPS, type StappenplanStepId } from '../stappenplanSteps';
import { KIND } from './kindIds';
import type { NodeKindSpec } from './nodeKindSpec';

export type QuadrantId = 'nauwBetrekken' | 'tevredenHouden' | 'informeren' | 'monitoren';
export const QUADRANT_IDS: readonly QuadrantId[] = ['nauwBetrekken', 'tevredenHouden', 'informeren', 'monitoren'];

/** A large labelled background region: a Stappenplan lane or a krachtenveld quadrant. */
export interface Area {
  id: string;
  label: string;
  description: string;
  questions: string[];
  step: StappenplanStepId | null;
  quadrant: QuadrantId | null;
}

export const areaKind: NodeKindSpec = {
  id: KIND.area,
  title: { nl: 'Vlak', en: 'Area' },
  pluralTitle: { nl: 'Vlakken', en: 'Areas' },
  icon: 'frame',
  color: '#f7fafc',
  borderColor: '#a0aec0',
  shape: 'frame',
  defaultSize: { width: 420, height: 900 },
  background: true,
  fields: [
    { key: 'description', type: 'longtext', label: { nl: 'Toelichting', en: 'Description' } },
    { key: 'questions', type: 'tags', label: { nl: 'Leidende vragen', en: 'Guiding questions' } },
    { key: 'step', type: 'select', label: { nl: 'Stap', en: 'Step' }, options: STAPPENPLAN_STEP_OPTIONS },
    {
      key: 'quadrant', type: 'select', label: { nl: 'Kwadrant', en: 'Quadrant' },
      options: [
        { value: 'nauwBetrekken', label: { nl: 'Nauw betrekken', en: 'Manage closely' } },
        { value: 'tevredenHouden', label: { nl: 'Tevreden houden', en: 'Keep satisfied' } },
        { value: 'informeren', label: { nl: 'Informeren', en: 'Keep informed' } },
        { value: 'monitoren', label: { nl: 'Monitoren', en: 'Monitor' } },
      ],
    },
  ],
};

export function readArea(node: NodeRecord): Area {
  const d = node.data;
  return {
    id: node.id,
    label: node.label,
    description: textField(d, 'description'),
    questions: listField(d, 'questions'),
    step: optionField(d, 'step', STAPPENPLAN_STEPS.map((s) => s.id)),
    quadrant: optionField(d, 'quadrant', QUADRANT_IDS),
  };
}
