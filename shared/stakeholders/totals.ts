import type { MapSnapshot, NodeRecord } from '../model/schema';
import { readCommitments, type Commitment, type CommitmentRole } from './commitments';
import { KIND } from './kinds/kindIds';
import { readKeyFigure } from './kinds/keyFigure';
import { monthsBetween, type Month, type MonthPeriod } from './months';
import { projectPeriod } from './projectPeriod';

/** Average weeks in a month: "4 uur per week" is 4 × 52 / 12 ≈ 17,3 uur per maand. */
export const WEEKS_PER_MONTH = 52 / 12;

export interface TotalsOptions {
  /** The project's period; derived from the map's commitments and offers when absent. */
  period?: MonthPeriod;
}

/** One commitment, normalised to months: a row of the commitments table in the plan. */
export interface CommitmentLine {
  commitmentId: string;
  who: string | null;
  role: CommitmentRole | null;
  /** The months this commitment covers inside the project period (an open end runs to the period's end). */
  months: Month[];
  /** Hours in each of those months; null when the commitment has no hours or cannot be placed in time. */
  hoursPerMonth: number | null;
  /** Euro per hour: the commitment's own rate, else the key figure's rate when paid, else 0. */
  rate: number;
  budgetPerMonth: number;
  totalHours: number;
  totalBudget: number;
}

export interface PartyTotals {
  /** Node id; null collects commitments without an owner. */
  partyId: string | null;
  label: string;
  kind: string | null;
  hoursByMonth: Record<Month, number>;
  budgetByMonth: Record<Month, number>;
  totalHours: number;
  totalBudget: number;
  commitmentIds: string[];
}

export interface RoleTotals {
  role: CommitmentRole | null;
  totalHours: number;
  totalBudget: number;
  hoursByMonth: Record<Month, number>;
  commitmentIds: string[];
}

export interface MonthTotals {
  month: Month;
  hours: number;
  budget: number;
}

export interface CommitmentTotals {
  period: MonthPeriod | null;
  months: Month[];
  lines: CommitmentLine[];
  byParty: PartyTotals[];
  byRole: RoleTotals[];
  /** For the chart: hours and budget in every month of the period, zero months included. */
  byMonth: MonthTotals[];
  totalHours: number;
  totalBudget: number;
  /** Commitments that add nothing: no hours, or an end before their start. */
  uncounted: string[];
}

/** The months a commitment covers inside the period; open ends are bounded by the period. */
export function commitmentMonths(c: Commitment, period: MonthPeriod | null): Month[] {
  const from = c.from ?? period?.from;
  const to = c.to ?? period?.to;
  if (!from || !to) return [];
  const all = monthsBetween(from, to);
  return period ? all.filter((m) => m >= period.from && m <= period.to) : all;
}

/** Hours per month for a commitment: per week × 52/12, per month as is, a total spread over its months. */
export function monthlyHours(c: Commitment, period: MonthPeriod | null): number | null {
  if (c.hours === null) return null;
  if (c.unit === 'perWeek') return (c.hours * 52) / 12;
  if (c.unit === 'perMonth') return c.hours;
  // A total is spread over the commitment's own span (not clipped), so clipping to the period never inflates it.
  const from = c.from ?? period?.from;
  const to = c.to ?? period?.to;
  if (!from || !to) return null;
  const n = monthsBetween(from, to).length;
  return n > 0 ? c.hours / n : null;
}

/** Euro per hour for a commitment: its own rate, else the paid key figure's rate, else 0 (unpaid). */
export function commitmentRate(c: Commitment, owner: NodeRecord | undefined): number {
  if (c.hourlyRate !== null) return c.hourlyRate;
  if (owner?.kind === KIND.keyFigure) {
    const k = readKeyFigure(owner);
    if (k.engagement === 'betaald' && k.hourlyRate !== null) return k.hourlyRate;
  }
  return 0;
}

export function commitmentLine(c: Commitment, owner: NodeRecord | undefined, period: MonthPeriod | null): CommitmentLine {
  const months = commitmentMonths(c, period);
  const perMonth = months.length > 0 ? monthlyHours(c, period) : null;
  const rate = commitmentRate(c, owner);
  const hours = perMonth ?? 0;
  return {
    commitmentId: c.id,
    who: c.who,
    role: c.role,
    months,
    hoursPerMonth: perMonth,
    rate,
    budgetPerMonth: hours * rate,
    totalHours: hours * months.length,
    totalBudget: hours * rate * months.length,
  };
}

function add(record: Record<Month, number>, month: Month, value: number): void {
  record[month] = (record[month] ?? 0) + value;
}

/** Hours and budget per party, per role, per month and overall, normalised to months across the project's period. */
export function commitmentTotals(snapshot: MapSnapshot, options: TotalsOptions = {}): CommitmentTotals {
  const period = projectPeriod(snapshot, options.period);
  const months = period ? monthsBetween(period.from, period.to) : [];
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const parties = new Map<string, PartyTotals>();
  const roles = new Map<string, RoleTotals>();
  const byMonth = new Map<Month, MonthTotals>(months.map((m) => [m, { month: m, hours: 0, budget: 0 }]));
  const lines: CommitmentLine[] = [];
  const uncounted: string[] = [];

  for (const c of readCommitments(snapshot)) {
    const owner = c.who ? nodes.get(c.who) : undefined;
    const line = commitmentLine(c, owner, period);
    lines.push(line);
    if (line.hoursPerMonth === null) uncounted.push(c.id);

    const partyKey = owner ? owner.id : '';
    let party = parties.get(partyKey);
    if (!party) {
      party = { partyId: owner?.id ?? null, label: owner?.label ?? '', kind: owner?.kind ?? null, hoursByMonth: {}, budgetByMonth: {}, totalHours: 0, totalBudget: 0, commitmentIds: [] };
      parties.set(partyKey, party);
    }
    const roleKey = c.role ?? '';
    let role = roles.get(roleKey);
    if (!role) {
      role = { role: c.role, totalHours: 0, totalBudget: 0, hoursByMonth: {}, commitmentIds: [] };
      roles.set(roleKey, role);
    }
    party.commitmentIds.push(c.id);
    role.commitmentIds.push(c.id);
    if (line.hoursPerMonth === null) continue;
    for (const m of line.months) {
      add(party.hoursByMonth, m, line.hoursPerMonth);
      add(party.budgetByMonth, m, line.budgetPerMonth);
      add(role.hoursByMonth, m, line.hoursPerMonth);
      const total = byMonth.get(m);
      if (total) {
        total.hours += line.hoursPerMonth;
        total.budget += line.budgetPerMonth;
      }
    }
    party.totalHours += line.totalHours;
    party.totalBudget += line.totalBudget;
    role.totalHours += line.totalHours;
    role.totalBudget += line.totalBudget;
  }

  const byParty = [...parties.values()].sort((a, b) => b.totalHours - a.totalHours || a.label.localeCompare(b.label, 'nl'));
  const byRole = [...roles.values()].sort((a, b) => b.totalHours - a.totalHours);
  return {
    period,
    months,
    lines,
    byParty,
    byRole,
    byMonth: [...byMonth.values()],
    totalHours: lines.reduce((s, l) => s + l.totalHours, 0),
    totalBudget: lines.reduce((s, l) => s + l.totalBudget, 0),
    uncounted,
  };
}
