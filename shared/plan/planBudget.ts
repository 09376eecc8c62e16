import type { MapSnapshot, NodeRecord } from '../model/schema';
import { readCommitments, type CommitmentRole, type CommitmentStatus } from '../stakeholders/commitments';
import { KIND } from '../stakeholders/kinds/kindIds';
import { readOrganisation } from '../stakeholders/kinds/organisation';
import { readTeamMember } from '../stakeholders/kinds/teamMember';
import type { OrganisationTypeId } from '../stakeholders/organisationTypes';
import { participatingOrganisations } from '../stakeholders/participatingOrganisations';
import { normalizeText } from '../stakeholders/textMatch';
import { commitmentLine, type TotalsOptions } from '../stakeholders/totals';
import { projectPeriod } from '../stakeholders/projectPeriod';
import type { CostLine, FundingLine, PlanInfo } from './planData';

/** Hours, and what they cost or are worth in euro. */
export interface HoursAndMoney {
  hours: number;
  amount: number;
}

/** One person's or party's hours in the budget, split the way a funder reads them. */
export interface BudgetParty {
  nodeId: string | null;
  /** Agreed hours paid at a rate (the commitment's own, or a paid key figure's). */
  paid: HoursAndMoney;
  /** Agreed hours without a rate: eigen inzet; amount is their value at the organisation type's default rate, 0 when none is set. */
  own: HoursAndMoney;
  /** Whether `own.amount` was valued at a default rate (else the hours are shown in hours only). */
  ownValued: boolean;
  /** Proposed hours (status voorgesteld), kept apart from everything agreed. */
  proposed: HoursAndMoney;
}

/** A group a funder reads: one organisation with its people, or the key figures and caregivers taking part themselves. */
export interface BudgetGroup {
  /** 'org:<normalised name>', 'own' (key figures, volunteers, caregivers) or 'none' (commitments without an owner). */
  key: string;
  /** The organisation's name; '' for the 'own' and 'none' groups (the renderer names them in its language). */
  name: string;
  parties: BudgetParty[];
  paid: HoursAndMoney;
  own: HoursAndMoney;
  proposed: HoursAndMoney;
}

export interface BudgetRole {
  role: CommitmentRole | null;
  paid: HoursAndMoney;
  own: HoursAndMoney;
  proposed: HoursAndMoney;
}

export interface PlanBudget {
  costLines: CostLine[];
  /** Cost lines with an amount (entered, or quantity × price). */
  costLinesTotal: number;
  /** Cost lines still without an amount: they count for nothing until filled in. */
  incompleteCostLines: string[];
  paid: HoursAndMoney;
  own: HoursAndMoney;
  /** Eigen inzet hours with no default rate for their organisation type: in hours only, never € 0. */
  ownUnvaluedHours: number;
  proposed: HoursAndMoney;
  groups: BudgetGroup[];
  roles: BudgetRole[];
  funding: FundingLine[];
  /** Granted money (gemeente, fondsen, other) and own money contributions of organisations. */
  fundingGranted: number;
  /** Requested or still to be requested, not decided yet. */
  fundingPending: number;
  /** Costs: paid agreed hours + cost lines + the valued eigen inzet. */
  totalCosts: number;
  /** Dekking: granted money + the valued eigen inzet (in kind, it covers itself). */
  totalCovered: number;
  /** Costs minus dekking: above 0 a shortfall, below 0 a surplus. */
  gap: number;
  /** The gap if every pending request is granted in full. */
  gapIfPendingGranted: number;
}

const zero = (): HoursAndMoney => ({ hours: 0, amount: 0 });
const addTo = (a: HoursAndMoney, hours: number, amount: number) => {
  a.hours += hours;
  a.amount += amount;
};
const AGREED: ReadonlySet<CommitmentStatus> = new Set(['afgesproken', 'loopt', 'afgerond']);
const cents = (n: number) => Math.round(n * 100) / 100;

/** The organisation type and group of a commitment's owner: organisations by name, everyone on their own behalf together. */
function ownerGroup(owner: NodeRecord | undefined, orgKeyOf: Map<string, { key: string; name: string }>): { key: string; name: string; type: OrganisationTypeId | null } {
  if (!owner) return { key: 'none', name: '', type: null };
  const known = orgKeyOf.get(owner.id);
  if (owner.kind === KIND.organisation) return { key: known?.key ?? `org:${normalizeText(owner.label)}`, name: known?.name ?? owner.label, type: readOrganisation(owner).organisationType };
  if (owner.kind === KIND.teamMember) {
    const m = readTeamMember(owner);
    if (known) return { key: known.key, name: known.name, type: m.organisationType };
    return { key: 'own', name: '', type: m.organisationType === 'mantelzorger' ? null : m.organisationType };
  }
  if (owner.kind === KIND.partner) return { key: `org:${normalizeText(owner.label)}`, name: owner.label, type: null };
  return { key: 'own', name: '', type: null };
}

/**
 * The begroting and dekking of a plan: hours from the commitments (paid, eigen inzet, proposed apart), the team's
 * cost lines and funding, per organisation and per role, and the gap. Pure arithmetic over the map and the plan data.
 */
export function planBudget(snapshot: MapSnapshot, info: PlanInfo, costs: CostLine[], funding: FundingLine[], options: TotalsOptions = {}): PlanBudget {
  const period = projectPeriod(snapshot, options.period);
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const orgKeyOf = new Map<string, { key: string; name: string }>();
  const groups = new Map<string, BudgetGroup>();
  for (const o of participatingOrganisations(snapshot)) {
    const entry = { key: `org:${normalizeText(o.name)}`, name: o.name };
    if (o.nodeId) orgKeyOf.set(o.nodeId, entry);
    for (const id of o.memberIds) orgKeyOf.set(id, entry);
    groups.set(entry.key, { ...entry, parties: [], paid: zero(), own: zero(), proposed: zero() });
  }
  const roles = new Map<string, BudgetRole>();
  const parties = new Map<string, BudgetParty>();
  const paid = zero();
  const own = zero();
  const proposed = zero();
  let ownUnvaluedHours = 0;

  for (const c of readCommitments(snapshot)) {
    const owner = c.who ? nodes.get(c.who) : undefined;
    const line = commitmentLine(c, owner, period);
    if (line.hoursPerMonth === null) continue;
    const g = ownerGroup(owner, orgKeyOf);
    let group = groups.get(g.key);
    if (!group) {
      group = { key: g.key, name: g.name, parties: [], paid: zero(), own: zero(), proposed: zero() };
      groups.set(g.key, group);
    }
    const partyKey = owner?.id ?? '';
    let party = parties.get(partyKey);
    if (!party) {
      party = { nodeId: owner?.id ?? null, paid: zero(), own: zero(), ownValued: false, proposed: zero() };
      parties.set(partyKey, party);
      group.parties.push(party);
    }
    const roleKey = c.role ?? '';
    let role = roles.get(roleKey);
    if (!role) {
      role = { role: c.role, paid: zero(), own: zero(), proposed: zero() };
      roles.set(roleKey, role);
    }
    const hours = line.totalHours;
    if (!AGREED.has(c.status)) {
      addTo(proposed, hours, line.totalBudget);
      addTo(party.proposed, hours, line.totalBudget);
      addTo(group.proposed, hours, line.totalBudget);
      addTo(role.proposed, hours, line.totalBudget);
    } else if (line.rate > 0) {
      addTo(paid, hours, line.totalBudget);
      addTo(party.paid, hours, line.totalBudget);
      addTo(group.paid, hours, line.totalBudget);
      addTo(role.paid, hours, line.totalBudget);
    } else {
      const rate = g.type ? (info.rates[g.type] ?? 0) : 0;
      const value = hours * rate;
      if (rate > 0) party.ownValued = true;
      else ownUnvaluedHours += hours;
      addTo(own, hours, value);
      addTo(party.own, hours, value);
      addTo(group.own, hours, value);
      addTo(role.own, hours, value);
    }
  }

  const counted = costs.filter((l) => l.amount !== null);
  const costLinesTotal = cents(counted.reduce((s, l) => s + (l.amount ?? 0), 0));
  const fundingGranted = cents(funding.filter((f) => f.status === 'toegekend').reduce((s, f) => s + (f.granted ?? f.requested ?? 0), 0));
  const fundingPending = cents(funding.filter((f) => f.status === 'aangevraagd' || f.status === 'teAanvragen').reduce((s, f) => s + (f.requested ?? 0), 0));
  const totalCosts = cents(paid.amount + costLinesTotal + own.amount);
  const totalCovered = cents(fundingGranted + own.amount);
  const order = (g: BudgetGroup) => (g.key === 'none' ? 2 : g.key === 'own' ? 1 : 0);
  return {
    costLines: costs,
    costLinesTotal,
    incompleteCostLines: costs.filter((l) => l.amount === null).map((l) => l.id),
    paid,
    own,
    ownUnvaluedHours,
    proposed,
    groups: [...groups.values()].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'nl')),
    roles: [...roles.values()],
    funding,
    fundingGranted,
    fundingPending,
    totalCosts,
    totalCovered,
    gap: cents(totalCosts - totalCovered),
    gapIfPendingGranted: cents(totalCosts - totalCovered - fundingPending),
  };
}
