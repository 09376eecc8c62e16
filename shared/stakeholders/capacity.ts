import type { MapSnapshot } from '../model/schema';
import { amountField } from './nodeData';
import { PARTY_KINDS } from './kinds/kindIds';
import type { Month } from './months';
import { commitmentTotals, type TotalsOptions } from './totals';

export interface CapacityMonth {
  month: Month;
  committed: number;
  over: boolean;
}

/** A person's or organisation's committed hours set against the capacity on their node, month by month. */
export interface CapacityUse {
  partyId: string;
  label: string;
  kind: string;
  /** Hours per month from the node; null when nobody filled it in (then nothing can be over it). */
  capacity: number | null;
  /** Only months with committed hours. */
  months: CapacityMonth[];
  overMonths: Month[];
  /** The most hours committed in any one month. */
  peak: number;
}

// Rounding noise from 52/12 must not turn an exact fit into an overload.
const EPSILON = 1e-6;

/** Committed hours against capacity for every party that has commitments or a capacity. */
export function capacityUse(snapshot: MapSnapshot, options: TotalsOptions = {}): CapacityUse[] {
  const totals = commitmentTotals(snapshot, options);
  const byId = new Map(totals.byParty.filter((p) => p.partyId !== null).map((p) => [p.partyId as string, p]));
  const out: CapacityUse[] = [];
  for (const node of snapshot.nodes) {
    if (!PARTY_KINDS.includes(node.kind)) continue;
    const capacity = amountField(node.data, 'capacityHoursPerMonth');
    const party = byId.get(node.id);
    if (!party && capacity === null) continue;
    const months: CapacityMonth[] = Object.entries(party?.hoursByMonth ?? {})
      .filter(([, h]) => h > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, committed]) => ({ month, committed, over: capacity !== null && committed > capacity + EPSILON }));
    out.push({
      partyId: node.id,
      label: node.label,
      kind: node.kind,
      capacity,
      months,
      overMonths: months.filter((m) => m.over).map((m) => m.month),
      peak: months.reduce((p, m) => Math.max(p, m.committed), 0),
    });
  }
  return out;
}
