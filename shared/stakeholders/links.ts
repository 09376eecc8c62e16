import type { MapSnapshot } from '../model/schema';
import { readCommunity } from './kinds/community';
import { KIND } from './kinds/kindIds';
import { readKeyFigure } from './kinds/keyFigure';
import { readOffer } from './kinds/offer';
import { RELATION } from './relations';

/**
 * Who is connected to whom. A connection may be drawn as a relation or picked in a node's field (a key figure's
 * "bereikt gemeenschappen"); both count, in either direction, so the views agree with what people see on the canvas.
 */
export function relatedIds(snapshot: MapSnapshot, nodeId: string, relation: string, otherKinds: readonly string[]): string[] {
  const kinds = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
  const out = new Set<string>();
  for (const e of snapshot.edges) {
    if (e.kind !== relation) continue;
    const other = e.source === nodeId ? e.target : e.target === nodeId ? e.source : null;
    if (other !== null && other !== nodeId && otherKinds.includes(kinds.get(other) ?? '')) out.add(other);
  }
  return [...out];
}

function inOrder(snapshot: MapSnapshot, ids: Set<string>): string[] {
  return snapshot.nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
}

/** Key figures that reach a community. */
export function keyFiguresOf(snapshot: MapSnapshot, communityId: string): string[] {
  const ids = new Set(relatedIds(snapshot, communityId, RELATION.reaches, [KIND.keyFigure]));
  for (const n of snapshot.nodes) if (n.kind === KIND.keyFigure && readKeyFigure(n).reaches.includes(communityId)) ids.add(n.id);
  return inOrder(snapshot, ids);
}

/**
 * Where a community meets: places, and partners or organisations it "komt samen in" (a migrant organisation's
 * clubhouse, a mosque entered as a partner) or an offer it gathers at (an ontmoetingsgroep): every kind the map
 * offers that relation to counts as a known meeting place.
 */
export const MEETING_PLACE_KINDS: readonly string[] = [KIND.place, KIND.partner, KIND.organisation, KIND.offer];

export function placesOf(snapshot: MapSnapshot, communityId: string): string[] {
  const ids = new Set(relatedIds(snapshot, communityId, RELATION.meetsAt, MEETING_PLACE_KINDS));
  const community = snapshot.nodes.find((n) => n.id === communityId);
  const known = new Set(snapshot.nodes.filter((n) => n.kind === KIND.place).map((n) => n.id));
  if (community) for (const p of readCommunity(community).places) if (known.has(p)) ids.add(p);
  return inOrder(snapshot, ids);
}

/** Offers meant for a community. */
export function offersOf(snapshot: MapSnapshot, communityId: string): string[] {
  const ids = new Set(relatedIds(snapshot, communityId, RELATION.reaches, [KIND.offer]));
  for (const n of snapshot.nodes) if (n.kind === KIND.offer && readOffer(n).communities.includes(communityId)) ids.add(n.id);
  return inOrder(snapshot, ids);
}
