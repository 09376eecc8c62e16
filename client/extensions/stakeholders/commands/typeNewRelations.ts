import type { IDisposable, MantelkaartApi } from '../../../host/api';
import { relationKindsFor } from '../../../../shared/stakeholders';
import { DEFAULT_EDGE_KIND } from '../../../../shared/model/schema';
import { pickRelationKind } from './registerCommands';

/**
 * Connecting two nodes by dragging creates a plain link; this gives it the most likely relation kind for the pair
 * at once (so it is never left untyped, merged into the same undo step) and then offers the other kinds.
 * Only this person's own new edges count, never a peer's and never an existing edge changing.
 */
export function typeNewRelations(api: MantelkaartApi): IDisposable {
  const known = new Set(api.map.getEdges().map((e) => e.id));
  return api.map.onDidChangeMap((e) => {
    const fresh: string[] = [];
    for (const id of e.edges) {
      const exists = api.map.getEdge(id) !== undefined;
      if (exists && !known.has(id)) fresh.push(id);
      if (exists) known.add(id);
      else known.delete(id);
    }
    if (!e.local || !api.map.canEdit) return;
    for (const id of fresh) {
      const edge = api.map.getEdge(id);
      if (!edge || edge.kind !== DEFAULT_EDGE_KIND) continue;
      const a = api.map.getNode(edge.source);
      const b = api.map.getNode(edge.target);
      if (!a || !b) continue;
      const forward = relationKindsFor(a.kind, b.kind);
      const backward = relationKindsFor(b.kind, a.kind);
      if (forward.length === 0 && backward.length === 0) continue;
      // Set the most likely kind right away, then let the person change it.
      queueMicrotask(() => {
        if (!api.map.getEdge(id)) return;
        if (forward.length) api.map.updateEdge(id, { kind: forward[0] });
        void pickRelationKind(api, id);
      });
    }
  });
}
