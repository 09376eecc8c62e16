import type { MapSnapshot } from '../model/schema';
import { readCommitments } from '../stakeholders/commitments';
import { KIND } from '../stakeholders/kinds/kindIds';
import { readOffer } from '../stakeholders/kinds/offer';
import { compareMonths, type Month } from '../stakeholders/months';
import type { PlanPhase, PlanPhaseId } from './planData';

/** A phase as the planning shows it: the team's own dates and people, else what the map's offers and commitments say. */
export interface ResolvedPhase extends PlanPhase {
  /** True when the dates come from the offers in this phase, not from the team. */
  derived: boolean;
  /** The offers in this phase. */
  offers: string[];
}

/**
 * Fills each phase's period and people from the map where the team left them open: a phase runs from the first
 * start to the last end of its offers, and involves whoever has a commitment for one of them.
 */
export function resolvePhases(snapshot: MapSnapshot, phases: PlanPhase[]): ResolvedPhase[] {
  const offers = snapshot.nodes.filter((n) => n.kind === KIND.offer).map(readOffer);
  const commitments = readCommitments(snapshot);
  return phases.map((p) => {
    const inPhase = offers.filter((o) => o.phase === (p.id as PlanPhaseId));
    const starts = inPhase.map((o) => o.start).filter((m): m is Month => m !== null).sort(compareMonths);
    const ends = inPhase.map((o) => o.end ?? o.start).filter((m): m is Month => m !== null).sort(compareMonths);
    const derivedFrom = starts[0] ?? null;
    const derivedTo = ends[ends.length - 1] ?? null;
    const ids = new Set(inPhase.map((o) => o.id));
    const people = [...new Set(commitments.filter((c) => c.servesOffer && ids.has(c.servesOffer) && c.who).map((c) => c.who as string))];
    const own = p.from !== null || p.to !== null;
    return {
      ...p,
      from: own ? p.from : derivedFrom,
      to: own ? p.to : derivedTo,
      involved: p.involved.length > 0 ? p.involved : people,
      derived: !own && (derivedFrom !== null || derivedTo !== null),
      offers: inPhase.map((o) => o.id),
    };
  });
}
