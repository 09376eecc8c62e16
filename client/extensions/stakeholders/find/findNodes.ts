import type { MapSnapshot, NodeRecord } from '../../../../shared/model/schema';
import { KIND, kindSpec, normalizeText, readCommunity, readKeyFigure, readOffer, readPartner } from '../../../../shared/stakeholders';

/** What the Find view filters on; empty values mean "any". */
export interface FindQuery {
  text: string;
  kinds: string[];
  /** A community node id: nodes connected to it (any relation or reference) and the community itself. */
  community: string;
  category: string;
  role: string;
  phase: string;
}

export const EMPTY_QUERY: FindQuery = { text: '', kinds: [], community: '', category: '', role: '', phase: '' };

export function isEmptyQuery(q: FindQuery): boolean {
  return !q.text.trim() && q.kinds.length === 0 && !q.community && !q.category && !q.role && !q.phase;
}

/** Node ids that belong to a community: the community, whatever is linked to it, and what names it in a field. */
export function communityCircle(snapshot: MapSnapshot, communityId: string): Set<string> {
  const ids = new Set<string>([communityId]);
  for (const e of snapshot.edges) {
    if (e.source === communityId) ids.add(e.target);
    if (e.target === communityId) ids.add(e.source);
  }
  for (const n of snapshot.nodes) {
    if (n.kind === KIND.keyFigure && readKeyFigure(n).reaches.includes(communityId)) ids.add(n.id);
    if (n.kind === KIND.offer && readOffer(n).communities.includes(communityId)) ids.add(n.id);
  }
  const community = snapshot.nodes.find((n) => n.id === communityId);
  if (community?.kind === KIND.community) for (const p of readCommunity(community).places) ids.add(p);
  return ids;
}

function searchableText(n: NodeRecord): string {
  const parts = [n.label];
  for (const v of Object.values(n.data)) {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) parts.push(...v.filter((x): x is string => typeof x === 'string'));
  }
  return normalizeText(parts.join(' '));
}

/** The nodes that match a query, in map order. Background areas only match by name or when their kind is asked. */
export function findNodes(snapshot: MapSnapshot, q: FindQuery): NodeRecord[] {
  const words = normalizeText(q.text).split(/\s+/).filter(Boolean);
  const circle = q.community ? communityCircle(snapshot, q.community) : null;
  return snapshot.nodes.filter((n) => {
    if (q.kinds.length && !q.kinds.includes(n.kind)) return false;
    if (!q.kinds.includes(KIND.area) && kindSpec(n.kind)?.background && !words.length) return false;
    if (circle && !circle.has(n.id)) return false;
    if (q.category || q.role) {
      if (n.kind !== KIND.partner) return false;
      const p = readPartner(n);
      if (q.category && p.category !== q.category) return false;
      if (q.role && p.role !== q.role) return false;
    }
    if (q.phase && (n.kind !== KIND.offer || readOffer(n).phase !== q.phase)) return false;
    if (words.length) {
      const text = searchableText(n);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

/**
 * The nodes within `steps` relations of the start nodes (either direction), the start nodes included. Field
 * references (a key figure's communities, an offer's place) count as relations too, as they do on the canvas.
 */
export function neighbourhood(snapshot: MapSnapshot, start: Iterable<string>, steps: number): Set<string> {
  const adjacent = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    (adjacent.get(a) ?? adjacent.set(a, new Set()).get(a)!).add(b);
    (adjacent.get(b) ?? adjacent.set(b, new Set()).get(b)!).add(a);
  };
  const known = new Set(snapshot.nodes.map((n) => n.id));
  for (const e of snapshot.edges) if (known.has(e.source) && known.has(e.target)) link(e.source, e.target);
  for (const n of snapshot.nodes) {
    const spec = kindSpec(n.kind);
    for (const f of spec?.fields ?? []) {
      if (f.type !== 'nodeRef' && f.type !== 'nodeRefs') continue;
      const v = n.data[f.key];
      const refs = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      for (const r of refs) if (known.has(r)) link(n.id, r);
    }
  }
  const seen = new Set([...start].filter((id) => known.has(id)));
  let frontier = [...seen];
  for (let i = 0; i < steps && frontier.length; i++) {
    const next: string[] = [];
    for (const id of frontier) for (const other of adjacent.get(id) ?? []) if (!seen.has(other)) (seen.add(other), next.push(other));
    frontier = next;
  }
  return seen;
}

/** Dimming for everything outside `keep`, leaving background areas undimmed (they are the map's frame). */
export function dimOutside(snapshot: MapSnapshot, keep: ReadonlySet<string>): Map<string, { dimmed: true }> {
  const out = new Map<string, { dimmed: true }>();
  for (const n of snapshot.nodes) if (!keep.has(n.id) && !kindSpec(n.kind)?.background) out.set(n.id, { dimmed: true });
  return out;
}
