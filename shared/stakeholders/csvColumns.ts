import type { FieldSchema } from '../model/fields';
import { kindSpec } from './kinds/index';
import { KIND } from './kinds/kindIds';
import { normalizeText } from './textMatch';

/** What a CSV import creates: partners, team members or key figures, as teams keep them in Excel. */
export type CsvTarget = typeof KIND.partner | typeof KIND.teamMember | typeof KIND.keyFigure;
export const CSV_TARGETS: readonly CsvTarget[] = [KIND.partner, KIND.teamMember, KIND.keyFigure];

/** The column that becomes the node's name. */
export const LABEL_COLUMN = 'label';

// Headers as people write them, compared after normalizeText (case, accents, spaces and dashes ignored).
const COMMON: Record<string, string[]> = {
  [LABEL_COLUMN]: ['naam', 'name', 'volledigenaam'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'telnr', 'mobiel', 'mobielnummer', 'phone'],
  email: ['email', 'emailadres', 'mail', 'mailadres'],
  capacityHoursPerMonth: ['capaciteit', 'capaciteituurpermaand', 'capaciteiturenpermaand', 'urenpermaand', 'capacity'],
};

const ALIASES: Record<CsvTarget, Record<string, string[]>> = {
  partner: {
    ...COMMON,
    [LABEL_COLUMN]: [...COMMON[LABEL_COLUMN], 'organisatie', 'naamorganisatie', 'partner', 'organisation'],
    category: ['categorie', 'category', 'soortpartner'],
    role: ['rol', 'role', 'functie'],
    contactPerson: ['contactpersoon', 'contact', 'contactperson'],
  },
  teamMember: {
    ...COMMON,
    organisation: ['organisatie', 'organisation', 'werkgever'],
    organisationType: ['soortorganisatie', 'organisatietype', 'typeorganisatie', 'organisationtype'],
    knowledgeSources: ['kennisbron', 'kennisbronnen', 'kennis', 'knowledgesource'],
  },
  keyFigure: {
    ...COMMON,
    designation: ['benaming', 'functie', 'rol'],
    languages: ['talen', 'taal', 'languages'],
    engagement: ['vrijwilligerofbetaald', 'vrijwilligofbetaald', 'inzet', 'betaald', 'vrijwilliger'],
    hourlyRate: ['uurtarief', 'tarief', 'hourlyrate'],
  },
};

/** The field a header names for this target, or null when the column is not one we import. */
export function columnField(header: string, target: CsvTarget): string | null {
  const h = normalizeText(header);
  if (!h) return null;
  const aliases = ALIASES[target];
  for (const [field, names] of Object.entries(aliases)) if (names.includes(h)) return field;
  // A header that is exactly a field's own label ("Soort organisatie") is understood too.
  const byLabel = (kindSpec(target)?.fields ?? []).find((f) => normalizeText(f.label.nl) === h || normalizeText(f.label.en) === h || normalizeText(f.key) === h);
  return byLabel && byLabel.key in aliases ? byLabel.key : null;
}

/** The importable fields of a target, by key (the name column excluded). */
export function importableFields(target: CsvTarget): Map<string, FieldSchema> {
  const keys = new Set(Object.keys(ALIASES[target]));
  return new Map((kindSpec(target)?.fields ?? []).filter((f) => keys.has(f.key)).map((f) => [f.key, f]));
}

/** The headers a team can start from, for the "voorbeeldbestand" and for messages. */
export function exampleHeader(target: CsvTarget): string {
  return ['naam', ...[...importableFields(target).keys()].map((k) => ALIASES[target][k][0])].join(';');
}
