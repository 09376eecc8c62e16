import { fieldOption, type FieldOption, type FieldSchema, type LocalizedText } from '../model/fields';
import type { CollectionRecord, FieldValue, MapSnapshot } from '../model/schema';
import { PARTY_KINDS, KIND } from './kinds/kindIds';
import { parseDate, parseMonth, type Month } from './months';
import { optionField, textField, toAmount } from './nodeData';
import { STAPPENPLAN_STEP_OPTIONS, isStappenplanStep, type StappenplanStepId } from './stappenplanSteps';

/** The record collection that holds the afspraken over tijd en rol. */
export const COMMITMENTS = 'commitments';

export type CommitmentRole = 'trekker' | 'professional' | 'vrijwilliger' | 'ervaringsdeskundige' | 'kennispartner';
export type HoursUnit = 'perWeek' | 'perMonth' | 'total';
export type CommitmentStatus = 'voorgesteld' | 'afgesproken' | 'loopt' | 'afgerond';


export const COMMITMENT_ROLE_OPTIONS: FieldOption[] = [
  fieldOption('trekker', 'Trekker', 'Lead'),
  fieldOption('professional', 'Professional', 'Professional'),
  fieldOption('vrijwilliger', 'Vrijwilliger', 'Volunteer'),
  fieldOption('ervaringsdeskundige', 'Ervaringsdeskundige', 'Expert by experience'),
  fieldOption('kennispartner', 'Kennispartner', 'Knowledge partner'),
];
export const HOURS_UNIT_OPTIONS: FieldOption[] = [
  fieldOption('perWeek', 'per week', 'per week'),
  fieldOption('perMonth', 'per maand', 'per month'),
  fieldOption('total', 'in totaal', 'in total'),
];
export const COMMITMENT_STATUS_OPTIONS: FieldOption[] = [
  fieldOption('voorgesteld', 'Voorgesteld', 'Proposed'),
  fieldOption('afgesproken', 'Afgesproken', 'Agreed'),
  fieldOption('loopt', 'Loopt', 'Running'),
  fieldOption('afgerond', 'Afgerond', 'Finished'),
];

const ROLES = COMMITMENT_ROLE_OPTIONS.map((o) => o.value as CommitmentRole);

/** A commitment role from outside (a command argument, a file), or undefined when it is none. */
export function commitmentRoleOf(value: unknown): CommitmentRole | undefined {
  return ROLES.find((r) => r === value);
}
const UNITS = HOURS_UNIT_OPTIONS.map((o) => o.value as HoursUnit);
const STATUSES = COMMITMENT_STATUS_OPTIONS.map((o) => o.value as CommitmentStatus);

/** An afspraak over tijd en rol, as read from the document with defaults filled in. */
export interface Commitment {
  id: string;
  /** Node id of the person or organisation; null when not filled in. */
  who: string | null;
  role: CommitmentRole | null;
  task: string;
  /** Null when missing or not a positive number: "zonder uren" is a problem, not zero. */
  hours: number | null;
  unit: HoursUnit;
  from: Month | null;
  /** Null means open-ended. */
  to: Month | null;
  status: CommitmentStatus;
  /** Euro per hour; null when unpaid or unknown (the owner's own rate may then apply, see commitmentRate). */
  hourlyRate: number | null;
  nextReview: string | null;
  /** The offer this commitment serves (node id), if any. */
  servesOffer: string | null;
  /** The Stappenplan step this commitment serves, if any. */
  servesStep: StappenplanStepId | null;
  /** The person commits on behalf of their organisation (the organisation stands behind these hours), not only personally. */
  forOrganisation: boolean;
  note: string;
}

const HOURS_UNIT_LABEL: LocalizedText = { nl: 'uur', en: 'h' };

/** The fields of a commitment, for the Commitments table and its form. */
export const COMMITMENT_FIELDS: FieldSchema[] = [
  { key: 'who', type: 'nodeRef', refKinds: [...PARTY_KINDS], required: true, label: { nl: 'Wie', en: 'Who' } },
  { key: 'role', type: 'select', options: COMMITMENT_ROLE_OPTIONS, label: { nl: 'Rol', en: 'Role' } },
  { key: 'task', type: 'text', label: { nl: 'Taak', en: 'Task' } },
  { key: 'hours', type: 'number', min: 0, step: 0.5, unit: HOURS_UNIT_LABEL, required: true, label: { nl: 'Uren', en: 'Hours' } },
  { key: 'unit', type: 'select', options: HOURS_UNIT_OPTIONS, label: { nl: 'Per', en: 'Per' } },
  { key: 'from', type: 'month', label: { nl: 'Van', en: 'From' } },
  { key: 'to', type: 'month', label: { nl: 'Tot en met', en: 'Until' } },
  { key: 'status', type: 'select', options: COMMITMENT_STATUS_OPTIONS, label: { nl: 'Status', en: 'Status' } },
  { key: 'hourlyRate', type: 'number', min: 0, step: 0.5, unit: { nl: '€ per uur', en: '€ per hour' }, label: { nl: 'Uurtarief', en: 'Hourly rate' } },
  { key: 'nextReview', type: 'date', label: { nl: 'Volgende evaluatie', en: 'Next review' } },
  { key: 'servesOffer', type: 'nodeRef', refKinds: [KIND.offer], label: { nl: 'Voor aanbod', en: 'For offer' } },
  { key: 'servesStep', type: 'select', options: STAPPENPLAN_STEP_OPTIONS, label: { nl: 'Voor stap', en: 'For step' } },
  { key: 'forOrganisation', type: 'boolean', label: { nl: 'Namens de organisatie', en: 'On behalf of the organisation' } },
  { key: 'note', type: 'longtext', label: { nl: 'Notitie', en: 'Note' } },
];

/**
 * The gate for commitments coming from the document: every field is checked and anything malformed falls back
 * to a safe default (an unknown unit becomes per month, an unknown status 'voorgesteld'), so a bad edit by
 * one client never breaks totals or diagnostics for everyone.
 */
export function readCommitment(record: CollectionRecord): Commitment {
  const d = record.data;
  const hours = toAmount(d.hours);
  const rate = toAmount(d.hourlyRate);
  const who = textField(d, 'who');
  const offer = textField(d, 'servesOffer');
  return {
    id: record.id,
    who: who || null,
    role: optionField(d, 'role', ROLES),
    task: textField(d, 'task'),
    hours: hours !== null && hours > 0 ? hours : null,
    unit: optionField(d, 'unit', UNITS) ?? 'perMonth',
    from: parseMonth(d.from),
    to: parseMonth(d.to),
    status: optionField(d, 'status', STATUSES) ?? 'voorgesteld',
    hourlyRate: rate !== null && rate > 0 ? rate : null,
    nextReview: parseDate(d.nextReview),
    servesOffer: offer || null,
    servesStep: isStappenplanStep(d.servesStep) ? d.servesStep : null,
    forOrganisation: d.forOrganisation === true,
    note: textField(d, 'note'),
  };
}

/** All commitments of a map, in record-id order. */
export function readCommitments(snapshot: MapSnapshot): Commitment[] {
  return (snapshot.collections[COMMITMENTS] ?? []).map(readCommitment);
}

export type CommitmentInit = Partial<Omit<Commitment, 'id'>>;

/** The record fields to write for a commitment (for putRecord); nulls and defaults are left out, not stored. */
export function commitmentData(c: CommitmentInit): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(c)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}
