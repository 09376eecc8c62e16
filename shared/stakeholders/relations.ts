import type { FieldSchema, LocalizedText } from '../model/fields';
import type { EdgeRecord } from '../model/schema';
import { KIND } from './kinds/kindIds';
import { amountField, textField } from './nodeData';

/** Stable relation (edge) kind ids: stored in every edge, so never rename them. */
export const RELATION = {
  reaches: 'reaches',
  meetsAt: 'meetsAt',
  refersTo: 'refersTo',
  collaborates: 'collaborates',
  sharesKnowledge: 'sharesKnowledge',
  trusts: 'trusts',
  commitsTo: 'commitsTo',
} as const;

export type RelationKindId = (typeof RELATION)[keyof typeof RELATION];

export interface RelationKindSpec {
  id: RelationKindId;
  label: LocalizedText;
  /** Read from source to target ("Hatice bereikt de Turkse gemeenschap"). */
  color: string;
  dashed: boolean;
  /** 'none' for mutual relations (samenwerken, kennis delen), where direction would suggest a hierarchy. */
  arrow: 'end' | 'none';
}

export const RELATION_KINDS: readonly RelationKindSpec[] = [
  { id: RELATION.reaches, label: { nl: 'bereikt', en: 'reaches' }, color: '#2f855a', dashed: false, arrow: 'end' },
  { id: RELATION.meetsAt, label: { nl: 'komt samen in', en: 'meets at' }, color: '#4c51bf', dashed: true, arrow: 'end' },
  { id: RELATION.refersTo, label: { nl: 'verwijst naar', en: 'refers to' }, color: '#c05621', dashed: false, arrow: 'end' },
  { id: RELATION.collaborates, label: { nl: 'werkt samen met', en: 'collaborates with' }, color: '#2b6cb0', dashed: false, arrow: 'none' },
  { id: RELATION.sharesKnowledge, label: { nl: 'deelt kennis met', en: 'shares knowledge with' }, color: '#6b46c1', dashed: true, arrow: 'none' },
  { id: RELATION.trusts, label: { nl: 'vertrouwt', en: 'trusts' }, color: '#b7791f', dashed: true, arrow: 'end' },
  { id: RELATION.commitsTo, label: { nl: 'zet zich in voor', en: 'commits to' }, color: '#c53030', dashed: false, arrow: 'end' },
];

/** Fields every relation carries, edited in the inspector like a node's. */
export const RELATION_FIELDS: FieldSchema[] = [
  {
    key: 'strength', type: 'number', min: 1, max: 3, step: 1, label: { nl: 'Sterkte', en: 'Strength' },
    description: { nl: '1 = los contact, 2 = regelmatig, 3 = sterk en vertrouwd', en: '1 = loose, 2 = regular, 3 = strong and trusted' },
  },
  { key: 'note', type: 'longtext', label: { nl: 'Notitie', en: 'Note' } },
];

export function relationKind(id: string): RelationKindSpec | undefined {
  return RELATION_KINDS.find((r) => r.id === id);
}

/** A relation's strength, clamped to 1–3; 2 (regular contact) when missing, so unset relations draw at medium width. */
export function relationStrength(edge: EdgeRecord): 1 | 2 | 3 {
  const s = amountField(edge.data, 'strength');
  if (s === null) return 2;
  return s <= 1 ? 1 : s >= 3 ? 3 : 2;
}

export function relationNote(edge: EdgeRecord): string {
  return textField(edge.data, 'note');
}

const { community, keyFigure, place, partner, teamMember, organisation, offer } = KIND;
const ORGS = [partner, organisation];
const PEOPLE = [keyFigure, teamMember];
const PARTIES = [...PEOPLE, ...ORGS];

type Rule = { from: readonly string[]; to: readonly string[]; kinds: RelationKindId[] };

// First matching rule wins; within a rule the most likely kind comes first.
const RULES: Rule[] = [
  { from: PARTIES, to: [community], kinds: [RELATION.reaches, RELATION.trusts] },
  { from: [offer], to: [community], kinds: [RELATION.reaches] },
  { from: [community], to: [place], kinds: [RELATION.meetsAt] },
  // A community meets at an organisation's building (a clubhouse, a mosque entered as a partner), not at a person.
  { from: [community], to: ORGS, kinds: [RELATION.trusts, RELATION.meetsAt] },
  { from: [community], to: PEOPLE, kinds: [RELATION.trusts] },
  { from: [community], to: [offer], kinds: [RELATION.meetsAt] },
  { from: PARTIES, to: [offer], kinds: [RELATION.commitsTo, RELATION.refersTo] },
  { from: PEOPLE, to: [place], kinds: [RELATION.meetsAt, RELATION.collaborates] },
  { from: ORGS, to: [place], kinds: [RELATION.collaborates, RELATION.refersTo] },
  { from: [place], to: ORGS, kinds: [RELATION.collaborates, RELATION.refersTo] },
  { from: [place], to: PEOPLE, kinds: [RELATION.collaborates] },
  { from: ORGS, to: ORGS, kinds: [RELATION.refersTo, RELATION.collaborates, RELATION.sharesKnowledge, RELATION.trusts] },
  { from: PEOPLE, to: ORGS, kinds: [RELATION.refersTo, RELATION.collaborates, RELATION.sharesKnowledge, RELATION.trusts] },
  { from: ORGS, to: PEOPLE, kinds: [RELATION.collaborates, RELATION.refersTo, RELATION.sharesKnowledge, RELATION.trusts] },
  { from: PEOPLE, to: PEOPLE, kinds: [RELATION.trusts, RELATION.collaborates, RELATION.sharesKnowledge, RELATION.refersTo] },
  { from: [offer], to: [offer], kinds: [RELATION.refersTo] },
  { from: [offer], to: [place], kinds: [RELATION.meetsAt] },
  { from: [offer], to: ORGS, kinds: [RELATION.refersTo] },
];

/**
 * The relation kinds that make sense from a node of `sourceKind` to one of `targetKind`, most likely first;
 * empty when none does (a note, a lane), in which case the host draws a plain link.
 */
export function relationKindsFor(sourceKind: string, targetKind: string): RelationKindId[] {
  const rule = RULES.find((r) => r.from.includes(sourceKind) && r.to.includes(targetKind));
  return rule ? [...rule.kinds] : [];
}
