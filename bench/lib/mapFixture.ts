import * as Y from 'yjs';
import { createEdge, createNode, nodesMap } from '../../shared/model/mapDoc';

export interface MapShape {
  nodes: number;
  edges: number;
  /** Nodes per row of the grid. */
  columns?: number;
}

/**
 * Adds a grid of labelled cards and edges between neighbours to `doc` through the model's own accessors, in
 * transactions of `chunk` nodes so no single update is huge. Deterministic: the same shape gives the same map.
 */
export function addBenchMap(doc: Y.Doc, shape: MapShape, chunk = 500): string[] {
  const columns = shape.columns ?? Math.ceil(Math.sqrt(shape.nodes * 2.5));
  const ids: string[] = [];
  for (let start = 0; start < shape.nodes; start += chunk) {
    doc.transact(() => {
      for (let i = start; i < Math.min(shape.nodes, start + chunk); i++) {
        const col = i % columns;
        const row = Math.floor(i / columns);
        ids.push(
          createNode(doc, {
            id: `n${i}`,
            x: col * 260,
            y: row * 120,
            label: `Kaart ${i + 1}`,
          }),
        );
      }
    });
  }
  for (let start = 0; start < shape.edges; start += chunk) {
    doc.transact(() => {
      for (let k = start; k < Math.min(shape.edges, start + chunk); k++) {
        // Right neighbour first, then the card below, then further away: short, mostly local links.
        const source = k % shape.nodes;
        const round = Math.floor(k / shape.nodes);
        const step = round === 0 ? 1 : round === 1 ? columns : columns + 1 + round;
        createEdge(doc, { id: `e${k}`, source: ids[source], target: ids[(source + step) % shape.nodes] });
      }
    });
  }
  return ids;
}

export function nodeCount(doc: Y.Doc): number {
  return nodesMap(doc).size;
}
