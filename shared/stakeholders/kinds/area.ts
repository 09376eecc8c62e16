import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { STAPPENPLAN_STEP_OPTIONS, STAPPENPLAN_STEPS } from '../stappenplanSteps';
import { KIND } from './kindIds';
import type { NodeKindSpec } from './nodeKindSpec';

export type QuadrantId = 'nauwBetrekken' | 'tevredenHouden' | 'informeren' | 'monitoren';
export const QUADRANT_IDS: readonly QuadrantId[] = ['nauwBetrekken', 'tevredenHouden', 'informeren', 'monitoren'];

const FIELDS = [
  field.longtext('description', { nl: 'Toelichting', en: 'Description' }),
  field.tags('questions', { nl: 'Leidende vragen', en: 'Guiding questions' }),
  field.select('step', { nl: 'Stap', en: 'Step' }, STAPPENPLAN_STEPS.map((s) => s.id), STAPPENPLAN_STEP_OPTIONS),
  field.select('quadrant', { nl: 'Kwadrant', en: 'Quadrant' }, QUADRANT_IDS, [
    { value: 'nauwBetrekken', label: { nl: 'Nauw betrekken', en: 'Manage closely' } },
    { value: 'tevredenHouden', label: { nl: 'Tevreden houden', en: 'Keep satisfied' } },
    { value: 'informeren', label: { nl: 'Informeren', en: 'Keep informed' } },
    { value: 'monitoren', label: { nl: 'Monitoren', en: 'Monitor' } },
  ]),
] as const;

/** A large labelled background region: a Stappenplan lane or a krachtenveld quadrant. */
export type Area = KindRecord<typeof FIELDS>;

export function readArea(node: NodeRecord): Area {
  return readKind(node, FIELDS);
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
  fields: schemasOf(FIELDS),
};
