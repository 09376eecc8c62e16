import type { FieldSchema, LocalizedText } from '../../model/fields';
import { field, type KindFieldExtra } from './kindFields';
import type { StakeholderKindId } from './kindIds';

/** How a node kind looks and which fields its inspector shows; the UI maps this onto the host's contributions. */
export interface NodeKindSpec {
  id: StakeholderKindId;
  title: LocalizedText;
  pluralTitle: LocalizedText;
  /** A Lucide icon name (https://lucide.dev), so client and exported images use the same pictogram. */
  icon: string;
  /** Fill colour; text on it is dark, so keep it light. */
  color: string;
  /** Border colour, darker than `color`, to tell kinds apart when printed in greyscale too. */
  borderColor: string;
  shape: 'rounded' | 'pill' | 'circle' | 'hexagon' | 'rectangle' | 'document' | 'frame';
  defaultSize: { width: number; height: number };
  fields: FieldSchema[];
  /** Drawn behind other nodes and not counted as a stakeholder (lanes, quadrants). */
  background?: boolean;
}

const HOURS_PER_MONTH = { nl: 'uur/maand', en: 'h/month' };
const EURO = { nl: '€ per uur', en: '€ per hour' };

/** Shared fields, so every party kind spells capacity and contact details the same way. */
export const commonFields = {
  languages: (extra?: KindFieldExtra) => field.tags('languages', { nl: 'Talen', en: 'Languages' }, extra),
  capacity: (description: LocalizedText) =>
    field.amount('capacityHoursPerMonth', { nl: 'Capaciteit', en: 'Capacity' }, { unit: HOURS_PER_MONTH, min: 0, step: 1, description }),
  hourlyRate: () => field.amount('hourlyRate', { nl: 'Uurtarief', en: 'Hourly rate' }, { unit: EURO, min: 0, step: 0.5 }),
  phone: () => field.contact('phone', 'phone', { nl: 'Telefoon', en: 'Phone' }),
  email: () => field.contact('email', 'email', { nl: 'E-mail', en: 'E-mail' }),
  /** What the team (or a participant's accepted suggestion) knows about this card, in a few sentences. */
  note: () => field.longtext('note', { nl: 'Notitie', en: 'Note' }),
};
