import type { NodeRecord } from '../../model/schema';
import { amountField, listField, optionField, textField } from '../nodeData';
import { KEY_FIGURE_DESIGNATION_SUGGESTIONS, LANGUAGE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

export type Engagement = 'vrijwilliger' | 'betaald';
const ENGAGEMENTS: readonly Engagement[] = ['vrijwilliger', 'betaald'];

/** A sleutelfiguur: trusted inside a community and easily overasked, hence the capacity. */
export interface KeyFigure {
  id: string;
  label: string;
  designation: string;
  languages: string[];
  /** Communities named in the field; `reaches` edges count as well (see reachedCommunities). */
  reaches: string[];
  engagement: Engagement | null;
  hourlyRate: number | null;
  capacityHoursPerMonth: number | null;
}

export const keyFigureKind: NodeKindSpec = {
  id: KIND.keyFigure,
  title: { nl: 'Sleutelfiguur', en: 'Key figure' },
  pluralTitle: { nl: 'Sleutelfiguren', en: 'Key figures' },
  icon: 'user-round-check',
  color: '#d9f2e3',
  borderColor: '#2f855a',
  shape: 'pill',
  defaultSize: { width: 190, height: 64 },
  fields: [
    { key: 'designation', type: 'text', label: { nl: 'Benaming', en: 'Designation' }, suggestions: KEY_FIGURE_DESIGNATION_SUGGESTIONS },
    { ...commonFields.languages(), suggestions: LANGUAGE_SUGGESTIONS },
    { key: 'reaches', type: 'nodeRefs', refKinds: [KIND.community], label: { nl: 'Bereikt gemeenschappen', en: 'Communities reached' } },
    {
      key: 'engagement', type: 'select', label: { nl: 'Vrijwillig of betaald', en: 'Volunteer or paid' },
      options: [
        { value: 'vrijwilliger', label: { nl: 'Vrijwilliger', en: 'Volunteer' } },
        { value: 'betaald', label: { nl: 'Betaald', en: 'Paid' } },
      ],
    },
    commonFields.hourlyRate(),
    commonFields.capacity({ nl: 'Hoeveel uur per maand deze persoon wil en kan geven; sleutelfiguren raken snel overvraagd.', en: 'Hours per month this person can give; key figures are easily overasked.' }),
    commonFields.phone(),
    commonFields.email(),
  ],
};

export function readKeyFigure(node: NodeRecord): KeyFigure {
  const d = node.data;
  return {
    id: node.id,
    label: node.label,
    designation: textField(d, 'designation'),
    languages: listField(d, 'languages'),
    reaches: listField(d, 'reaches'),
    engagement: optionField(d, 'engagement', ENGAGEMENTS),
    hourlyRate: amountField(d, 'hourlyRate'),
    capacityHoursPerMonth: amountField(d, 'capacityHoursPerMonth'),
  };
}
