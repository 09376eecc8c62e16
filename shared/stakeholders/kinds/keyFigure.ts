import type { NodeRecord } from '../../model/schema';
import { field, readKind, schemasOf, type KindRecord } from './kindFields';
import { KEY_FIGURE_DESIGNATION_SUGGESTIONS, LANGUAGE_SUGGESTIONS } from '../suggestions';
import { KIND } from './kindIds';
import { commonFields, type NodeKindSpec } from './nodeKindSpec';

export type Engagement = 'vrijwilliger' | 'betaald';
const ENGAGEMENTS: readonly Engagement[] = ['vrijwilliger', 'betaald'];

const FIELDS = [
  field.text('designation', { nl: 'Benaming', en: 'Designation' }, { suggestions: KEY_FIGURE_DESIGNATION_SUGGESTIONS }),
  commonFields.languages({ suggestions: LANGUAGE_SUGGESTIONS }),
  field.nodeRefs('reaches', { nl: 'Bereikt gemeenschappen', en: 'Communities reached' }, [KIND.community]),
  field.select('engagement', { nl: 'Vrijwillig of betaald', en: 'Volunteer or paid' }, ENGAGEMENTS, [
    { value: 'vrijwilliger', label: { nl: 'Vrijwilliger', en: 'Volunteer' } },
    { value: 'betaald', label: { nl: 'Betaald', en: 'Paid' } },
  ]),
  commonFields.hourlyRate(),
  commonFields.capacity({ nl: 'Hoeveel uur per maand deze persoon wil en kan geven; sleutelfiguren raken snel overvraagd.', en: 'Hours per month this person can give; key figures are easily overasked.' }),
  commonFields.phone(),
  commonFields.email(),
  commonFields.note(),
] as const;

/** A sleutelfiguur: trusted inside a community and easily overasked, hence the capacity. */
export type KeyFigure = KindRecord<typeof FIELDS>;

export function readKeyFigure(node: NodeRecord): KeyFigure {
  return readKind(node, FIELDS);
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
  fields: schemasOf(FIELDS),
};
