import type { FieldOption, LocalizedText } from '../model/fields';

/** The seven partner categories of the Stappenplan appendix ("Bijlage: mogelijke samenwerkingspartners"). */
export type PartnerCategoryId =
  | 'welzijn'
  | 'migrantenorganisaties'
  | 'religieuzeHuizen'
  | 'cultuurspecifiekeZorg'
  | 'zorgaanbiedersAlgemeen'
  | 'scholen'
  | 'gemeente';

export interface PartnerCategory {
  id: PartnerCategoryId;
  label: LocalizedText;
  /** The appendix's examples, offered as one-click suggestions where a category is still missing. */
  examples: string[];
}

export const PARTNER_CATEGORIES: readonly PartnerCategory[] = [
  {
    id: 'welzijn',
    label: { nl: 'Welzijn', en: 'Welfare' },
    examples: [
      'Buurthuis', 'Bibliotheek', 'Mantelzorgmakelaar', 'Onafhankelijk cliëntondersteuner', 'Vrijwilligersorganisatie',
      'Stichting Pelita', 'Sociaal werk', 'Jongerenwerk', 'Alzheimer Nederland (lokale afdeling)', 'Centrum voor Jeugd en Gezin',
    ],
  },
  {
    id: 'migrantenorganisaties',
    label: { nl: 'Migrantenorganisaties', en: 'Migrant organisations' },
    examples: ['Zelforganisatie', 'Culturele vereniging', 'Taalkundige vereniging', 'Sleutelpersonen'],
  },
  {
    id: 'religieuzeHuizen',
    label: { nl: 'Religieuze huizen', en: 'Places of worship' },
    examples: ['Kerk', 'Moskee', 'Boeddhistische tempel', 'Geestelijk verzorger'],
  },
  {
    id: 'cultuurspecifiekeZorg',
    label: { nl: 'Cultuurspecifieke zorgaanbieders', en: 'Culture-specific care providers' },
    examples: ['Cultuurspecifieke thuiszorg', 'Cultuurspecifieke dagbesteding', 'Cultuurspecifieke zorginstelling', 'Cultuurspecifiek verpleeghuis of woonzorgcentrum'],
  },
  {
    id: 'zorgaanbiedersAlgemeen',
    label: { nl: 'Zorgaanbieders algemeen', en: 'General care providers' },
    examples: ['Casemanager dementie', 'Huisarts en POH', 'Geriatrisch netwerk', 'GGZ'],
  },
  {
    id: 'scholen',
    label: { nl: 'Scholen', en: 'Schools' },
    examples: ['Basisschool', 'Middelbare school', 'MBO', 'HBO', 'Universiteit'],
  },
  {
    id: 'gemeente',
    label: { nl: 'Gemeente', en: 'Municipality' },
    examples: ['Wmo-consulent', 'Dementievriendelijke gemeente'],
  },
];

export function partnerCategory(id: string): PartnerCategory | undefined {
  return PARTNER_CATEGORIES.find((c) => c.id === id);
}

export const PARTNER_CATEGORY_OPTIONS: FieldOption[] = PARTNER_CATEGORIES.map((c) => ({ value: c.id, label: c.label }));
