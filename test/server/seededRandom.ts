import type * as Y from 'yjs';
import { createNode, deleteNodes, nodesMap, setNodeData, updateNode } from '../../shared/model/mapDoc';

/** A small deterministic PRNG (mulberry32): a failing run replays exactly from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function below(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

export function randomBytes(rand: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = below(rand, 256);
  return out;
}

/** One random edit of a map, as a person makes them: a new card, a move and rename, a field, or a deletion. */
export function randomEdit(doc: Y.Doc, rand: () => number, tag: string): void {
  const ids = [...nodesMap(doc).keys()];
  const r = rand();
  if (ids.length === 0 || r < 0.35) createNode(doc, { label: `${tag}-${Math.floor(rand() * 1e6)}`, x: rand() * 800, y: rand() * 600 });
  else if (r < 0.7) updateNode(doc, ids[Math.floor(rand() * ids.length)], { x: Math.round(rand() * 800), label: `${tag}:${Math.floor(rand() * 100)}` });
  else if (r < 0.9) setNodeData(doc, ids[Math.floor(rand() * ids.length)], { [`f${Math.floor(rand() * 4)}`]: tag });
  else deleteNodes(doc, [ids[Math.floor(rand() * ids.length)]]);
}
