import type { MapSnapshot } from '../model/schema';
import { readCommitments } from './commitments';
import { KIND } from './kinds/kindIds';
import { readOffer } from './kinds/offer';
import { compareMonths, type MonthPeriod } from './months';

/**
 * The project's period: from the earliest to the latest month any commitment or offer names.
 * Open-ended commitments run to its end. Null while nothing on the map has a month yet.
 */
export function projectPeriod(snapshot: MapSnapshot, override?: MonthPeriod): MonthPeriod | null {
  if (override) return override;
  const months: string[] = [];
  for (const c of readCommitments(snapshot)) {
    if (c.from) months.push(c.from);
    if (c.to) months.push(c.to);
  }
  for (const node of snapshot.nodes) {
    if (node.kind !== KIND.offer) continue;
    const o = readOffer(node);
    if (o.start) months.push(o.start);
    if (o.end) months.push(o.end);
  }
  if (months.length === 0) return null;
  months.sort(compareMonths);
  return { from: months[0], to: months[months.length - 1] };
}
