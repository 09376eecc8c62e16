import { fieldOption, type FieldOption, type FieldSchema } from '../model/fields';
import type { CollectionRecord, FieldValue, MapSnapshot } from '../model/schema';
import { KIND, PARTY_KINDS } from '../stakeholders/kinds/kindIds';
import { parseDate, parseMonth, type Month } from '../stakeholders/months';
import { listField, optionField, textField, toAmount } from '../stakeholders/nodeData';
import { ORGANISATION_TYPE_OPTIONS, ORGANISATION_TYPES, type OrganisationTypeId } from '../stakeholders/organisationTypes';

/**
 * What the team writes beside the map for its projectplan, kept in the map's own document so it is co-edited live,
 * undone per person, read-only on view links and carried by exports, backups and versions like the map:
 * long texts as shared texts (two people typing in one both keep their words), structured parts as record
 * collections (one record per goal, cost line, …; fields merge per key).
 */
export const PLAN_TEXT = {
  question: 'planQuestion',
  summary: 'planSummary',
  onderbouwing: 'planOnderbouwing',
  organisatie: 'planOrganisatie',
  communicatie: 'planCommunicatie',
  involvement: 'planBetrokkenheid',
  borgen: 'planBorgen',
} as const;
export type PlanTextKey = keyof typeof PLAN_TEXT;

export const PLAN_COLLECTION = {
  info: 'planInfo',
  goals: 'planGoals',
  costs: 'planCosts',
  funding: 'planFunding',
  phases: 'planPhases',
  milestones: 'planMilestones',
  channels: 'planChannels',
  risks: 'planRisks',
} as const;

/** The one record of the planInfo collection. */
export const PLAN_INFO_ID = 'plan';


export type PlanStatus = 'concept' | 'definitief';
export const PLAN_STATUS_OPTIONS: FieldOption[] = [fieldOption('concept', 'Concept', 'Draft'), fieldOption('definitief', 'Definitief', 'Final')];

/** Organisation types whose hours can be valued as eigen inzet (a caregiver is a person, not an organisation). */
export const RATED_ORGANISATION_TYPES = ORGANISATION_TYPES.filter((t) => t !== 'mantelzorger');
export const rateKey = (type: OrganisationTypeId) => `rate_${type}`;

export const PLAN_INFO_FIELDS: FieldSchema[] = [
  { key: 'title', type: 'text', label: { nl: 'Titel van het plan', en: 'Title of the plan' } },
  { key: 'version', type: 'text', label: { nl: 'Versie', en: 'Version' } },
  { key: 'status', type: 'select', options: PLAN_STATUS_OPTIONS, label: { nl: 'Status', en: 'Status' } },
  { key: 'authors', type: 'text', label: { nl: 'Auteurs', en: 'Authors' } },
  { key: 'contact', type: 'nodeRef', refKinds: [KIND.teamMember], label: { nl: 'Contactpersoon', en: 'Contact person' } },
  { key: 'client', type: 'text', label: { nl: 'Opdrachtgever of fonds', en: 'Client or fund' } },
];

/** Default rates per organisation type, to value eigen inzet; a professional's own hours are never shown as € 0. */
export const PLAN_RATE_FIELDS: FieldSchema[] = RATED_ORGANISATION_TYPES.map((type) => ({
  key: rateKey(type),
  type: 'number',
  min: 0,
  step: 0.5,
  unit: { nl: '€ per uur', en: '€ per hour' },
  label: ORGANISATION_TYPE_OPTIONS.find((o) => o.value === type)!.label,
}));

export const GOAL_FIELDS: FieldSchema[] = [
  { key: 'title', type: 'text', required: true, label: { nl: 'Doel', en: 'Goal' } },
  { key: 'community', type: 'nodeRef', refKinds: [KIND.community], label: { nl: 'Gemeenschap', en: 'Community' } },
  { key: 'indicator', type: 'text', label: { nl: 'Indicator', en: 'Indicator' } },
  { key: 'baseline', type: 'number', min: 0, label: { nl: 'Nulmeting', en: 'Baseline' } },
  { key: 'target', type: 'number', min: 0, label: { nl: 'Streefwaarde', en: 'Target' } },
  { key: 'deadline', type: 'month', label: { nl: 'Wanneer bereikt', en: 'Reached by' } },
];

export type CostCategory =
  | 'vertaling'
  | 'drukwerk'
  | 'digitaal'
  | 'zaalhuur'
  | 'vrijwilligersvergoeding'
  | 'training'
  | 'coaching'
  | 'onvoorzien'
  | 'anders';
export const COST_CATEGORY_OPTIONS: FieldOption[] = [
  fieldOption('vertaling', 'Vertaling en tolken', 'Translation and interpreting'),
  fieldOption('drukwerk', 'Drukwerk en materiaal', 'Printed material'),
  fieldOption('digitaal', 'Digitaal materiaal', 'Digital material'),
  fieldOption('zaalhuur', 'Zaalhuur en catering', 'Room hire and catering'),
  fieldOption('vrijwilligersvergoeding', 'Vrijwilligersvergoeding sleutelfiguren', 'Volunteer allowances for key figures'),
  fieldOption('training', 'Training', 'Training'),
  fieldOption('coaching', 'Coaching van sleutelfiguren', 'Coaching of key figures'),
  fieldOption('onvoorzien', 'Onvoorzien', 'Contingency'),
  fieldOption('anders', 'Overig', 'Other'),
];
const COST_CATEGORIES = COST_CATEGORY_OPTIONS.map((o) => o.value as CostCategory);

export const COST_FIELDS: FieldSchema[] = [
  { key: 'category', type: 'select', options: COST_CATEGORY_OPTIONS, required: true, label: { nl: 'Soort kosten', en: 'Cost type' } },
  { key: 'description', type: 'text', label: { nl: 'Omschrijving', en: 'Description' } },
  { key: 'quantity', type: 'number', min: 0, label: { nl: 'Aantal', en: 'Quantity' } },
  { key: 'unitPrice', type: 'number', min: 0, step: 0.01, unit: { nl: '€', en: '€' }, label: { nl: 'Prijs per stuk', en: 'Unit price' } },
  { key: 'amount', type: 'number', min: 0, step: 0.01, unit: { nl: '€', en: '€' }, label: { nl: 'Bedrag', en: 'Amount' }, description: { nl: 'Of vul aantal × prijs in.', en: 'Or fill in quantity × price.' } },
  { key: 'from', type: 'month', label: { nl: 'Van', en: 'From' } },
  { key: 'to', type: 'month', label: { nl: 'Tot en met', en: 'Until' } },
  { key: 'note', type: 'text', label: { nl: 'Toelichting', en: 'Note' } },
];

export type FundingSource = 'gemeente' | 'fonds' | 'eigenBijdrage' | 'anders';
export const FUNDING_SOURCE_OPTIONS: FieldOption[] = [
  fieldOption('gemeente', 'Gemeente', 'Municipality'),
  fieldOption('fonds', 'Fonds', 'Fund'),
  fieldOption('eigenBijdrage', 'Eigen bijdrage organisatie', 'Own contribution of an organisation'),
  fieldOption('anders', 'Anders', 'Other'),
];
const FUNDING_SOURCES = FUNDING_SOURCE_OPTIONS.map((o) => o.value as FundingSource);

export type FundingStatus = 'teAanvragen' | 'aangevraagd' | 'toegekend' | 'afgewezen';
export const FUNDING_STATUS_OPTIONS: FieldOption[] = [
  fieldOption('teAanvragen', 'Nog aan te vragen', 'To be requested'),
  fieldOption('aangevraagd', 'Aangevraagd', 'Requested'),
  fieldOption('toegekend', 'Toegekend', 'Granted'),
  fieldOption('afgewezen', 'Afgewezen', 'Declined'),
];
const FUNDING_STATUSES = FUNDING_STATUS_OPTIONS.map((o) => o.value as FundingStatus);

export const FUNDING_FIELDS: FieldSchema[] = [
  { key: 'source', type: 'select', options: FUNDING_SOURCE_OPTIONS, required: true, label: { nl: 'Bron', en: 'Source' } },
  { key: 'name', type: 'text', label: { nl: 'Naam (fonds, organisatie)', en: 'Name (fund, organisation)' } },
  { key: 'requested', type: 'number', min: 0, step: 0.01, unit: { nl: '€', en: '€' }, label: { nl: 'Aangevraagd', en: 'Requested' } },
  { key: 'granted', type: 'number', min: 0, step: 0.01, unit: { nl: '€', en: '€' }, label: { nl: 'Toegekend', en: 'Granted' } },
  { key: 'status', type: 'select', options: FUNDING_STATUS_OPTIONS, label: { nl: 'Stand', en: 'Status' } },
  { key: 'decisionDate', type: 'date', label: { nl: 'Besluit (verwacht)', en: 'Decision (expected)' } },
];

/** The planning's phases: development time before reaching out, then the three phases of support. */
export type PlanPhaseId = 'ontwikkeling' | 'bereiken' | 'binden' | 'borgen';
export const PLAN_PHASES: readonly { id: PlanPhaseId; label: { nl: string; en: string } }[] = [
  { id: 'ontwikkeling', label: { nl: 'Ontwikkeling en voorbereiding', en: 'Development and preparation' } },
  { id: 'bereiken', label: { nl: 'Bereiken', en: 'Reach' } },
  { id: 'binden', label: { nl: 'Binden', en: 'Bond' } },
  { id: 'borgen', label: { nl: 'Borgen', en: 'Sustain' } },
];
export const PLAN_PHASE_OPTIONS: FieldOption[] = PLAN_PHASES.map((p) => ({ value: p.id, label: p.label }));
const PLAN_PHASE_IDS = PLAN_PHASES.map((p) => p.id);

export const PHASE_FIELDS: FieldSchema[] = [
  { key: 'from', type: 'month', label: { nl: 'Van', en: 'From' } },
  { key: 'to', type: 'month', label: { nl: 'Tot en met', en: 'Until' } },
  { key: 'note', type: 'text', label: { nl: 'Wat gebeurt er', en: 'What happens' } },
  { key: 'involved', type: 'nodeRefs', refKinds: [...PARTY_KINDS], label: { nl: 'Wie is betrokken', en: 'Who is involved' } },
];

export const MILESTONE_FIELDS: FieldSchema[] = [
  { key: 'title', type: 'text', required: true, label: { nl: 'Mijlpaal', en: 'Milestone' } },
  { key: 'month', type: 'month', required: true, label: { nl: 'Wanneer', en: 'When' } },
  { key: 'phase', type: 'select', options: PLAN_PHASE_OPTIONS, label: { nl: 'Fase', en: 'Phase' } },
  { key: 'evaluation', type: 'boolean', label: { nl: 'Evaluatiemoment', en: 'Evaluation moment' } },
];

export const CHANNEL_FIELDS: FieldSchema[] = [
  { key: 'channel', type: 'text', required: true, label: { nl: 'Middel of kanaal', en: 'Channel or material' }, suggestions: ['Folder', 'WhatsApp-groep', 'Voorlichting in de moskee', 'Huisbezoek door sleutelfiguur', 'Lokale radio', 'Posters', 'Facebook-groep'] },
  { key: 'languages', type: 'tags', label: { nl: 'Talen', en: 'Languages' } },
  { key: 'places', type: 'nodeRefs', refKinds: [KIND.place], label: { nl: 'Waar', en: 'Where' } },
  { key: 'communities', type: 'nodeRefs', refKinds: [KIND.community], label: { nl: 'Voor wie', en: 'For whom' } },
];

export const RISK_FIELDS: FieldSchema[] = [
  { key: 'owner', type: 'nodeRef', refKinds: [...PARTY_KINDS], label: { nl: 'Eigenaar', en: 'Owner' } },
  { key: 'due', type: 'date', label: { nl: 'Uiterlijk', en: 'By' } },
];

// -------------------------------------------------------------------------------------------------------------
// Readers: the gate from the document (edited by many clients) to typed values with safe defaults.

export interface PlanInfo {
  title: string;
  version: string;
  status: PlanStatus;
  authors: string;
  contact: string | null;
  client: string;
  rates: Partial<Record<OrganisationTypeId, number>>;
}

export interface PlanGoal {
  id: string;
  title: string;
  community: string | null;
  indicator: string;
  baseline: number | null;
  target: number | null;
  deadline: Month | null;
  /** Realised value per quarter key ('2027-Q1'), as the team filled it in. */
  realised: Record<string, number>;
  createdAt: number;
}

export interface CostLine {
  id: string;
  category: CostCategory;
  description: string;
  quantity: number | null;
  unitPrice: number | null;
  /** The amount as entered, or quantity × price; null when neither is complete. */
  amount: number | null;
  from: Month | null;
  to: Month | null;
  note: string;
  createdAt: number;
}

export interface FundingLine {
  id: string;
  source: FundingSource;
  name: string;
  requested: number | null;
  granted: number | null;
  status: FundingStatus;
  decisionDate: string | null;
  createdAt: number;
}

export interface PlanPhase {
  id: PlanPhaseId;
  from: Month | null;
  to: Month | null;
  involved: string[];
  note: string;
}

export interface Milestone {
  id: string;
  title: string;
  month: Month | null;
  phase: PlanPhaseId | null;
  evaluation: boolean;
  createdAt: number;
}

export interface Channel {
  id: string;
  channel: string;
  languages: string[];
  places: string[];
  communities: string[];
  createdAt: number;
}

export interface RiskNote {
  owner: string | null;
  due: string | null;
}

export interface PlanData {
  texts: Record<PlanTextKey, string>;
  info: PlanInfo;
  goals: PlanGoal[];
  costs: CostLine[];
  funding: FundingLine[];
  phases: PlanPhase[];
  milestones: Milestone[];
  channels: Channel[];
  /** Owner and date per risk key (see riskKey). */
  risks: Map<string, RiskNote>;
}

/** The key a quarter's realised value is stored under in a goal: `realised_2027_Q1`. */
export const realisedKey = (quarter: string) => `realised_${quarter.replace('-', '_')}`;
const REALISED = /^realised_(\d{4})_Q([1-4])$/;

const num = (v: FieldValue | undefined) => toAmount(v);
const created = (d: Record<string, FieldValue>) => (typeof d.createdAt === 'number' && Number.isFinite(d.createdAt) ? d.createdAt : 0);
const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
const records = (snapshot: MapSnapshot, name: string): CollectionRecord[] => snapshot.collections[name] ?? [];

function readInfo(snapshot: MapSnapshot): PlanInfo {
  const d = records(snapshot, PLAN_COLLECTION.info).find((r) => r.id === PLAN_INFO_ID)?.data ?? {};
  const rates: PlanInfo['rates'] = {};
  for (const type of RATED_ORGANISATION_TYPES) {
    const rate = num(d[rateKey(type)]);
    if (rate !== null && rate > 0) rates[type] = rate;
  }
  return {
    title: textField(d, 'title'),
    version: textField(d, 'version'),
    status: optionField(d, 'status', ['concept', 'definitief'] as const) ?? 'concept',
    authors: textField(d, 'authors'),
    contact: textField(d, 'contact') || null,
    client: textField(d, 'client'),
    rates,
  };
}

function readGoal(r: CollectionRecord): PlanGoal {
  const d = r.data;
  const realised: Record<string, number> = {};
  for (const [k, v] of Object.entries(d)) {
    const m = REALISED.exec(k);
    const n = num(v);
    if (m && n !== null) realised[`${m[1]}-Q${m[2]}`] = n;
  }
  return {
    id: r.id,
    title: textField(d, 'title'),
    community: textField(d, 'community') || null,
    indicator: textField(d, 'indicator'),
    baseline: num(d.baseline),
    target: num(d.target),
    deadline: parseMonth(d.deadline),
    realised,
    createdAt: created(d),
  };
}

function readCost(r: CollectionRecord): CostLine {
  const d = r.data;
  const quantity = num(d.quantity);
  const unitPrice = num(d.unitPrice);
  const entered = num(d.amount);
  return {
    id: r.id,
    category: optionField(d, 'category', COST_CATEGORIES) ?? 'anders',
    description: textField(d, 'description'),
    quantity,
    unitPrice,
    amount: entered ?? (quantity !== null && unitPrice !== null ? Math.round(quantity * unitPrice * 100) / 100 : null),
    from: parseMonth(d.from),
    to: parseMonth(d.to),
    note: textField(d, 'note'),
    createdAt: created(d),
  };
}

function readFunding(r: CollectionRecord): FundingLine {
  const d = r.data;
  const granted = num(d.granted);
  const status = optionField(d, 'status', FUNDING_STATUSES) ?? (granted !== null && granted > 0 ? 'toegekend' : 'aangevraagd');
  return {
    id: r.id,
    source: optionField(d, 'source', FUNDING_SOURCES) ?? 'anders',
    name: textField(d, 'name'),
    requested: num(d.requested),
    granted,
    status,
    decisionDate: parseDate(d.decisionDate),
    createdAt: created(d),
  };
}

function readPhases(snapshot: MapSnapshot): PlanPhase[] {
  const byId = new Map(records(snapshot, PLAN_COLLECTION.phases).map((r) => [r.id, r.data]));
  return PLAN_PHASE_IDS.map((id) => {
    const d = byId.get(id) ?? {};
    return { id, from: parseMonth(d.from), to: parseMonth(d.to), involved: listField(d, 'involved'), note: textField(d, 'note') };
  });
}

function readMilestone(r: CollectionRecord): Milestone {
  const d = r.data;
  return {
    id: r.id,
    title: textField(d, 'title'),
    month: parseMonth(d.month),
    phase: optionField(d, 'phase', PLAN_PHASE_IDS),
    evaluation: d.evaluation === true,
    createdAt: created(d),
  };
}

function readChannel(r: CollectionRecord): Channel {
  const d = r.data;
  return { id: r.id, channel: textField(d, 'channel'), languages: listField(d, 'languages'), places: listField(d, 'places'), communities: listField(d, 'communities'), createdAt: created(d) };
}

/** Everything the team wrote for the plan, read from a map snapshot. */
export function readPlanData(snapshot: MapSnapshot): PlanData {
  const texts = {} as Record<PlanTextKey, string>;
  for (const [key, name] of Object.entries(PLAN_TEXT) as [PlanTextKey, string][]) texts[key] = (snapshot.texts[name] ?? '').trim();
  const risks = new Map<string, RiskNote>();
  for (const r of records(snapshot, PLAN_COLLECTION.risks)) risks.set(r.id, { owner: textField(r.data, 'owner') || null, due: parseDate(r.data.due) });
  return {
    texts,
    info: readInfo(snapshot),
    goals: records(snapshot, PLAN_COLLECTION.goals).map(readGoal).sort(byCreated),
    costs: records(snapshot, PLAN_COLLECTION.costs).map(readCost).sort(byCreated),
    funding: records(snapshot, PLAN_COLLECTION.funding).map(readFunding).sort(byCreated),
    phases: readPhases(snapshot),
    milestones: records(snapshot, PLAN_COLLECTION.milestones).map(readMilestone).sort((a, b) => (a.month ?? '9999').localeCompare(b.month ?? '9999') || byCreated(a, b)),
    channels: records(snapshot, PLAN_COLLECTION.channels).map(readChannel).sort(byCreated),
    risks,
  };
}

/** A short, stable hash of a text (FNV-1a), for risks that are about no card. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * A risk's stable key across sessions, under which its owner and date are kept: its code and the first card or record
 * it is about, or for a risk about no card (a missing partner category) a hash of its English wording.
 */
export function riskKey(problem: { code: string; nodeIds: string[]; recordIds?: string[]; message: { en: string } }): string {
  const subject = problem.nodeIds[0] ?? problem.recordIds?.[0] ?? hash(problem.message.en);
  return `${problem.code}~${subject}`.slice(0, 128);
}
